import { useTranslation } from 'react-i18next';
import { ArrowDown, ArrowUp, Printer, Trash2 } from 'lucide-react';
import { isPeriodValid } from '@shared/domain/plan';
import type { IsoDate } from '@shared/domain/dates';
import { InlineInput, InlineTextarea } from '../../../ui/fields';
import { Button, IconButton, ToolsHeader } from '../../../ui/Button';
import { dateParser, textParser } from '../../../lib/parsers';
import type { PlanTree } from '../hooks/usePlans';
import type { PlanActions } from '../hooks/usePlanActions';
import { ActionRow } from './ActionRow';
import { AddRow } from './AddRow';
import { RiskTable } from './RiskTable';
import { pdfName, printDocument } from '../../../platform/print';

/** One plan: period and summary, objectives with their actions, and risks. */
export function PlanEditor({ tree, today, actions }: { tree: PlanTree; today: IsoDate; actions: PlanActions }) {
  const { t } = useTranslation();
  const { plan } = tree;
  const periodOk = isPeriodValid(plan.periodStart, plan.periodEnd);
  const objectiveRows = tree.objectives.map((o) => o.objective);
  return (
    <article className="plan" aria-label={plan.title}>
      <header className="plan__head">
        <InlineInput
          className="plan__title"
          label={t('plans.field.title')}
          hideLabel
          saved={plan.title}
          parse={textParser({ required: true, max: 200 })}
          onCommit={(title: string) => actions.updatePlan(plan.id, { title })}
        />
        <Button
          variant="ghost"
          size="sm"
          icon={<Printer size={14} aria-hidden />}
          onClick={() => void printDocument('plan', plan.id, pdfName(plan.title))}
        >
          {t('plans.print')}
        </Button>
        <Button variant="ghost" size="sm" icon={<Trash2 size={14} aria-hidden />} onClick={() => actions.deletePlan(plan.id, plan.title)}>
          {t('plans.delete')}
        </Button>
      </header>
      <div className="form-grid form-grid--3">
        <InlineInput
          type="date"
          label={t('plans.field.periodStart')}
          saved={plan.periodStart ?? ''}
          parse={dateParser()}
          onCommit={(periodStart) => actions.updatePlan(plan.id, { periodStart })}
        />
        <InlineInput
          type="date"
          label={t('plans.field.periodEnd')}
          saved={plan.periodEnd ?? ''}
          parse={(s) => {
            const r = dateParser()(s);
            return r.ok && !isPeriodValid(plan.periodStart, r.value) ? { ok: false, error: t('validation.endBeforeStart') } : r;
          }}
          onCommit={(periodEnd) => actions.updatePlan(plan.id, { periodEnd })}
          hint={periodOk ? undefined : t('validation.endBeforeStart')}
        />
      </div>
      <InlineTextarea
        label={t('plans.field.summary')}
        saved={plan.summary}
        onCommit={(summary) => actions.updatePlan(plan.id, { summary })}
        maxLength={20_000}
        tooLong={t('validation.tooLong', { max: 20_000 })}
        rows={2}
      />

      <h3 className="plan__section">{t('plans.objectives')}</h3>
      {tree.objectives.length === 0 ? <p className="muted">{t('plans.noObjectives')}</p> : null}
      {tree.objectives.map(({ objective, actions: list }, i) => (
        <section key={objective.id} className="objective" aria-label={objective.title}>
          <div className="objective__head">
            <span className="objective__num" aria-hidden>
              {i + 1}
            </span>
            <InlineInput
              className="objective__title"
              hideLabel
              label={t('plans.field.objectiveTitle')}
              saved={objective.title}
              parse={textParser({ required: true, max: 200 })}
              onCommit={(title: string) => actions.updateObjective(objective.id, title)}
            />
            <div className="row-tools">
              <IconButton
                label={t('plans.moveUp', { title: objective.title })}
                icon={<ArrowUp size={14} />}
                disabled={i === 0}
                onClick={() => actions.moveObjective(objectiveRows, objective.id, -1)}
              />
              <IconButton
                label={t('plans.moveDown', { title: objective.title })}
                icon={<ArrowDown size={14} />}
                disabled={i === objectiveRows.length - 1}
                onClick={() => actions.moveObjective(objectiveRows, objective.id, 1)}
              />
              <IconButton
                label={t('plans.deleteObjective', { title: objective.title })}
                icon={<Trash2 size={14} />}
                onClick={() => actions.deleteObjective(objective.id, objective.title)}
              />
            </div>
          </div>
          {list.length > 0 ? (
            <table className="actions-table">
              <caption className="sr-only">{t('plans.actionsOf', { title: objective.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="sr-only">{t('plans.col.done')}</span>
                  </th>
                  <th scope="col">{t('plans.col.action')}</th>
                  <th scope="col">{t('plans.col.owner')}</th>
                  <th scope="col">{t('plans.col.due')}</th>
                  <th scope="col">{t('plans.col.status')}</th>
                  <ToolsHeader label={t('common.rowTools')} />
                </tr>
              </thead>
              <tbody>
                {list.map((a) => (
                  <ActionRow key={a.id} action={a} siblings={list} today={today} actions={actions} />
                ))}
              </tbody>
            </table>
          ) : null}
          <AddRow
            label={t('plans.addAction')}
            placeholder={t('plans.addActionPlaceholder')}
            onAdd={(title) => actions.addAction(plan.id, objective.id, { title })}
          />
        </section>
      ))}
      <AddRow
        label={t('plans.addObjective')}
        placeholder={t('plans.addObjectivePlaceholder')}
        onAdd={(title) => actions.addObjective(plan.id, title)}
      />

      <h3 className="plan__section">{t('plans.risks')}</h3>
      <RiskTable planId={plan.id} risks={tree.risks} actions={actions} />
    </article>
  );
}
