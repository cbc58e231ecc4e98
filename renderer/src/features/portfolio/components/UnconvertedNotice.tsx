import { useTranslation } from 'react-i18next';
import { AlertTriangle } from 'lucide-react';
import type { Portfolio } from '@shared/domain/portfolio';
import { Link } from '../../../ui/Link';

/**
 * Accounts in a currency without a rate are listed apart, never left out silently nor counted at
 * face value: each currency with its accounts and the way to add its rate.
 */
export function UnconvertedNotice({
  unconverted,
  outOfRange,
  currency,
}: {
  unconverted: Portfolio['unconverted'];
  outOfRange: Portfolio['outOfRange'];
  currency: string;
}) {
  const { t } = useTranslation();
  if (outOfRange.length > 0 && unconverted.length === 0)
    return (
      <p className="notice notice--warning" role="note">
        {t('portfolio.outOfRange', {
          count: outOfRange.length,
          names: outOfRange
            .slice(0, 5)
            .map((a) => a.name)
            .join(', '),
        })}
      </p>
    );
  if (unconverted.length === 0) return null;
  const count = unconverted.reduce((n, u) => n + u.accounts.length, 0);
  return (
    <section className="notice notice--warning portfolio-unconverted" aria-labelledby="unconverted-h">
      <AlertTriangle size={16} aria-hidden />
      <div>
        <h2 id="unconverted-h" className="notice__title">
          {t('portfolio.unconverted.title', { count, currency })}
        </h2>
        <ul className="portfolio-unconverted__list">
          {unconverted.map((u) => (
            <li key={u.currency}>
              <Link to={{ name: 'settings' }} className="link strong">
                {t('portfolio.unconverted.addRate', { currency: u.currency })}
              </Link>{' '}
              <span className="muted">
                {u.accounts.slice(0, 5).map((a, i) => (
                  <span key={a.id}>
                    {i > 0 ? ', ' : ''}
                    <Link to={{ name: 'account', id: a.id, tab: 'overview' }} className="link">
                      {a.name}
                    </Link>
                  </span>
                ))}
                {u.accounts.length > 5 ? t('portfolio.unconverted.more', { count: u.accounts.length - 5 }) : null}
              </span>
            </li>
          ))}
        </ul>
        {outOfRange.length > 0 ? (
          <p>
            {t('portfolio.outOfRange', {
              count: outOfRange.length,
              names: outOfRange
                .slice(0, 5)
                .map((a) => a.name)
                .join(', '),
            })}
          </p>
        ) : null}
      </div>
    </section>
  );
}
