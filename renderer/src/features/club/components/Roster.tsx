import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Trash2 } from 'lucide-react';
import { MEMBER_STATUSES, seatRefusal, type MemberStatus } from '@shared/domain/club';
import { useToday } from '../../../lib/today';
import { dateParser, textParser } from '../../../lib/parsers';
import { Button, EmptyState, IconButton, ToolsHeader } from '../../../ui/Button';
import { InlineInput } from '../../../ui/fields';
import { FormField } from '../../../ui/FormField';
import { AccountPicker } from '../../../ui/AccountPicker';
import { Link } from '../../../ui/Link';
import type { ClubData } from '../hooks/useClubData';
import { useClubActions } from '../hooks/useClubActions';

/** The roster: each account's status, since when, and the sponsors on both sides. Seats are checked against the cap. */
export function Roster({ data }: { data: ClubData }) {
  const { t } = useTranslation();
  const actions = useClubActions();
  const today = useToday();
  const [rowError, setRowError] = useState<{ id: string; message: string } | null>(null);
  const order: Record<MemberStatus, number> = { member: 0, invited: 1, candidate: 2, alumni: 3 };
  const rows = [...data.members].sort(
    (a, b) =>
      order[a.status] - order[b.status] ||
      (data.accounts.get(a.accountId)?.name ?? '').localeCompare(data.accounts.get(b.accountId)?.name ?? ''),
  );
  const changeStatus = async (id: string, status: MemberStatus) => {
    const refused = seatRefusal(data.members, id, status, data.program.seatCap);
    if (refused) {
      setRowError({ id, message: t('club.refused.seatCap', { ...refused, name: data.program.name }) });
      return;
    }
    setRowError(null);
    const current = data.members.find((m) => m.id === id);
    await actions.updateMember(id, { status, ...(status === 'member' && !current?.since ? { since: today } : {}) });
  };
  return (
    <>
      {rows.length === 0 ? (
        <EmptyState title={t('club.roster.empty.title')} body={t('club.roster.empty.body')} />
      ) : (
        <div className="table-card">
          <table className="data-table roster" aria-label={t('club.roster.label')}>
            <thead>
              <tr>
                <th scope="col">{t('club.roster.account')}</th>
                <th scope="col">{t('club.roster.status')}</th>
                <th scope="col">{t('club.roster.since')}</th>
                <th scope="col">{t('club.roster.ourSponsor')}</th>
                <th scope="col">{t('club.roster.theirSponsor')}</th>
                <ToolsHeader label={t('common.rowTools')} />
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => {
                const account = data.accounts.get(m.accountId);
                const name = account?.name ?? '';
                const people = data.people.get(m.accountId) ?? [];
                return (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link to={{ name: 'account', id: m.accountId, tab: 'offers' }}>{name}</Link>
                    </th>
                    <td>
                      <label className="sr-only" htmlFor={`status-${m.id}`}>
                        {t('club.roster.statusOf', { name })}
                      </label>
                      <select
                        id={`status-${m.id}`}
                        className={`input select member-status member-status--${m.status}`}
                        value={m.status}
                        onChange={(e) => void changeStatus(m.id, e.target.value as MemberStatus)}
                        aria-invalid={rowError?.id === m.id ? true : undefined}
                        aria-describedby={rowError?.id === m.id ? `status-err-${m.id}` : undefined}
                      >
                        {MEMBER_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {t(`club.status.${s}`)}
                          </option>
                        ))}
                      </select>
                      {rowError?.id === m.id ? (
                        <p className="field__error" id={`status-err-${m.id}`} role="alert">
                          {rowError.message}
                        </p>
                      ) : null}
                    </td>
                    <td>
                      <InlineInput
                        hideLabel
                        label={t('club.roster.sinceOf', { name })}
                        type="date"
                        saved={m.since ?? ''}
                        parse={dateParser()}
                        onCommit={(since) => void actions.updateMember(m.id, { since })}
                      />
                    </td>
                    <td>
                      <InlineInput
                        hideLabel
                        label={t('club.roster.ourSponsorOf', { name })}
                        saved={m.ourSponsor}
                        parse={textParser({ max: 120 })}
                        onCommit={(ourSponsor: string) => void actions.updateMember(m.id, { ourSponsor })}
                        placeholder={t('club.roster.ourSponsorPlaceholder')}
                      />
                    </td>
                    <td>
                      {people.length > 0 ? (
                        <>
                          <label className="sr-only" htmlFor={`their-${m.id}`}>
                            {t('club.roster.theirSponsorOf', { name })}
                          </label>
                          <select
                            id={`their-${m.id}`}
                            className="input select"
                            value={m.theirSponsorId ?? ''}
                            onChange={(e) => {
                              const p = people.find((x) => x.id === e.target.value);
                              void actions.updateMember(m.id, { theirSponsorId: p?.id ?? null, theirSponsorName: p?.name ?? '' });
                            }}
                          >
                            <option value="">{t('club.roster.nobody')}</option>
                            {people.map((p) => (
                              <option key={p.id} value={p.id}>
                                {p.name}
                                {p.title ? ` — ${p.title}` : ''}
                              </option>
                            ))}
                          </select>
                        </>
                      ) : (
                        <InlineInput
                          hideLabel
                          label={t('club.roster.theirSponsorOf', { name })}
                          saved={m.theirSponsorName}
                          parse={textParser({ max: 120 })}
                          onCommit={(theirSponsorName: string) =>
                            void actions.updateMember(m.id, { theirSponsorName, theirSponsorId: null })
                          }
                          placeholder={t('club.roster.theirSponsorPlaceholder')}
                        />
                      )}
                    </td>
                    <td className="row-tools">
                      <IconButton
                        label={t('club.roster.remove', { name })}
                        icon={<Trash2 size={14} aria-hidden />}
                        onClick={() => actions.removeMember(m.id, name)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <AddToRoster data={data} />
    </>
  );
}

function AddToRoster({ data }: { data: ClubData }) {
  const { t } = useTranslation();
  const actions = useClubActions();
  const today = useToday();
  const id = useId();
  const [accountId, setAccountId] = useState('');
  const [status, setStatus] = useState<MemberStatus>('invited');
  const [error, setError] = useState<string | null>(null);
  const on = new Set(data.members.map((m) => m.accountId));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!accountId) return setError(t('club.roster.pickAccount'));
    const refused = seatRefusal(data.members, null, status, data.program.seatCap);
    if (refused) return setError(t('club.refused.seatCap', { ...refused, name: data.program.name }));
    const out = await actions.addMember({ accountId, status, since: status === 'member' ? today : null });
    if (out) {
      setAccountId('');
      setError(null);
    }
  };
  return (
    <form className="inline-form roster-add" onSubmit={(e) => void submit(e)} noValidate aria-label={t('club.roster.add')}>
      <FormField id={`${id}-acc`} label={t('club.roster.account')} error={error} errorId={`${id}-err`}>
        {(p) => (
          <AccountPicker
            {...p}
            accounts={data.accounts}
            exclude={on}
            value={accountId}
            onChange={(v) => {
              setAccountId(v);
              setError(null);
            }}
            placeholder={t('club.roster.chooseAccount')}
          />
        )}
      </FormField>
      <FormField id={`${id}-status`} label={t('club.roster.status')}>
        {(p) => (
          <select
            {...p}
            className="input select"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as MemberStatus);
              setError(null);
            }}
          >
            {MEMBER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`club.status.${s}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <Button type="submit">{t('club.roster.add')}</Button>
      {error ? (
        <p className="field__error roster-add__error" id={`${id}-err`} role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
