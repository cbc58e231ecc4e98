import { useTranslation } from 'react-i18next';
import { ICP_CRITERIA } from '@shared/domain/account';
import { isCurrencyCode } from '@shared/domain/money';
import { MAX_RATE_MICROS } from '@shared/domain/roadmap';
import { MAX_ICP_WEIGHT } from '@shared/domain/workspace';
import { formatNumber } from '../../../lib/format';
import { numberParser, type Parsed } from '../../../lib/parsers';
import { InlineInput } from '../../../ui/fields';
import { i18next } from '../../../i18n';
import { useWorkspaceSettings, useWorkspaceSettingsActions } from '../hooks/useWorkspaceSettings';

/** The element a "No exchange rate" link can scroll to: the rate field of one currency. */
export const rateAnchorId = (currency: string) => `workspace-rate-${currency}`;

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

const weightParser = numberParser({ min: 0, max: MAX_ICP_WEIGHT, integer: true });

/** Workspace settings: synced, so every device reports in one currency at the same rates and scores fit alike. */
export function WorkspaceSettingsSection() {
  const { t } = useTranslation();
  const data = useWorkspaceSettings();
  const { update } = useWorkspaceSettingsActions();
  if (!data) return null;
  const { settings: s, currencies } = data;
  const unscorable = ICP_CRITERIA.every((c) => s.icpWeights[c] === 0);
  return (
    <section className="card settings-card" id="workspace-settings" aria-labelledby="workspace-settings-h">
      <h2 className="card__title" id="workspace-settings-h">
        {t('settings.workspace.title')}
      </h2>
      <p className="muted">{t('settings.workspace.body')}</p>
      <div className="form-grid form-grid--3">
        <InlineInput
          label={t('settings.workspace.currency')}
          saved={s.currency}
          parse={currencyParser}
          onCommit={(currency: string) => update({ currency })}
          maxLength={3}
          hint={t('settings.workspace.currencyHint')}
        />
      </div>
      {currencies.length > 0 ? (
        <>
          <h3 className="subhead">{t('settings.workspace.rates')}</h3>
          <p className="muted small">{t('settings.workspace.ratesHint', { currency: s.currency })}</p>
          <div className="form-grid form-grid--3">
            {currencies.map((c) => (
              <div key={c} id={rateAnchorId(c)}>
                <InlineInput
                  label={t('settings.workspace.rateFor', { from: c, to: s.currency })}
                  saved={s.rates[c] ? formatNumber(s.rates[c] / 1_000_000, 6) : ''}
                  parse={rateParser}
                  onCommit={(micros: number) => update({ rates: { ...s.rates, [c]: micros } })}
                  inputMode="decimal"
                  align="end"
                  suffix={s.currency}
                  placeholder={t('settings.workspace.ratePlaceholder')}
                />
              </div>
            ))}
          </div>
        </>
      ) : null}
      <h3 className="subhead">{t('settings.workspace.icpWeights')}</h3>
      <p className="muted small">{t('settings.workspace.icpWeightsHint')}</p>
      <div className="form-grid form-grid--3">
        {ICP_CRITERIA.map((c) => (
          <InlineInput
            key={c}
            label={t(`icp.${c}`)}
            saved={String(s.icpWeights[c])}
            parse={weightParser}
            onCommit={(w: number) => update({ icpWeights: { ...s.icpWeights, [c]: w } })}
            inputMode="numeric"
            align="end"
          />
        ))}
      </div>
      {unscorable ? <p className="text-warning small">{t('settings.workspace.icpWeightsAllZero')}</p> : null}
    </section>
  );
}
