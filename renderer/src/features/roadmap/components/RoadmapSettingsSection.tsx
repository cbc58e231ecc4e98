import { useTranslation } from 'react-i18next';
import { IMPORTANCES, MAX_CAPACITY_EM } from '@shared/domain/roadmap';
import { bpInputValue } from '../../../lib/format';
import { engineerMonthsParser, numberParser, percentParser } from '../../../lib/parsers';
import { InlineInput } from '../../../ui/fields';
import { useRoadmapData } from '../hooks/useRoadmapData';
import { useRoadmapActions } from '../hooks/useRoadmapActions';

/** Workspace roadmap settings: synced, so every device weighs demand and prices quotes alike. */
export function RoadmapSettingsSection() {
  const { t } = useTranslation();
  const data = useRoadmapData();
  const actions = useRoadmapActions();
  if (!data) return null;
  const s = data.settings;
  return (
    <section className="card settings-card" aria-labelledby="roadmap-settings-h">
      <h2 className="card__title" id="roadmap-settings-h">
        {t('settings.roadmap.title')}
      </h2>
      <p className="muted">{t('settings.roadmap.body')}</p>
      <p className="muted small">{t('settings.roadmap.currencyNote', { currency: s.currency })}</p>
      <div className="form-grid form-grid--3">
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
    </section>
  );
}
