import { useTranslation } from 'react-i18next';
import { MAX_ENGINEERS, MAX_MARGIN_BP, MIN_MARGIN_BP, SPLIT_MODES, STAFFING_MODES, type QuoteFields } from '@shared/domain/acceleration';
import { MAX_EFFORT_EM } from '@shared/domain/roadmap';
import { bpInputValue, formatEm, moneyInputValue } from '../../../lib/format';
import { engineerMonthsParser, moneyParser, numberParser, percentParser, quarterParser } from '../../../lib/parsers';
import { InlineInput, InlineTextarea } from '../../../ui/fields';
import type { QuoteRow } from '../../../db/database';
import type { RoadmapRows } from '../hooks/useRoadmapData';
import { FundersEditor } from './FundersEditor';

type Save = (patch: Partial<QuoteFields>) => void;

/** Every input of the price, edited inline; a wrong value is refused next to its field. */
export function QuoteInputs({
  data,
  quote,
  save,
  itemEffort,
}: {
  data: RoadmapRows;
  quote: QuoteRow;
  save: Save;
  itemEffort: number | undefined;
}) {
  const { t } = useTranslation();
  const cur = quote.currency;
  const pct = (key: 'rampUpBp' | 'pmQaBp' | 'contingencyBp' | 'marginBp', label: string, hint?: string) => (
    <InlineInput
      label={label}
      hint={hint}
      saved={bpInputValue(quote[key])}
      parse={percentParser(key === 'marginBp' ? { min: MIN_MARGIN_BP / 100, max: MAX_MARGIN_BP / 100 } : { min: 0, max: 1000 })}
      onCommit={(v) => save({ [key]: v })}
      inputMode="decimal"
      align="end"
      suffix="%"
    />
  );
  return (
    <div className="quote-inputs">
      <div className="form-grid">
        <InlineInput
          label={t('quote.field.target')}
          saved={quote.targetQuarter}
          parse={quarterParser}
          onCommit={(targetQuarter) => save({ targetQuarter })}
          hint={t('quote.plannedIn', { quarter: quote.fromQuarter })}
        />
        <InlineInput
          label={t('quote.field.effort')}
          saved={String(quote.effortEm)}
          parse={engineerMonthsParser({ min: 0.1, max: MAX_EFFORT_EM })}
          onCommit={(effortEm: number) => save({ effortEm })}
          inputMode="decimal"
          align="end"
          suffix={t('roadmap.em')}
          hint={
            itemEffort !== undefined && itemEffort !== quote.effortEm
              ? t('quote.itemEffortNow', { effort: formatEm(itemEffort) })
              : undefined
          }
        />
      </div>
      <fieldset className="segmented">
        <legend className="field__label">{t('quote.field.staffing')}</legend>
        {STAFFING_MODES.map((m) => (
          <label key={m} className={`segmented__option ${quote.staffing === m ? 'segmented__option--on' : ''}`}>
            <input
              type="radio"
              name={`staffing-${quote.id}`}
              value={m}
              checked={quote.staffing === m}
              onChange={() => save({ staffing: m })}
            />
            {t(`quote.staffing.${m}`)}
          </label>
        ))}
      </fieldset>
      {quote.staffing === 'hire' ? (
        <div className="form-grid">
          <InlineInput
            label={t('quote.field.monthlyCost')}
            saved={moneyInputValue(quote.monthlyCost, cur)}
            parse={moneyParser(cur)}
            onCommit={(monthlyCost) => save({ monthlyCost })}
            inputMode="decimal"
            align="end"
            suffix={cur}
          />
          <InlineInput
            label={t('quote.field.engineers')}
            saved={String(quote.engineers)}
            parse={numberParser({ min: 1, max: MAX_ENGINEERS, integer: true })}
            onCommit={(engineers: number) => save({ engineers })}
            inputMode="numeric"
            align="end"
          />
        </div>
      ) : (
        <div className="form-grid form-grid--3">
          <InlineInput
            label={t('quote.field.hourlyRate')}
            saved={moneyInputValue(quote.hourlyRate, cur)}
            parse={moneyParser(cur)}
            onCommit={(hourlyRate) => save({ hourlyRate })}
            inputMode="decimal"
            align="end"
            suffix={cur}
          />
          <InlineInput
            label={t('quote.field.hoursPerMonth')}
            saved={String(quote.hoursPerMonth)}
            parse={numberParser({ min: 1, max: 744, integer: true })}
            onCommit={(hoursPerMonth: number) => save({ hoursPerMonth })}
            inputMode="numeric"
            align="end"
          />
          {pct('rampUpBp', t('quote.field.rampUp'))}
        </div>
      )}
      <div className="form-grid form-grid--3">
        {pct('pmQaBp', t('quote.field.pmQa'))}
        {pct('contingencyBp', t('quote.field.contingency'))}
        {pct('marginBp', t('quote.field.margin'), t('quote.marginHint'))}
      </div>
      <fieldset className="segmented">
        <legend className="field__label">{t('quote.field.split')}</legend>
        {SPLIT_MODES.map((m) => (
          <label key={m} className={`segmented__option ${quote.split === m ? 'segmented__option--on' : ''}`}>
            <input type="radio" name={`split-${quote.id}`} value={m} checked={quote.split === m} onChange={() => save({ split: m })} />
            {t(`quote.split.${m}`)}
          </label>
        ))}
      </fieldset>
      <FundersEditor data={data} quote={quote} save={save} />
      <label className="check-row">
        <input type="checkbox" checked={quote.waived} onChange={(e) => save({ waived: e.target.checked })} />
        <span>
          <strong>{t('quote.field.waived')}</strong>
          <span className="muted"> — {t('quote.waivedHint')}</span>
        </span>
      </label>
      <InlineTextarea
        label={t('quote.field.terms')}
        saved={quote.terms}
        onCommit={(terms) => save({ terms })}
        maxLength={20_000}
        tooLong={t('validation.tooLong', { max: 20_000 })}
        rows={3}
        placeholder={t('quote.termsPlaceholder')}
      />
    </div>
  );
}
