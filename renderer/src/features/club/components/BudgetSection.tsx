import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Trash2 } from 'lucide-react';
import { BUDGET_KINDS, type BudgetKind, type BudgetLine, type BudgetSummary } from '@shared/domain/retreat';
import type { RetreatRow } from '../../../db/database';
import { formatMoney, moneyInputValue } from '../../../lib/format';
import { moneyParser, textParser } from '../../../lib/parsers';
import { Button, IconButton, ToolsHeader } from '../../../ui/Button';
import { InlineInput } from '../../../ui/fields';
import { FormField } from '../../../ui/FormField';
import { useClubActions } from '../hooks/useClubActions';

/** Budget lines (venue, travel, catering…) against the budget, per attendee and per member account. */
export function BudgetSection({ retreat, summary }: { retreat: RetreatRow; summary: BudgetSummary }) {
  const { t } = useTranslation();
  const actions = useClubActions();
  const cur = retreat.currency;
  const setLines = (lines: BudgetLine[]) => void actions.updateRetreat(retreat.id, { lines });
  return (
    <>
      <InlineInput
        label={t('retreat.budget.cap')}
        saved={moneyInputValue(retreat.budget, cur)}
        parse={moneyParser(cur)}
        onCommit={(budget) => void actions.updateRetreat(retreat.id, { budget })}
        inputMode="decimal"
        align="end"
        suffix={cur}
      />
      {retreat.lines.length > 0 ? (
        <table className="actions-table club-table budget-lines" aria-label={t('retreat.budget.lines')}>
          <thead>
            <tr>
              <th scope="col">{t('retreat.budget.kind')}</th>
              <th scope="col">{t('retreat.budget.label')}</th>
              <th scope="col" className="num">
                {t('retreat.budget.amount')}
              </th>
              <ToolsHeader label={t('common.rowTools')} />
            </tr>
          </thead>
          <tbody>
            {retreat.lines.map((l, i) => (
              <tr key={i}>
                <td>
                  <label className="sr-only" htmlFor={`bk-${i}`}>
                    {t('retreat.budget.kindOf', { n: i + 1 })}
                  </label>
                  <select
                    id={`bk-${i}`}
                    className="input select"
                    value={l.kind}
                    onChange={(e) => setLines(retreat.lines.map((x, j) => (j === i ? { ...x, kind: e.target.value as BudgetKind } : x)))}
                  >
                    {BUDGET_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`retreat.budgetKind.${k}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <InlineInput
                    hideLabel
                    label={t('retreat.budget.labelOf', { n: i + 1 })}
                    saved={l.label}
                    parse={textParser({ max: 120 })}
                    onCommit={(label: string) => setLines(retreat.lines.map((x, j) => (j === i ? { ...x, label } : x)))}
                  />
                </td>
                <td>
                  <InlineInput
                    hideLabel
                    label={t('retreat.budget.amountOf', { label: l.label || t(`retreat.budgetKind.${l.kind}`) })}
                    saved={moneyInputValue(l.amount, cur)}
                    parse={moneyParser(cur)}
                    onCommit={(amount) => setLines(retreat.lines.map((x, j) => (j === i ? { ...x, amount } : x)))}
                    inputMode="decimal"
                    align="end"
                    suffix={cur}
                  />
                </td>
                <td className="row-tools">
                  <IconButton
                    label={t('retreat.budget.remove', { label: l.label || t(`retreat.budgetKind.${l.kind}`) })}
                    icon={<Trash2 size={14} aria-hidden />}
                    onClick={() => setLines(retreat.lines.filter((_, j) => j !== i))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('retreat.budget.none')}</p>
      )}
      <AddLine retreat={retreat} onAdd={(line) => setLines([...retreat.lines, line])} />
      <dl className="budget-summary">
        {BUDGET_KINDS.filter((k) => summary.byKind[k] > 0).map((k) => (
          <div key={k}>
            <dt>{t(`retreat.budgetKind.${k}`)}</dt>
            <dd>{formatMoney(summary.byKind[k], cur, { exact: true })}</dd>
          </div>
        ))}
        <div className="budget-summary__total">
          <dt>{t('retreat.budget.total')}</dt>
          <dd className={summary.over > 0 ? 'text-danger' : undefined}>
            {formatMoney(summary.total, cur, { exact: true })}{' '}
            <span className="muted">/ {formatMoney(retreat.budget, cur, { exact: true })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('retreat.budget.perAttendee')}</dt>
          <dd>{summary.perAttendee === null ? '—' : formatMoney(summary.perAttendee, cur, { exact: true })}</dd>
        </div>
        <div>
          <dt>{t('retreat.budget.perAccount')}</dt>
          <dd>{summary.perAccount === null ? '—' : formatMoney(summary.perAccount, cur, { exact: true })}</dd>
        </div>
      </dl>
    </>
  );
}

function AddLine({ retreat, onAdd }: { retreat: RetreatRow; onAdd: (l: BudgetLine) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<BudgetKind>('venue');
  const [label, setLabel] = useState('');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="inline-form"
      noValidate
      aria-label={t('retreat.budget.add')}
      onSubmit={(e) => {
        e.preventDefault();
        const r = moneyParser(retreat.currency)(amount);
        if (!r.ok) return setError(r.error);
        setError(null);
        onAdd({ kind, label: label.trim(), amount: r.value });
        setLabel('');
        setAmount('');
      }}
    >
      <FormField id={`${id}-k`} label={t('retreat.budget.kind')}>
        {(p) => (
          <select {...p} className="input select" value={kind} onChange={(e) => setKind(e.target.value as BudgetKind)}>
            {BUDGET_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`retreat.budgetKind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id={`${id}-l`} label={t('retreat.budget.label')} className="inline-form__grow">
        {(p) => <input {...p} className="input" value={label} maxLength={120} onChange={(e) => setLabel(e.target.value)} />}
      </FormField>
      <FormField id={`${id}-a`} label={t('retreat.budget.amount')} error={error} errorId={`${id}-err`}>
        {(p) => (
          <input {...p} className="input input--num" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        )}
      </FormField>
      <Button type="submit">{t('retreat.budget.add')}</Button>
      {error ? (
        <p className="field__error roster-add__error" id={`${id}-err`} role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
