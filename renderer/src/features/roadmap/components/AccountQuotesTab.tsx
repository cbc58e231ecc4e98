import { useTranslation } from 'react-i18next';
import { Receipt } from 'lucide-react';
import { EmptyState } from '../../../ui/Button';
import { useRoadmapData } from '../hooks/useRoadmapData';
import { ImportanceBadge } from './badges';
import { QuotesTable } from './QuotesTable';
import { Link } from '../../../ui/Link';

/** An account's acceleration quotes (with its own share) and what it asked the roadmap for. */
export function AccountQuotesTab({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const data = useRoadmapData();
  if (!data) return null;
  const quotes = data.quotes.filter((q) => q.funders.some((f) => f.accountId === accountId));
  const requests = data.requests.filter((r) => r.accountId === accountId);
  const items = new Map(data.items.map((i) => [i.id, i]));
  return (
    <div className="account-quotes">
      <section className="card" aria-labelledby="acc-quotes-h">
        <h2 className="card__title" id="acc-quotes-h">
          {t('quote.forAccount')}
        </h2>
        {quotes.length === 0 ? (
          <EmptyState
            icon={<Receipt size={22} aria-hidden />}
            title={t('quote.noneForAccount.title')}
            body={t('quote.noneForAccount.body')}
          />
        ) : (
          <QuotesTable data={data} quotes={quotes} forAccount={accountId} />
        )}
      </section>
      <section className="card" aria-labelledby="acc-requests-h">
        <h2 className="card__title" id="acc-requests-h">
          {t('roadmap.requests.byAccount')}
        </h2>
        {requests.length === 0 ? (
          <p className="muted">{t('roadmap.requests.noneByAccount')}</p>
        ) : (
          <ul className="request-list">
            {requests.map((r) => {
              const item = items.get(r.itemId);
              return (
                <li key={r.id}>
                  <Link to={{ name: 'item', id: r.itemId }}>{item?.title ?? t('quote.missingItem')}</Link>{' '}
                  <ImportanceBadge importance={r.importance} /> {item ? <span className="mono muted">{item.plannedQuarter}</span> : null}
                  {r.note ? <p className="muted small">{r.note}</p> : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
