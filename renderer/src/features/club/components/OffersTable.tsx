import { useTranslation } from 'react-i18next';
import { compareOffer } from '@shared/domain/club';
import type { OfferRow } from '../../../db/database';
import { Badge } from '../../../ui/Button';
import { DataTable, type Column } from '../../../ui/DataTable';
import { Link } from '../../../ui/Link';
import { formatBp, formatMoney } from '../../../lib/format';
import type { ClubData } from '../hooks/useClubData';

const TONE = { draft: 'neutral', presented: 'info', chosen: 'success' } as const;

export function OfferStatusBadge({ status }: { status: OfferRow['status'] }) {
  const { t } = useTranslation();
  return <Badge tone={TONE[status]}>{t(`offer.status.${status}`)}</Badge>;
}

/** Offers with their best option for the vendor and the break-even discount. */
export function OffersTable({ data, offers, hideAccount }: { data: ClubData; offers: readonly OfferRow[]; hideAccount?: boolean }) {
  const { t } = useTranslation();
  const compared = new Map(offers.map((o) => [o.id, compareOffer(o)]));
  const columns: readonly Column<OfferRow>[] = [
    {
      key: 'offer',
      header: t('offer.col.offer'),
      cell: (o) => (
        <>
          <Link to={{ name: 'offer', id: o.id }} className="row-link">
            {hideAccount ? o.name : (data.accounts.get(o.accountId)?.name ?? '')}
          </Link>
          {hideAccount ? null : <div className="cell-sub">{o.name}</div>}
        </>
      ),
    },
    { key: 'status', header: t('offer.col.status'), cell: (o) => <OfferStatusBadge status={o.status} /> },
    {
      key: 'list',
      header: t('offer.col.list'),
      numeric: true,
      cell: (o) => t('offer.perYearTerm', { amount: formatMoney(o.listPrice, o.currency), years: o.termYears }),
    },
    { key: 'asked', header: t('offer.col.asked'), numeric: true, cell: (o) => formatBp(o.askedDiscountBp) },
    {
      key: 'breakEven',
      header: t('offer.col.breakEven'),
      numeric: true,
      cell: (o) => {
        const be = compared.get(o.id)?.breakEven;
        return be ? formatBp(be.bp) : '—';
      },
    },
    {
      key: 'best',
      header: t('offer.col.best'),
      cell: (o) => {
        const c = compared.get(o.id);
        const best = c?.results[c.best];
        return best ? `${best.option.label} · ${formatMoney(best.net, o.currency)}` : '—';
      },
    },
  ];
  return <DataTable label={t('offer.listLabel')} columns={columns} rows={offers} rowKey={(o) => o.id} />;
}
