import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Trash2 } from 'lucide-react';
import { isTime, minutesOf, SESSION_KINDS, type SessionKind } from '@shared/domain/retreat';
import type { RetreatRow, SessionRow } from '../../../db/database';
import { formatDate } from '../../../lib/format';
import { textParser } from '../../../lib/parsers';
import { Button, IconButton, ToolsHeader } from '../../../ui/Button';
import { InlineInput } from '../../../ui/fields';
import { FormField } from '../../../ui/FormField';
import { useClubActions } from '../hooks/useClubActions';

const timeParser = (s: string) => (isTime(s) ? { ok: true as const, value: s } : { ok: false as const, error: 'HH:MM' });

/** Sessions by day and time: planning seminars, product deep-dives, the summary session with the CEO. */
export function AgendaSection({
  retreat,
  sessions,
  overlapping,
}: {
  retreat: RetreatRow;
  sessions: readonly SessionRow[];
  overlapping: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const actions = useClubActions();
  const sorted = [...sessions].sort((a, b) => a.date.localeCompare(b.date) || minutesOf(a.start) - minutesOf(b.start));
  return (
    <>
      {sorted.length === 0 ? (
        <p className="muted">{t('retreat.agenda.none')}</p>
      ) : (
        <table className="actions-table club-table agenda" aria-label={t('retreat.agenda.title')}>
          <thead>
            <tr>
              <th scope="col">{t('retreat.agenda.when')}</th>
              <th scope="col">{t('retreat.agenda.session')}</th>
              <th scope="col">{t('retreat.agenda.owner')}</th>
              <th scope="col">{t('retreat.agenda.kind')}</th>
              <ToolsHeader label={t('common.rowTools')} />
            </tr>
          </thead>
          <tbody>
            {sorted.map((s) => (
              <tr key={s.id} className={overlapping.has(s.id) ? 'agenda--overlap' : undefined}>
                <td className="nowrap">
                  <span className="agenda__date">{formatDate(s.date)}</span>
                  <span className="mono">
                    {s.start}–{s.end}
                  </span>
                  {overlapping.has(s.id) ? <span className="badge badge--warning">{t('retreat.agenda.overlaps')}</span> : null}
                </td>
                <td>
                  <InlineInput
                    hideLabel
                    label={t('retreat.agenda.titleOf', { title: s.title })}
                    saved={s.title}
                    parse={textParser({ required: true, max: 200 })}
                    onCommit={(title: string) => void actions.updateSession(s.id, { title })}
                  />
                </td>
                <td>
                  <InlineInput
                    hideLabel
                    label={t('retreat.agenda.ownerOf', { title: s.title })}
                    saved={s.owner}
                    parse={textParser({ max: 120 })}
                    onCommit={(owner: string) => void actions.updateSession(s.id, { owner })}
                  />
                </td>
                <td>
                  <label className="sr-only" htmlFor={`kind-${s.id}`}>
                    {t('retreat.agenda.kindOf', { title: s.title })}
                  </label>
                  <select
                    id={`kind-${s.id}`}
                    className="input select"
                    value={s.kind}
                    onChange={(e) => void actions.updateSession(s.id, { kind: e.target.value as SessionKind })}
                  >
                    {SESSION_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`retreat.kind.${k}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="row-tools">
                  <IconButton
                    label={t('retreat.agenda.delete', { title: s.title })}
                    icon={<Trash2 size={14} aria-hidden />}
                    onClick={() => actions.deleteSession(s.id, s.title)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddSession retreat={retreat} />
    </>
  );
}

function AddSession({ retreat }: { retreat: RetreatRow }) {
  const { t } = useTranslation();
  const actions = useClubActions();
  const id = useId();
  const [date, setDate] = useState<string>(retreat.startDate);
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('10:30');
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [kind, setKind] = useState<SessionKind>('planning');
  const [error, setError] = useState<{ field: 'title' | 'start' | 'end'; message: string } | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setError({ field: 'title', message: t('retreat.agenda.needTitle') });
    if (!timeParser(start).ok) return setError({ field: 'start', message: t('retreat.agenda.badTime') });
    if (!timeParser(end).ok) return setError({ field: 'end', message: t('retreat.agenda.badTime') });
    if (minutesOf(end) <= minutesOf(start)) return setError({ field: 'end', message: t('retreat.agenda.endBeforeStart') });
    setError(null);
    const out = await actions.addSession({
      retreatId: retreat.id,
      date: date as SessionRow['date'],
      start,
      end,
      title: title.trim(),
      owner: owner.trim(),
      kind,
    });
    if (out) {
      setTitle('');
      setStart(end);
      setEnd(`${String(Math.min(23, Math.floor(minutesOf(end) / 60) + 1)).padStart(2, '0')}:${end.slice(3)}`);
    }
  };
  const errorOf = (field: 'title' | 'start' | 'end') => (error?.field === field ? error.message : null);
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('retreat.agenda.add')}>
      <FormField id={`${id}-d`} label={t('retreat.agenda.date')}>
        {(p) => (
          <input
            {...p}
            type="date"
            className="input"
            min={retreat.startDate}
            max={retreat.endDate}
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        )}
      </FormField>
      <FormField id={`${id}-s`} label={t('retreat.agenda.start')} error={errorOf('start')} errorId={`${id}-err`}>
        {(p) => <input {...p} type="time" className="input" value={start} onChange={(e) => setStart(e.target.value)} />}
      </FormField>
      <FormField id={`${id}-e`} label={t('retreat.agenda.end')} error={errorOf('end')} errorId={`${id}-err`}>
        {(p) => <input {...p} type="time" className="input" value={end} onChange={(e) => setEnd(e.target.value)} />}
      </FormField>
      <FormField
        id={`${id}-t`}
        label={t('retreat.agenda.session')}
        error={errorOf('title')}
        errorId={`${id}-err`}
        className="inline-form__grow"
      >
        {(p) => <input {...p} className="input" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
      </FormField>
      <FormField id={`${id}-o`} label={t('retreat.agenda.owner')}>
        {(p) => <input {...p} className="input" value={owner} maxLength={120} onChange={(e) => setOwner(e.target.value)} />}
      </FormField>
      <FormField id={`${id}-k`} label={t('retreat.agenda.kind')}>
        {(p) => (
          <select {...p} className="input select" value={kind} onChange={(e) => setKind(e.target.value as SessionKind)}>
            {SESSION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`retreat.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <Button type="submit">{t('retreat.agenda.add')}</Button>
      {error ? (
        <p className="field__error roster-add__error" id={`${id}-err`} role="alert">
          {error.message}
        </p>
      ) : null}
    </form>
  );
}
