import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_EFFORT_EM } from '@shared/domain/roadmap';
import { addQuarters, quarterOf } from '@shared/domain/quarter';
import { useRoute } from '../../../stores/route';
import { useToday } from '../../../lib/today';
import { engineerMonthsParser, quarterParser, textParser } from '../../../lib/parsers';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { useRoadmapActions } from '../hooks/useRoadmapActions';
import { FormField } from '../../../ui/FormField';

/** The facts an item needs to exist on the roadmap; the rest is edited on its page. */
export function NewItemDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const today = useToday();
  const actions = useRoadmapActions();
  const navigate = useRoute((s) => s.navigate);
  const [title, setTitle] = useState('');
  const [theme, setTheme] = useState('');
  const [quarter, setQuarter] = useState(() => addQuarters(quarterOf(today), 2) as string);
  const [effort, setEffort] = useState('3');
  const [onStrategy, setOnStrategy] = useState(true);
  const [touched, setTouched] = useState(false);

  const titleR = textParser({ required: true, max: 200 })(title);
  const themeR = textParser({ max: 80 })(theme);
  const quarterR = quarterParser(quarter);
  const effortR = engineerMonthsParser({ min: 0.1, max: MAX_EFFORT_EM })(effort);
  const err = (r: { ok: boolean; error?: string }) => (touched && !r.ok ? (r.error ?? null) : null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!titleR.ok || !themeR.ok || !quarterR.ok || !effortR.ok) return;
    const out = await actions.createItem({
      title: titleR.value,
      theme: themeR.value,
      plannedQuarter: quarterR.value,
      effortEm: effortR.value,
      onStrategy,
    });
    if (!out) return;
    onOpenChange(false);
    setTitle('');
    setTheme('');
    setTouched(false);
    navigate({ name: 'item', id: out.item.id });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('roadmap.newItemTitle')}
      description={t('roadmap.newItemDesc')}
      onSubmit={(e) => void submit(e)}
      actions={
        <>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit">
            {t('roadmap.createItem')}
          </Button>
        </>
      }
    >
      <FormField id="item-title" label={t('roadmap.field.title')} error={err(titleR)}>
        {(p) => <input {...p} className="input" value={title} onChange={(e) => setTitle(e.target.value)} autoFocus maxLength={220} />}
      </FormField>
      <div className="form-grid form-grid--3">
        <FormField id="item-theme" label={t('roadmap.field.theme')} error={err(themeR)}>
          {(p) => (
            <input
              {...p}
              className="input"
              value={theme}
              onChange={(e) => setTheme(e.target.value)}
              placeholder={t('roadmap.field.themePlaceholder')}
            />
          )}
        </FormField>
        <FormField id="item-quarter" label={t('roadmap.field.quarter')} error={err(quarterR)} hint={t('roadmap.field.quarterHint')}>
          {(p) => <input {...p} className="input mono" value={quarter} onChange={(e) => setQuarter(e.target.value)} />}
        </FormField>
        <FormField id="item-effort" label={t('roadmap.field.effort')} error={err(effortR)}>
          {(p) => (
            <input {...p} className="input input--num" inputMode="decimal" value={effort} onChange={(e) => setEffort(e.target.value)} />
          )}
        </FormField>
      </div>
      <label className="check-row">
        <input type="checkbox" checked={onStrategy} onChange={(e) => setOnStrategy(e.target.checked)} />
        <span>
          <strong>{t('roadmap.field.onStrategy')}</strong>
          <span className="muted"> — {t('roadmap.onStrategyHint')}</span>
        </span>
      </label>
    </Dialog>
  );
}
