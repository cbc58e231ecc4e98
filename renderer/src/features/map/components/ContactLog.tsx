import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Trash2 } from 'lucide-react';
import { CONTACT_CHANNELS, type ContactChannel } from '@shared/domain/stakeholders';
import type { IsoDate } from '@shared/domain/dates';
import type { ContactRow, PersonRow } from '../../../db/database';
import { Button, IconButton } from '../../../ui/Button';
import { FormField } from '../../../ui/FormField';
import { formatDate } from '../../../lib/format';
import { dateParser } from '../../../lib/parsers';
import type { MapActions } from '../hooks/useMapActions';
import { channelKey } from './known';

/** The contact log of one person: it drives "last contact" and freshness. */
export function ContactLog({
  person,
  contacts,
  today,
  actions,
}: {
  person: PersonRow;
  contacts: readonly ContactRow[];
  today: IsoDate;
  actions: MapActions;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState<string>(today);
  const [channel, setChannel] = useState<ContactChannel>('meeting');
  const [attendee, setAttendee] = useState('');
  const [notes, setNotes] = useState('');
  // The same rule and message as every date field; what was typed stays in the field until it is fixed.
  const parsed = dateParser({ required: true })(date);
  const dateOk = parsed.ok && parsed.value !== null;
  const list = contacts.filter((c) => c.personId === person.id).sort((a, b) => b.date.localeCompare(a.date));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!parsed.ok || parsed.value === null) return;
    const out = await actions.addContact({
      accountId: person.accountId,
      personId: person.id,
      date: parsed.value,
      channel,
      attendee,
      notes,
    });
    if (out) setNotes('');
  };
  return (
    <section className="contact-log" aria-labelledby={`log-${person.id}`}>
      <h3 id={`log-${person.id}`} className="plan__section">
        {t('map.log.title')}
      </h3>
      <form className="contact-form" onSubmit={(e) => void submit(e)}>
        <div className="form-grid form-grid--2">
          {/* No max attribute: with one, Chromium's year box takes four digits and a fifth starts the
              year over (30000 showed 0000, then 0001). Without it what was typed stays in view, refused. */}
          <FormField id={`cdate-${person.id}`} label={t('map.log.date')} error={parsed.ok ? null : parsed.error}>
            {(p) => <input {...p} className="input" type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
          </FormField>
          <FormField id={`cch-${person.id}`} label={t('map.log.channel')}>
            {(p) => (
              <select {...p} className="input select" value={channel} onChange={(e) => setChannel(e.target.value as ContactChannel)}>
                {CONTACT_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`map.channel.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <FormField id={`catt-${person.id}`} label={t('map.log.attendee')}>
          {(p) => <input {...p} className="input" value={attendee} maxLength={200} onChange={(e) => setAttendee(e.target.value)} />}
        </FormField>
        <FormField id={`cnotes-${person.id}`} label={t('map.log.notes')}>
          {(p) => (
            <textarea
              {...p}
              className="input textarea"
              rows={2}
              maxLength={5000}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
            />
          )}
        </FormField>
        <Button type="submit" variant="primary" size="sm" disabled={!dateOk}>
          {t('map.log.add')}
        </Button>
      </form>
      {list.length === 0 ? (
        <p className="muted">{t('map.log.empty')}</p>
      ) : (
        <ul className="contact-list">
          {list.map((c) => (
            <li key={c.id}>
              <div>
                <strong>{formatDate(c.date)}</strong> · {t(channelKey(c.channel))}
                {c.attendee ? ` · ${c.attendee}` : ''}
                {c.notes ? <p className="contact-list__notes">{c.notes}</p> : null}
              </div>
              <IconButton
                label={t('map.log.delete', { date: formatDate(c.date) })}
                icon={<Trash2 size={14} />}
                onClick={() => actions.deleteContact(c.id)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
