import { useTranslation } from 'react-i18next';
import { useSettings } from '../../../stores/settings';
import { InlineInput } from '../../../ui/fields';
import type { Parsed } from '../../../lib/parsers';
import { numberParser } from '../../../lib/parsers';

/** Day thresholds of the green / amber / red freshness badges on the stakeholder map. */
export function FreshnessSettings() {
  const { t } = useTranslation();
  const freshness = useSettings((s) => s.freshness);
  const setFreshness = useSettings((s) => s.setFreshness);
  const days = numberParser({ min: 1, max: 365, integer: true });
  const green = (s: string): Parsed<number> => {
    const r = days(s);
    return r.ok && r.value >= freshness.amberDays
      ? { ok: false, error: t('settings.freshness.greenBelowAmber', { amber: freshness.amberDays }) }
      : r;
  };
  const amber = (s: string): Parsed<number> => {
    const r = days(s);
    return r.ok && r.value <= freshness.greenDays
      ? { ok: false, error: t('settings.freshness.amberAboveGreen', { green: freshness.greenDays }) }
      : r;
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
          parse={green}
          onCommit={(greenDays: number) => setFreshness({ ...freshness, greenDays })}
          inputMode="numeric"
          suffix={t('settings.freshness.days')}
          align="end"
        />
        <InlineInput
          label={t('settings.freshness.amber')}
          saved={String(freshness.amberDays)}
          parse={amber}
          onCommit={(amberDays: number) => setFreshness({ ...freshness, amberDays })}
          inputMode="numeric"
          suffix={t('settings.freshness.days')}
          align="end"
        />
      </div>
    </section>
  );
}
