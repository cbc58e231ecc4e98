import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Trash2 } from 'lucide-react';
import { IMPORTANCES, type Importance, type ItemDemand } from '@shared/domain/roadmap';
import { formatBp, formatMoney } from '../../../lib/format';
import { textParser } from '../../../lib/parsers';
import { Button, IconButton, ToolsHeader } from '../../../ui/Button';
import { InlineInput } from '../../../ui/fields';
import { FormField } from '../../../ui/FormField';
import { AccountPicker } from '../../../ui/AccountPicker';
import { Link } from '../../../ui/Link';
import type { RequestRow } from '../../../db/database';
import type { RoadmapRows } from '../hooks/useRoadmapData';
import { useRoadmapActions } from '../hooks/useRoadmapActions';

/** Who asks for an item, how much it matters to them, and what that adds to its demand. */
export function RequestsSection({
  data,
  itemId,
  requests,
  demand,
}: {
  data: RoadmapRows;
  itemId: string;
  requests: readonly RequestRow[];
  demand: ItemDemand | undefined;
}) {
  const { t } = useTranslation();
  const actions = useRoadmapActions();
  const byAccount = new Map(demand?.requesters.map((r) => [r.accountId, r]));
  const seen = new Set<string>();
  const sorted = [...requests].sort(
    (a, b) =>
      (byAccount.get(b.accountId)?.weighted ?? -1) - (byAccount.get(a.accountId)?.weighted ?? -1) || a.accountId.localeCompare(b.accountId),
  );
  const cur = data.settings.currency;
  return (
    <>
      {requests.length === 0 ? (
        <p className="muted">{t('roadmap.requests.none')}</p>
      ) : (
        <table className="actions-table requests-table" aria-label={t('roadmap.requests.title')}>
          <colgroup>
            <col className="requests-table__account" />
            <col className="requests-table__importance" />
            <col />
            <col className="requests-table__money" />
            <col className="requests-table__money" />
            <col className="requests-table__tools" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('roadmap.requests.account')}</th>
              <th scope="col">{t('roadmap.requests.importance')}</th>
              <th scope="col">{t('roadmap.requests.note')}</th>
              <th scope="col" className="num">
                {t('roadmap.requests.arr', { currency: cur })}
              </th>
              <th scope="col" className="num">
                {t('roadmap.requests.weighted')}
              </th>
              <ToolsHeader label={t('common.rowTools')} />
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => {
              const account = data.accounts.get(r.accountId);
              const req = byAccount.get(r.accountId);
              const first = !seen.has(r.accountId);
              seen.add(r.accountId);
              const name = account?.name ?? '';
              return (
                <tr key={r.id}>
                  <td>
                    <Link to={{ name: 'account', id: r.accountId, tab: 'quotes' }}>{name}</Link>
                    {r.retreatId ? <div className="cell-sub">{t('roadmap.requests.fromRetreat')}</div> : null}
                  </td>
                  <td>
                    <label className="sr-only" htmlFor={`imp-${r.id}`}>
                      {t('roadmap.requests.importanceFor', { name })}
                    </label>
                    <select
                      id={`imp-${r.id}`}
                      className="input select"
                      value={r.importance}
                      onChange={(e) => actions.updateRequest(r.id, { importance: e.target.value as Importance })}
                    >
                      {IMPORTANCES.map((i) => (
                        <option key={i} value={i}>
                          {t(`roadmap.importance.${i}`)} ({formatBp(data.settings.weights[i])})
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <InlineInput
                      hideLabel
                      label={t('roadmap.requests.noteFor', { name })}
                      saved={r.note}
                      parse={textParser({ max: 2000 })}
                      onCommit={(note: string) => actions.updateRequest(r.id, { note })}
                    />
                  </td>
                  <td className="num">
                    {req?.arr == null ? <span className="text-warning">{t('roadmap.noRate')}</span> : formatMoney(req.arr, cur)}
                  </td>
                  <td className="num strong" title={first ? undefined : t('roadmap.requests.countedOnce')}>
                    {first && req?.weighted != null ? formatMoney(req.weighted, cur) : '—'}
                  </td>
                  <td className="row-tools">
                    <IconButton
                      label={t('roadmap.requests.delete', { name })}
                      icon={<Trash2 size={14} aria-hidden />}
                      onClick={() => actions.deleteRequest(r.id, name)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
          {demand ? (
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  {t('roadmap.requests.total')}
                </th>
                <td className="num strong">{formatMoney(demand.total, cur)}</td>
                <td />
              </tr>
            </tfoot>
          ) : null}
        </table>
      )}
      <AddRequest data={data} itemId={itemId} />
    </>
  );
}

function AddRequest({ data, itemId }: { data: RoadmapRows; itemId: string }) {
  const { t } = useTranslation();
  const actions = useRoadmapActions();
  const id = useId();
  const [accountId, setAccountId] = useState('');
  const [importance, setImportance] = useState<Importance>('important');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!accountId) {
      setError(t('roadmap.requests.pickAccount'));
      return;
    }
    const out = await actions.addRequest({ itemId, accountId, importance, note: note.trim() });
    if (out) {
      setNote('');
      setAccountId('');
      setError(null);
    }
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('roadmap.requests.add')}>
      <FormField id={`${id}-acc`} label={t('roadmap.requests.account')} error={error}>
        {(p) => (
          <AccountPicker
            {...p}
            accounts={data.accounts}
            value={accountId}
            onChange={(v) => {
              setAccountId(v);
              setError(null);
            }}
            placeholder={t('roadmap.requests.chooseAccount')}
          />
        )}
      </FormField>
      <FormField id={`${id}-imp`} label={t('roadmap.requests.importance')}>
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
      <FormField id={`${id}-note`} label={t('roadmap.requests.note')} className="inline-form__grow">
        {(p) => (
          <input
            {...p}
            className="input"
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('roadmap.requests.notePlaceholder')}
          />
        )}
      </FormField>
      <Button type="submit" variant="secondary">
        {t('roadmap.requests.add')}
      </Button>
    </form>
  );
}
