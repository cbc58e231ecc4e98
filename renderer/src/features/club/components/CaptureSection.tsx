import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORTANCES, itemDemand, type Importance } from '@shared/domain/roadmap';
import { addQuarters, quarterOf } from '@shared/domain/quarter';
import type { RetreatRow } from '../../../db/database';
import { useRoute } from '../../../stores/route';
import { useCommand } from '../../../stores/commands';
import { useToday } from '../../../lib/today';
import { keysOf } from '../../../lib/keys';
import { formatMoney } from '../../../lib/format';
import { Button, Kbd } from '../../../ui/Button';
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
  const navigate = useRoute((s) => s.navigate);
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
  const accounts = [...data.accounts.values()].sort(
    (a, b) => Number(attending.has(b.id)) - Number(attending.has(a.id)) || a.name.localeCompare(b.name),
  );
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
        <div className={`field ${error && !accountId ? 'field--invalid' : ''}`}>
          <label className="field__label" htmlFor={`${id}-a`}>
            {t('retreat.capture.account')}{' '}
            <span aria-hidden>
              <Kbd>{keysOf('retreat:capture')}</Kbd>
            </span>
          </label>
          <select
            ref={accountRef}
            id={`${id}-a`}
            className="input select"
            value={accountId}
            onChange={(e) => {
              setAccountId(e.target.value);
              setError(null);
            }}
            aria-keyshortcuts="C"
            aria-invalid={error && !accountId ? true : undefined}
            aria-describedby={error && !accountId ? `${id}-hint` : undefined}
          >
            <option value="">{t('retreat.capture.chooseAccount')}</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className={`field inline-form__grow ${error && accountId ? 'field--invalid' : ''}`}>
          <label className="field__label" htmlFor={`${id}-w`}>
            {t('retreat.capture.what')}
          </label>
          <input
            id={`${id}-w`}
            className="input"
            list={`${id}-items`}
            value={what}
            maxLength={200}
            onChange={(e) => setWhat(e.target.value)}
            aria-invalid={error && accountId ? true : undefined}
            aria-describedby={!error || accountId ? `${id}-hint` : undefined}
          />
          <datalist id={`${id}-items`}>
            {roadmap.items.map((i) => (
              <option key={i.id} value={i.title} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-i`}>
            {t('retreat.capture.importance')}
          </label>
          <select id={`${id}-i`} className="input select" value={importance} onChange={(e) => setImportance(e.target.value as Importance)}>
            {IMPORTANCES.map((i) => (
              <option key={i} value={i}>
                {t(`roadmap.importance.${i}`)}
              </option>
            ))}
          </select>
        </div>
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
                  <a
                    href={`#/roadmap/item/${item.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate({ name: 'item', id: item.id });
                    }}
                  >
                    {item.title}
                  </a>
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
