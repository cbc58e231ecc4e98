import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORTANCES, itemDemand, type Importance } from '@shared/domain/roadmap';
import { addQuarters, quarterOf } from '@shared/domain/quarter';
import type { RetreatRow } from '../../../db/database';
import { useCommand } from '../../../stores/commands';
import { useToday } from '../../../lib/today';
import { keysOf } from '../../../lib/keys';
import { formatMoney } from '../../../lib/format';
import { Button, Kbd } from '../../../ui/Button';
import { FormField } from '../../../ui/FormField';
import { AccountPicker } from '../../../ui/AccountPicker';
import { Link } from '../../../ui/Link';
import { useRoadmapData } from '../../roadmap';
import type { ClubData } from '../hooks/useClubData';
import { useClubActions } from '../hooks/useClubActions';

/**
 * What members asked for at the retreat. Capture is keyboard-first: C focuses the account,
 * type what they asked for (an existing item is suggested), Enter saves — as a roadmap request
 * with this retreat as its source, creating the item when it is new.
 */
export function CaptureSection({
  data,
  retreat,
  attendingAccounts,
}: {
  data: ClubData;
  retreat: RetreatRow;
  attendingAccounts: readonly string[];
}) {
  const { t } = useTranslation();
  const roadmap = useRoadmapData();
  const actions = useClubActions();
  const today = useToday();
  const id = useId();
  const accountRef = useRef<HTMLSelectElement>(null);
  const [accountId, setAccountId] = useState('');
  const [what, setWhat] = useState('');
  const [importance, setImportance] = useState<Importance>('important');
  const [error, setError] = useState<string | null>(null);

  useCommand('retreat:capture', () => accountRef.current?.focus());

  const captured = useMemo(() => {
    if (!roadmap) return [];
    const requests = roadmap.requests.filter((r) => r.retreatId === retreat.id);
    const byItem = new Map<string, typeof requests>();
    for (const r of requests) byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), r]);
    return [...byItem]
      .flatMap(([itemId, list]) => {
        const item = roadmap.items.find((i) => i.id === itemId);
        return item
          ? [
              {
                item,
                requests: list,
                added: itemDemand(list, roadmap.accounts, roadmap.settings).total,
                total: itemDemand(
                  roadmap.requests.filter((r) => r.itemId === itemId),
                  roadmap.accounts,
                  roadmap.settings,
                ).total,
              },
            ]
          : [];
      })
      .sort((a, b) => b.added - a.added);
  }, [roadmap, retreat.id]);

  if (!roadmap) return null;
  const existing = roadmap.items.find((i) => i.title.trim().toLowerCase() === what.trim().toLowerCase());
  const attending = new Set(attendingAccounts);
  const newQuarter = addQuarters(quarterOf(today), 4);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!accountId) return setError(t('retreat.capture.pickAccount'));
    if (!what.trim()) return setError(t('retreat.capture.needWhat'));
    setError(null);
    const out = await actions.captureRequest({
      retreatId: retreat.id,
      accountId,
      importance,
      note: '',
      item: existing ? { id: existing.id } : { title: what.trim(), plannedQuarter: newQuarter, effortEm: 1 },
    });
    if (out) {
      setWhat('');
      accountRef.current?.focus();
    }
  };

  return (
    <>
      <form className="inline-form capture" onSubmit={(e) => void submit(e)} noValidate aria-label={t('retreat.capture.label')}>
        <FormField
          id={`${id}-a`}
          label={
            <>
              {t('retreat.capture.account')}{' '}
              <span aria-hidden>
                <Kbd>{keysOf('retreat:capture')}</Kbd>
              </span>
            </>
          }
          error={error && !accountId ? error : null}
          errorId={`${id}-hint`}
        >
          {(p) => (
            <AccountPicker
              {...p}
              ref={accountRef}
              accounts={data.accounts}
              first={attending}
              value={accountId}
              onChange={(v) => {
                setAccountId(v);
                setError(null);
              }}
              placeholder={t('retreat.capture.chooseAccount')}
              aria-keyshortcuts="C"
            />
          )}
        </FormField>
        <FormField
          id={`${id}-w`}
          label={t('retreat.capture.what')}
          error={error && accountId ? error : null}
          errorId={`${id}-hint`}
          className="inline-form__grow"
        >
          {(p) => (
            <>
              <input
                {...p}
                className="input"
                list={`${id}-items`}
                value={what}
                maxLength={200}
                onChange={(e) => setWhat(e.target.value)}
                // The line under the form says what Enter will do, so it describes this field even without an error.
                aria-describedby={!error || accountId ? `${id}-hint` : undefined}
              />
              <datalist id={`${id}-items`}>
                {roadmap.items.map((i) => (
                  <option key={i.id} value={i.title} />
                ))}
              </datalist>
            </>
          )}
        </FormField>
        <FormField id={`${id}-i`} label={t('retreat.capture.importance')}>
          {(p) => (
            <select {...p} className="input select" value={importance} onChange={(e) => setImportance(e.target.value as Importance)}>
              {IMPORTANCES.map((i) => (
                <option key={i} value={i}>
                  {t(`roadmap.importance.${i}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <Button type="submit" variant="primary">
          {t('retreat.capture.save')}
        </Button>
        <p id={`${id}-hint`} className={`capture__hint ${error ? 'field__error' : 'muted small'}`} role={error ? 'alert' : undefined}>
          {error ??
            (what.trim()
              ? existing
                ? t('retreat.capture.linksTo', { title: existing.title, quarter: existing.plannedQuarter })
                : t('retreat.capture.creates', { title: what.trim(), quarter: newQuarter })
              : t('retreat.capture.hint'))}
        </p>
      </form>
      {captured.length === 0 ? (
        <p className="muted">{t('retreat.capture.none')}</p>
      ) : (
        <table className="actions-table club-table" aria-label={t('retreat.capture.listLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('retreat.capture.item')}</th>
              <th scope="col">{t('retreat.capture.askedBy')}</th>
              <th scope="col" className="num">
                {t('retreat.capture.added', { currency: roadmap.settings.currency })}
              </th>
              <th scope="col" className="num">
                {t('retreat.capture.itemTotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {captured.map(({ item, requests, added, total }) => (
              <tr key={item.id}>
                <th scope="row">
                  <Link to={{ name: 'item', id: item.id }}>{item.title}</Link>
                  <span className="cell-sub mono">{item.plannedQuarter}</span>
                </th>
                <td>
                  {requests.map((r) => (
                    <div key={r.id}>
                      {data.accounts.get(r.accountId)?.name} · {t(`roadmap.importance.${r.importance}`)}
                    </div>
                  ))}
                </td>
                <td className="num strong">{formatMoney(added, roadmap.settings.currency)}</td>
                <td className="num">{formatMoney(total, roadmap.settings.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
