import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Trash2 } from 'lucide-react';
import type { AttendeeRow, RetreatRow } from '../../../db/database';
import { Button, IconButton, ToolsHeader } from '../../../ui/Button';
import { InlineInput } from '../../../ui/fields';
import type { ClubData } from '../hooks/useClubData';
import { useClubActions } from '../hooks/useClubActions';
import { MemberBadge } from './MemberBadge';

/** Customer attendees (people from member accounts' maps, or names) and ours. */
export function AttendeesSection({
  data,
  retreat,
  attendees,
  notMember,
}: {
  data: ClubData;
  retreat: RetreatRow;
  attendees: readonly AttendeeRow[];
  notMember: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const actions = useClubActions();
  const people = new Map([...data.people.values()].flat().map((p) => [p.id, p]));
  const status = new Map(data.members.map((m) => [m.accountId, m.status]));
  const sorted = [...attendees].sort(
    (a, b) =>
      (data.accounts.get(a.accountId)?.name ?? '').localeCompare(data.accounts.get(b.accountId)?.name ?? '') ||
      a.name.localeCompare(b.name),
  );
  return (
    <>
      {sorted.length === 0 ? (
        <p className="muted">{t('retreat.attendee.none')}</p>
      ) : (
        <table className="actions-table club-table" aria-label={t('retreat.attendee.title')}>
          <thead>
            <tr>
              <th scope="col">{t('retreat.attendee.name')}</th>
              <th scope="col">{t('retreat.attendee.account')}</th>
              <th scope="col">{t('retreat.attendee.role')}</th>
              <ToolsHeader label={t('common.rowTools')} />
            </tr>
          </thead>
          <tbody>
            {sorted.map((a) => {
              const p = a.personId ? people.get(a.personId) : undefined;
              const s = status.get(a.accountId);
              return (
                <tr key={a.id}>
                  <th scope="row">{a.name}</th>
                  <td>
                    {data.accounts.get(a.accountId)?.name} {s ? <MemberBadge status={s} /> : null}
                    {notMember.has(a.id) ? (
                      <>
                        {' '}
                        <span className="badge badge--warning">{t('retreat.attendee.notMember')}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {a.role}
                    {p ? (
                      <span className="cell-sub">{[t(`map.role.${p.buyingRole}`), t(`map.stance.${p.stance}`)].join(' · ')}</span>
                    ) : null}
                  </td>
                  <td className="row-tools">
                    <IconButton
                      label={t('retreat.attendee.remove', { name: a.name })}
                      icon={<Trash2 size={14} aria-hidden />}
                      onClick={() => actions.removeAttendee(a.id, a.name)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <AddAttendee data={data} retreat={retreat} />
      <InlineInput
        label={t('retreat.attendee.ours')}
        hint={t('retreat.attendee.oursHint')}
        saved={retreat.ourAttendees.join(', ')}
        parse={(s: string) => {
          const names = [
            ...new Set(
              s
                .split(',')
                .map((x) => x.trim())
                .filter(Boolean),
            ),
          ];
          return names.some((n) => n.length > 120) || names.length > 100
            ? { ok: false as const, error: t('retreat.attendee.oursTooLong') }
            : { ok: true as const, value: names };
        }}
        onCommit={(ourAttendees: string[]) => void actions.updateRetreat(retreat.id, { ourAttendees })}
      />
    </>
  );
}

function AddAttendee({ data, retreat }: { data: ClubData; retreat: RetreatRow }) {
  const { t } = useTranslation();
  const actions = useClubActions();
  const id = useId();
  const roster = new Set(data.members.map((m) => m.accountId));
  const accounts = [...data.accounts.values()].sort(
    (a, b) => Number(roster.has(b.id)) - Number(roster.has(a.id)) || a.name.localeCompare(b.name),
  );
  const [accountId, setAccountId] = useState('');
  const [personId, setPersonId] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [error, setError] = useState<string | null>(null);
  const people = data.people.get(accountId) ?? [];
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const person = people.find((p) => p.id === personId);
    if (!accountId) return setError(t('retreat.attendee.pickAccount'));
    if (!person && !name.trim()) return setError(t('retreat.attendee.pickPerson'));
    setError(null);
    const out = await actions.addAttendee({
      retreatId: retreat.id,
      accountId,
      personId: person?.id ?? null,
      name: person?.name ?? name.trim(),
      role: role.trim() || person?.title || '',
    });
    if (out) {
      setPersonId('');
      setName('');
      setRole('');
    }
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('retreat.attendee.add')}>
      <div className={`field ${error ? 'field--invalid' : ''}`}>
        <label className="field__label" htmlFor={`${id}-a`}>
          {t('retreat.attendee.account')}
        </label>
        <select
          id={`${id}-a`}
          className="input select"
          value={accountId}
          onChange={(e) => {
            setAccountId(e.target.value);
            setPersonId('');
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-err` : undefined}
        >
          <option value="">{t('retreat.attendee.chooseAccount')}</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
              {roster.has(a.id) ? '' : ` (${t('retreat.attendee.notOnRoster')})`}
            </option>
          ))}
        </select>
      </div>
      {people.length > 0 ? (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-p`}>
            {t('retreat.attendee.person')}
          </label>
          <select id={`${id}-p`} className="input select" value={personId} onChange={(e) => setPersonId(e.target.value)}>
            <option value="">{t('retreat.attendee.typeName')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.title ? ` — ${p.title}` : ''}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {!personId ? (
        <div className="field inline-form__grow">
          <label className="field__label" htmlFor={`${id}-n`}>
            {t('retreat.attendee.name')}
          </label>
          <input id={`${id}-n`} className="input" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </div>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-r`}>
          {t('retreat.attendee.role')}
        </label>
        <input id={`${id}-r`} className="input" value={role} maxLength={200} onChange={(e) => setRole(e.target.value)} />
      </div>
      <Button type="submit">{t('retreat.attendee.add')}</Button>
      {error ? (
        <p className="field__error roster-add__error" id={`${id}-err`} role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
