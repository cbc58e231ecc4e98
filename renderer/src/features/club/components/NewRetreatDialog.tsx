import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, daysBetween, type IsoDate } from '@shared/domain/dates';
import { asMinor } from '@shared/domain/money';
import { useRoute } from '../../../stores/route';
import { useToday } from '../../../lib/today';
import { dateParser, textParser } from '../../../lib/parsers';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { FormField } from '../../../ui/FormField';
import type { ClubData } from '../hooks/useClubData';
import { useClubActions } from '../hooks/useClubActions';

/** A retreat needs a title, dates and a place to exist; agenda, attendees and budget come on its page. */
export function NewRetreatDialog({ data, open, onOpenChange }: { data: ClubData; open: boolean; onOpenChange: (o: boolean) => void }) {
  const { t } = useTranslation();
  const today = useToday();
  const actions = useClubActions();
  const navigate = useRoute((s) => s.navigate);
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [start, setStart] = useState<string>(addDays(today, 60));
  const [end, setEnd] = useState<string>(addDays(today, 61));
  const [touched, setTouched] = useState(false);
  const titleR = textParser({ required: true, max: 200 })(title);
  const startR = dateParser({ required: true })(start);
  const endR = dateParser({ required: true })(end);
  const endError = !endR.ok
    ? endR.error
    : startR.ok && endR.value && startR.value && daysBetween(startR.value, endR.value) < 0
      ? t('validation.endBeforeStart')
      : null;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!titleR.ok || !startR.ok || !startR.value || endError || !endR.ok || !endR.value) return;
    const out = await actions.createRetreat({
      title: titleR.value,
      theme: '',
      place: place.trim(),
      startDate: startR.value,
      endDate: endR.value as IsoDate,
      currency: data.program.currency,
      budget: asMinor(0),
      lines: [],
      ourAttendees: [],
      notes: '',
    });
    if (out) {
      onOpenChange(false);
      navigate({ name: 'retreat', id: out.retreat.id });
    }
  };
  const err = (m: string | null) => (touched ? m : null);
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('retreat.newTitle')}
      description={t('retreat.newDesc')}
      onSubmit={(e) => void submit(e)}
      actions={
        <>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit">
            {t('retreat.create')}
          </Button>
        </>
      }
    >
      <FormField id="r-title" label={t('retreat.field.title')} error={err(titleR.ok ? null : titleR.error)}>
        {(p) => (
          <input
            {...p}
            className="input"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            autoFocus
            placeholder={t('retreat.field.titlePlaceholder')}
          />
        )}
      </FormField>
      <FormField id="r-place" label={t('retreat.field.place')}>
        {(p) => <input {...p} className="input" value={place} onChange={(e) => setPlace(e.target.value)} />}
      </FormField>
      <div className="form-grid">
        <FormField id="r-start" label={t('retreat.field.start')} error={err(startR.ok ? null : startR.error)}>
          {(p) => <input {...p} type="date" className="input" value={start} onChange={(e) => setStart(e.target.value)} />}
        </FormField>
        <FormField id="r-end" label={t('retreat.field.end')} error={err(endError)}>
          {(p) => <input {...p} type="date" className="input" value={end} onChange={(e) => setEnd(e.target.value)} />}
        </FormField>
      </div>
    </Dialog>
  );
}
