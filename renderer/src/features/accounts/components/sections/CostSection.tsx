import { useTranslation } from 'react-i18next';
import { COST_CATEGORIES, MAX_HOURS, costToServe, profitContribution, type CostCategory } from '@shared/domain/account';
import { InlineInput } from '../../../../ui/fields';
import { moneyParser, numberParser } from '../../../../lib/parsers';
import { formatMoney, formatNumber, moneyInputValue } from '../../../../lib/format';
import type { SectionProps } from '../OverviewTab';

/** Cost to serve: hours × loaded hourly rate per category, and the profit it leaves (PRODUCT §1). */
export function CostSection({ account, save }: SectionProps) {
  const { t } = useTranslation();
  const c = account.currency;
  const cost = costToServe(account);
  const profit = profitContribution(account);
  const hours = numberParser({ min: 0, max: MAX_HOURS, allowEmpty: true });
  return (
    <section className="card" id="section-cost" aria-labelledby="cost-h">
      <h2 id="cost-h" className="card__title">
        {t('account.section.cost')}
        <span className="card__aside">{t('account.costPerYear')}</span>
      </h2>
      <table className="cost-table">
        <thead>
          <tr>
            <th scope="col">{t('cost.category')}</th>
            <th scope="col" className="num">
              {t('cost.hours')}
            </th>
            <th scope="col" className="num">
              {t('cost.rate', { currency: c })}
            </th>
            <th scope="col" className="num">
              {t('cost.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {COST_CATEGORIES.map((cat: CostCategory) => (
            <tr key={cat}>
              <th scope="row">{t(`cost.cat.${cat}`)}</th>
              <td>
                <InlineInput
                  hideLabel
                  label={t('cost.hoursFor', { category: t(`cost.cat.${cat}`) })}
                  saved={formatNumber(account[`${cat}Hours`], 2)}
                  parse={hours}
                  onCommit={(v: number) => save({ [`${cat}Hours`]: v })}
                  inputMode="decimal"
                  align="end"
                />
              </td>
              <td>
                <InlineInput
                  hideLabel
                  label={t('cost.rateFor', { category: t(`cost.cat.${cat}`) })}
                  saved={moneyInputValue(account[`${cat}Rate`], c)}
                  parse={moneyParser(c)}
                  onCommit={(v) => save({ [`${cat}Rate`]: v })}
                  inputMode="decimal"
                  align="end"
                />
              </td>
              <td className="num">{formatMoney(cost[cat], c)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('cost.total')}
            </th>
            <td className="num">{formatMoney(cost.total, c)}</td>
          </tr>
          <tr className="cost-table__profit">
            <th scope="row" colSpan={3}>
              {t('cost.profit')}
            </th>
            <td className={`num ${profit < 0 ? 'text-danger' : ''}`}>{formatMoney(profit, c)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
