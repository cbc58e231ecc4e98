import { useTranslation } from 'react-i18next';
import { ArrowDown, ArrowUp, Trash2 } from 'lucide-react';
import { ACTION_STATUSES, isOverdue, type ActionStatus } from '@shared/domain/plan';
import { daysBetween, type IsoDate } from '@shared/domain/dates';
import type { ActionRow as Row } from '../../../db/database';
import { InlineInput } from '../../../ui/fields';
import { IconButton } from '../../../ui/Button';
import { dateParser, textParser } from '../../../lib/parsers';
import type { PlanActions } from '../hooks/usePlanActions';

/** One action: title, owner, due date, status; overdue ones say so in words and colour. */
export function ActionRow({
  action,
  siblings,
  today,
  actions,
}: {
  action: Row;
  siblings: readonly Row[];
  today: IsoDate;
  actions: PlanActions;
}) {
  const { t } = useTranslation();
  const overdue = isOverdue(action, today);
  const index = siblings.findIndex((s) => s.id === action.id);
  return (
    <tr className={`action ${overdue ? 'action--overdue' : ''} ${action.status === 'done' ? 'action--done' : ''}`}>
      <td className="action__check">
        <input
          type="checkbox"
          aria-label={t('plans.markDone', { title: action.title })}
          checked={action.status === 'done'}
          onChange={(e) => actions.updateAction(action.id, { status: e.target.checked ? 'done' : 'open' })}
        />
      </td>
      <td className="action__title">
        <InlineInput
          hideLabel
          label={t('plans.field.actionTitle')}
          saved={action.title}
          parse={textParser({ required: true, max: 200 })}
          onCommit={(title: string) => actions.updateAction(action.id, { title })}
        />
        {overdue && action.dueDate ? (
          <span className="badge badge--danger action__overdue" role="note">
            {t('plans.overdue', { count: daysBetween(action.dueDate, today) })}
          </span>
        ) : null}
      </td>
      <td>
        <InlineInput
          hideLabel
          label={t('plans.field.owner', { title: action.title })}
          saved={action.owner}
          parse={textParser({ max: 200 })}
          onCommit={(owner: string) => actions.updateAction(action.id, { owner })}
          placeholder={t('plans.field.ownerPlaceholder')}
        />
      </td>
      <td>
        <InlineInput
          hideLabel
          type="date"
          label={t('plans.field.due', { title: action.title })}
          saved={action.dueDate ?? ''}
          parse={dateParser()}
          onCommit={(dueDate) => actions.updateAction(action.id, { dueDate })}
        />
      </td>
      <td>
        <label className="sr-only" htmlFor={`status-${action.id}`}>
          {t('plans.field.status', { title: action.title })}
        </label>
        <select
          id={`status-${action.id}`}
          className={`input select status status--${action.status}`}
          value={action.status}
          onChange={(e) => actions.updateAction(action.id, { status: e.target.value as ActionStatus })}
        >
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`plans.status.${s}`)}
            </option>
          ))}
        </select>
      </td>
      <td className="row-tools">
        <IconButton
          label={t('plans.moveUp', { title: action.title })}
          icon={<ArrowUp size={14} />}
          disabled={index <= 0}
          onClick={() => actions.moveAction(siblings, action.id, -1)}
        />
        <IconButton
          label={t('plans.moveDown', { title: action.title })}
          icon={<ArrowDown size={14} />}
          disabled={index >= siblings.length - 1}
          onClick={() => actions.moveAction(siblings, action.id, 1)}
        />
        <IconButton
          label={t('plans.deleteAction', { title: action.title })}
          icon={<Trash2 size={14} />}
          onClick={() => actions.deleteAction(action.id, action.title)}
        />
      </td>
    </tr>
  );
}
