import { useTranslation } from 'react-i18next';
import { FRESHNESS_LIMITS, freshnessProblem, type FreshnessThresholds } from '@shared/domain/stakeholders';
import { useSettings } from '../../../stores/settings';
import { InlineInput } from '../../../ui/fields';
import type { Parsed } from '../../../lib/parsers';
import { numberParser } from '../../../lib/parsers';

/** Day thresholds of the green / amber / red freshness badges on the stakeholder map. */
export function FreshnessSettings() {
  const { t } = useTranslation();
  const freshness = useSettings((s) => s.freshness);
  const setFreshness = useSettings((s) => s.setFreshness);
  const days = numberParser({ min: FRESHNESS_LIMITS.minDays, max: FRESHNESS_LIMITS.maxDays, integer: true });
  // The limits themselves are the shared rule the store also reads a saved preference with.
  const parse =
    (field: keyof FreshnessThresholds) =>
    (s: string): Parsed<number> => {
      const r = days(s);
      if (!r.ok) return r;
      const problem = freshnessProblem({ ...freshness, [field]: r.value });
      if (problem === null) return r;
      if (problem !== 'greenNotBelowAmber')
        return { ok: false, error: t('validation.range', { min: FRESHNESS_LIMITS.minDays, max: FRESHNESS_LIMITS.maxDays }) };
      return {
        ok: false,
        error:
          field === 'greenDays'
            ? t('settings.freshness.greenBelowAmber', { amber: freshness.amberDays })
            : t('settings.freshness.amberAboveGreen', { green: freshness.greenDays }),
      };
    };
  return (
    <section className="card" aria-labelledby="fresh-h">
      <h2 id="fresh-h" className="card__title">
        {t('settings.freshness.title')}
      </h2>
      <p className="field__hint">{t('settings.freshness.body')}</p>
      <div className="form-grid form-grid--2">
        <InlineInput
          label={t('settings.freshness.green')}
          saved={String(freshness.greenDays)}
          parse={parse('greenDays')}
          onCommit={(greenDays: number) => setFreshness({ ...freshness, greenDays })}
          inputMode="numeric"
          suffix={t('settings.freshness.days')}
          align="end"
        />
        <InlineInput
          label={t('settings.freshness.amber')}
          saved={String(freshness.amberDays)}
          parse={parse('amberDays')}
          onCommit={(amberDays: number) => setFreshness({ ...freshness, amberDays })}
          inputMode="numeric"
          suffix={t('settings.freshness.days')}
          align="end"
        />
      </div>
    </section>
  );
}
