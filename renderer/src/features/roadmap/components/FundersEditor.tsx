import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { X } from 'lucide-react';
import { sharesTotalBp, type QuoteFields } from '@shared/domain/acceleration';
import { BP_ONE } from '@shared/domain/money';
import { arrIn } from '@shared/domain/roadmapView';
import { bpInputValue, formatBp, formatMoney } from '../../../lib/format';
import { percentParser } from '../../../lib/parsers';
import { IconButton } from '../../../ui/Button';
import { InlineInput } from '../../../ui/fields';
import { AccountPicker } from '../../../ui/AccountPicker';
import type { QuoteRow } from '../../../db/database';
import type { RoadmapRows } from '../hooks/useRoadmapData';

/** The funders of a quote: add, remove (never the last one) and, for a custom split, their shares. */
export function FundersEditor({ data, quote, save }: { data: RoadmapRows; quote: QuoteRow; save: (patch: Partial<QuoteFields>) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const custom = quote.split === 'custom';
  const total = sharesTotalBp(quote.funders);
  return (
    <fieldset className="field funders" aria-describedby={error ? `${id}-err` : undefined}>
      <legend className="field__label">{t('quote.field.funders')}</legend>
      <ul className="funders__list">
        {quote.funders.map((f, i) => {
          const account = data.accounts.get(f.accountId);
          const name = account?.name ?? t('quote.deletedAccount');
          const arr = arrIn(data, f.accountId, quote.currency);
          return (
            <li key={f.accountId} className="funders__row">
              <span className="funders__name">
                {name}
                <span className="cell-sub">
                  {arr === null
                    ? t('quote.noArrRate', { currency: account?.currency ?? '' })
                    : t('quote.funderArr', { arr: formatMoney(arr, quote.currency) })}
                  {account?.bucket === 4 ? ` · ${t('quote.bucket4Short')}` : ''}
                </span>
              </span>
              {custom ? (
                <InlineInput
                  className="funders__share"
                  label={t('quote.shareOf', { name })}
                  hideLabel
                  saved={bpInputValue(f.shareBp)}
                  parse={percentParser({ min: 0, max: 100 })}
                  onCommit={(shareBp) => save({ funders: quote.funders.map((x, j) => (j === i ? { ...x, shareBp } : x)) })}
                  inputMode="decimal"
                  align="end"
                  suffix="%"
                />
              ) : null}
              <IconButton
                label={t('quote.removeFunder', { name })}
                icon={<X size={14} aria-hidden />}
                onClick={() => {
                  if (quote.funders.length === 1) {
                    setError(t('quote.refused.lastFunder'));
                    return;
                  }
                  setError(null);
                  save({ funders: quote.funders.filter((x) => x.accountId !== f.accountId) });
                }}
              />
            </li>
          );
        })}
      </ul>
      {custom ? (
        <p className={`funders__total ${total === BP_ONE ? 'text-success' : 'text-danger'}`} role="status">
          {total === BP_ONE
            ? t('quote.sharesOk')
            : t('quote.sharesOff', {
                total: formatBp(total),
                diff: formatBp(Math.abs(BP_ONE - total)),
                direction: total > BP_ONE ? t('quote.reduce') : t('quote.add'),
              })}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-err`} role="alert">
          {error}
        </p>
      ) : null}
      <label className="sr-only" htmlFor={`${id}-add`}>
        {t('quote.addFunder')}
      </label>
      <AccountPicker
        id={`${id}-add`}
        accounts={data.accounts}
        exclude={new Set(quote.funders.map((f) => f.accountId))}
        value=""
        onChange={(accountId) => {
          if (!accountId) return;
          setError(null);
          save({ funders: [...quote.funders, { accountId, shareBp: 0 }] });
        }}
        placeholder={t('quote.addFunderOption')}
      />
    </fieldset>
  );
}
