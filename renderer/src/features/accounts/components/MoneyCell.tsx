import { useTranslation } from 'react-i18next';
import { CircleAlert } from 'lucide-react';
import type { Reporting } from '@shared/domain/accountList';
import type { Minor } from '@shared/domain/money';
import { formatMoney, formatNumber } from '../../../lib/format';
import { Link } from '../../../ui/Link';

const SETTINGS = { name: 'settings' } as const;

/**
 * A money cell of the accounts list: the amount in the account's own currency (a seller thinks in
 * the contract currency). Below it, for another currency, what the list sorts by: the amount in the
 * reporting currency, rounded (it is only as exact as the rate; the exact figure is in its title),
 * or, without a rate, a link to the setting that is missing.
 */
export function MoneyCell(props: { amount: Minor; currency: string; converted: Minor | null; reporting: Reporting | undefined }) {
  const { t } = useTranslation();
  const { amount, currency, converted, reporting } = props;
  const foreign = reporting !== undefined && currency !== reporting.currency;
  const noRate = t('accounts.money.noRateLabel', { currency });
  return (
    <div role="gridcell" className={`grid__cell num ${foreign ? 'grid__cell--money' : ''}`}>
      <span>{formatMoney(amount, currency)}</span>
      {!foreign ? null : converted !== null ? (
        <span
          className="cell-sub"
          title={t('accounts.money.atRate', {
            amount: formatMoney(converted, reporting.currency),
            from: currency,
            rate: formatNumber((reporting.rates[currency] ?? 0) / 1_000_000, 6),
            to: reporting.currency,
          })}
        >
          {t('accounts.money.approx', { amount: formatMoney(converted, reporting.currency, { compact: true }) })}
        </span>
      ) : (
        <Link className="cell-sub money-norate" to={SETTINGS} tabIndex={-1} title={noRate} aria-label={noRate}>
          <CircleAlert size={11} aria-hidden />
          {t('accounts.money.noRate')}
        </Link>
      )}
    </div>
  );
}
