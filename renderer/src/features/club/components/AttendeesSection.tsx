import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Trash2 } from 'lucide-react';
import type { AttendeeRow, RetreatRow } from '../../../db/database';
import { Button, IconButton, ToolsHeader } from '../../../ui/Button';
import { InlineInput } from '../../../ui/fields';
import { FormField } from '../../../ui/FormField';
import { AccountPicker } from '../../../ui/AccountPicker';
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
      <FormField id={`${id}-a`} label={t('retreat.attendee.account')} error={error} errorId={`${id}-err`}>
        {(p) => (
          <AccountPicker
            {...p}
            accounts={data.accounts}
            first={roster}
            note={(a) => (roster.has(a.id) ? null : t('retreat.attendee.notOnRoster'))}
            value={accountId}
            onChange={(v) => {
              setAccountId(v);
              setPersonId('');
            }}
            placeholder={t('retreat.attendee.chooseAccount')}
          />
        )}
      </FormField>
      {people.length > 0 ? (
        <FormField id={`${id}-p`} label={t('retreat.attendee.person')}>
          {(p) => (
            <select {...p} className="input select" value={personId} onChange={(e) => setPersonId(e.target.value)}>
              <option value="">{t('retreat.attendee.typeName')}</option>
              {people.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                  {x.title ? ` — ${x.title}` : ''}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      {!personId ? (
        <FormField id={`${id}-n`} label={t('retreat.attendee.name')} className="inline-form__grow">
          {(p) => <input {...p} className="input" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />}
        </FormField>
      ) : null}
      <FormField id={`${id}-r`} label={t('retreat.attendee.role')}>
        {(p) => <input {...p} className="input" value={role} maxLength={200} onChange={(e) => setRole(e.target.value)} />}
      </FormField>
      <Button type="submit">{t('retreat.attendee.add')}</Button>
      {error ? (
        <p className="field__error roster-add__error" id={`${id}-err`} role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
