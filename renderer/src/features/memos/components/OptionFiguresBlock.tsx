import { useTranslation } from 'react-i18next';
import type { FrozenOption } from '@shared/domain/memo';
import type { OptionFigures } from '@shared/domain/memoFigures';
import { asMinor, type Minor } from '@shared/domain/money';
import { Badge } from '../../../ui/Button';
import { Link } from '../../../ui/Link';
import { formatMoney, healthTone } from '../../../lib/format';

/**
 * An option's figures: what slips, revenue at stake with its parts, cost with its parts, and the
 * customers affected. Live while the memo is open; the recorded figures (`frozen`) once decided.
 */
export function OptionFiguresBlock({
  live,
  frozen,
  currency,
}: {
  live: OptionFigures | null;
  frozen: FrozenOption | null;
  currency: string;
}) {
  const { t } = useTranslation();
  const m = (v: Minor | number | null) => (v === null ? t('memo.figures.noRate') : formatMoney(asMinor(v), currency, { whole: true }));
  const slips = frozen ? frozen.slips : (live?.slips ?? []);
  const gained = frozen ? frozen.gained : (live?.gained ?? 0);
  const slipping = frozen ? frozen.slipping : (live?.slipping ?? 0);
  const quotePrice = frozen ? frozen.quotePrice : (live?.quote?.price ?? 0);
  const atStake = gained + slipping + quotePrice;
  if (live?.tooLarge && !frozen) return <p className="text-warning">{t('memo.figures.tooLarge')}</p>;
  return (
    <dl className="option-figures">
      <div className="option-figures__row">
        <dt>{t('memo.figures.slips')}</dt>
        <dd>
          {slips.length === 0 ? (
            <span className="muted">{t('memo.figures.nothingSlips')}</span>
          ) : (
            <ul className="slips" aria-label={t('memo.figures.slips')}>
              {slips.map((s) => (
                <li key={`${s.title}-${s.from}`}>
                  <strong>{s.title}</strong>{' '}
                  <span className="mono">
                    {s.from} → {s.to}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {live && !frozen
            ? live.unresolved.map((u) => (
                <p key={u.quarter} className="text-danger small">
                  {t('quote.slips.unresolved', { quarter: u.quarter, over: u.overEm })}
                </p>
              ))
            : null}
        </dd>
      </div>
      <div className="option-figures__row">
        <dt>{t('memo.figures.atStake')}</dt>
        <dd>
          <span className="option-figures__total num">{m(atStake)}</span>
          <span className="option-figures__parts">
            {t('memo.figures.atStakeParts', { gained: m(gained), slipping: m(slipping), quote: m(quotePrice) })}
          </span>
        </dd>
      </div>
      <div className="option-figures__row">
        <dt>{t('memo.figures.cost')}</dt>
        <dd>
          <span className="option-figures__total num">{m(frozen ? frozen.cost : (live?.cost.total ?? 0))}</span>
          {live && !frozen ? (
            <span className="option-figures__parts">
              {t('memo.figures.costParts', { quote: m(live.cost.quote ?? 0), exit: m(live.cost.exit ?? 0), other: m(live.cost.other) })}
            </span>
          ) : null}
        </dd>
      </div>
      <div className="option-figures__row">
        <dt>{t('memo.figures.customers')}</dt>
        <dd>
          {frozen ? (
            t('memo.figures.customersCount', { count: frozen.customers })
          ) : !live || live.customers.length === 0 ? (
            <span className="muted">{t('memo.figures.noCustomers')}</span>
          ) : (
            <ul className="affected" aria-label={t('memo.figures.customers')}>
              {live.customers.map((c) => (
                <li key={c.accountId}>
                  <Link to={{ name: 'account', id: c.accountId, tab: 'overview' }}>{c.name}</Link>{' '}
                  <span className={`affected__rel affected__rel--${c.relation}`}>{t(`memo.figures.relation.${c.relation}`)}</span>{' '}
                  {c.bucket !== null ? <Badge>{t(`bucket.${c.bucket}Short`)}</Badge> : null}{' '}
                  {c.health !== null ? (
                    <Badge tone={healthTone(c.health)}>{t('portfolio.buckets.healthValue', { value: c.health })}</Badge>
                  ) : null}
                  {c.items.length > 0 ? <span className="muted small"> · {c.items.join(', ')}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      {live && live.missingRates.length > 0 ? (
        <p className="text-warning small">{t('memo.figures.missingRates', { currencies: live.missingRates.join(', ') })}</p>
      ) : null}
    </dl>
  );
}
