import { useTranslation } from 'react-i18next';
import { IMPORTANCES, MAX_CAPACITY_EM, MAX_RATE_MICROS } from '@shared/domain/roadmap';
import { isCurrencyCode } from '@shared/domain/money';
import { bpInputValue, formatNumber } from '../../../lib/format';
import { engineerMonthsParser, numberParser, percentParser, type Parsed } from '../../../lib/parsers';
import { InlineInput } from '../../../ui/fields';
import { i18next } from '../../../i18n';
import { useRoadmapData } from '../hooks/useRoadmapData';
import { useRoadmapActions } from '../hooks/useRoadmapActions';

function currencyParser(s: string): Parsed<string> {
  const c = s.trim().toUpperCase();
  return isCurrencyCode(c) ? { ok: true, value: c } : { ok: false, error: i18next.t('validation.currency') };
}

/** "0.087" → 87 000 micro-units; up to six decimals, more than zero. */
function rateParser(s: string): Parsed<number> {
  const r = numberParser({ min: 0, max: MAX_RATE_MICROS / 1_000_000 })(s);
  if (!r.ok) return r;
  const micros = Math.round(r.value * 1_000_000);
  if (micros <= 0) return { ok: false, error: i18next.t('validation.ratePositive') };
  if (Math.abs(micros - r.value * 1_000_000) > 1e-6) return { ok: false, error: i18next.t('validation.sixDecimals') };
  return { ok: true, value: micros };
}

/** Workspace roadmap settings: synced, so every device weighs demand and prices quotes alike. */
export function RoadmapSettingsSection() {
  const { t } = useTranslation();
  const data = useRoadmapData();
  const actions = useRoadmapActions();
  if (!data) return null;
  const s = data.settings;
  const foreign = [...new Set([...data.accounts.values()].map((a) => a.currency))].filter((c) => c !== s.currency).sort();
  return (
    <section className="card settings-card" aria-labelledby="roadmap-settings-h">
      <h2 className="card__title" id="roadmap-settings-h">
        {t('settings.roadmap.title')}
      </h2>
      <p className="muted">{t('settings.roadmap.body')}</p>
      <div className="form-grid form-grid--3">
        <InlineInput
          label={t('settings.roadmap.currency')}
          saved={s.currency}
          parse={currencyParser}
          onCommit={(currency: string) => actions.updateSettings({ currency })}
          maxLength={3}
          hint={t('settings.roadmap.currencyHint')}
        />
        <InlineInput
          label={t('settings.roadmap.defaultCapacity')}
          saved={String(s.defaultCapacityEm)}
          parse={engineerMonthsParser({ min: 0, max: MAX_CAPACITY_EM })}
          onCommit={(defaultCapacityEm: number) => actions.updateSettings({ defaultCapacityEm })}
          inputMode="decimal"
          align="end"
          suffix={t('roadmap.em')}
        />
        <InlineInput
          label={t('settings.roadmap.hoursPerMonth')}
          saved={String(s.hoursPerMonth)}
          parse={numberParser({ min: 1, max: 744, integer: true })}
          onCommit={(hoursPerMonth: number) => actions.updateSettings({ hoursPerMonth })}
          inputMode="numeric"
          align="end"
        />
      </div>
      <h3 className="subhead">{t('settings.roadmap.weights')}</h3>
      <p className="muted small">{t('settings.roadmap.weightsHint')}</p>
      <div className="form-grid form-grid--3">
        {IMPORTANCES.map((i) => (
          <InlineInput
            key={i}
            label={t(`roadmap.importance.${i}`)}
            saved={bpInputValue(s.weights[i])}
            parse={percentParser({ min: 0, max: 1000 })}
            onCommit={(bp) => actions.updateSettings({ weights: { ...s.weights, [i]: bp } })}
            inputMode="decimal"
            align="end"
            suffix="%"
          />
        ))}
      </div>
      <h3 className="subhead">{t('settings.roadmap.guardrails')}</h3>
      <div className="form-grid form-grid--3">
        <InlineInput
          label={t('settings.roadmap.maxFundingShare')}
          saved={bpInputValue(s.maxFundingShareBp)}
          parse={percentParser({ min: 0.01, max: 100 })}
          onCommit={(maxFundingShareBp) => actions.updateSettings({ maxFundingShareBp })}
          inputMode="decimal"
          align="end"
          suffix="%"
          hint={t('settings.roadmap.maxFundingShareHint')}
        />
      </div>
      {foreign.length > 0 ? (
        <>
          <h3 className="subhead">{t('settings.roadmap.rates')}</h3>
          <p className="muted small">{t('settings.roadmap.ratesHint', { currency: s.currency })}</p>
          <div className="form-grid form-grid--3">
            {foreign.map((c) => (
              <InlineInput
                key={c}
                label={t('settings.roadmap.rateFor', { from: c, to: s.currency })}
                saved={s.rates[c] ? formatNumber(s.rates[c] / 1_000_000, 6) : ''}
                parse={rateParser}
                onCommit={(micros: number) => actions.updateSettings({ rates: { ...s.rates, [c]: micros } })}
                inputMode="decimal"
                align="end"
                suffix={s.currency}
                placeholder={t('settings.roadmap.ratePlaceholder')}
              />
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}
