import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClipboardList, Plus } from 'lucide-react';
import { planProgress } from '@shared/domain/plan';
import type { IsoDate } from '@shared/domain/dates';
import { Button, EmptyState } from '../../../ui/Button';
import { formatDate, formatPercent } from '../../../lib/format';
import type { PlanTree } from '../hooks/usePlans';
import { usePlanActions } from '../hooks/usePlanActions';
import { PlanEditor } from './PlanEditor';

/** Several plans per account over time: a list on the left, the chosen plan on the right. */
export function PlansTab({ accountId, plans, today }: { accountId: string; plans: readonly PlanTree[]; today: IsoDate }) {
  const { t } = useTranslation();
  const actions = usePlanActions();
  const [chosen, setChosen] = useState<string | null>(null);
  const current = plans.find((p) => p.plan.id === chosen) ?? plans[0];

  const newPlan = async () => {
    const out = await actions.createPlan(accountId, t('plans.untitled'));
    if (out) setChosen(out.plan.id);
  };

  if (plans.length === 0) {
    return (
      <EmptyState
        icon={<ClipboardList size={28} aria-hidden />}
        title={t('plans.empty.title')}
        body={t('plans.empty.body')}
        action={
          <Button variant="primary" icon={<Plus size={15} aria-hidden />} onClick={() => void newPlan()}>
            {t('plans.new')}
          </Button>
        }
      />
    );
  }

  return (
    <div className="plans">
      <nav className="plans__list" aria-label={t('plans.listLabel')}>
        <ul>
          {plans.map((p) => {
            const prog = planProgress(p.actions, today);
            const on = p.plan.id === current?.plan.id;
            return (
              <li key={p.plan.id}>
                <button
                  type="button"
                  className={`plan-pick ${on ? 'plan-pick--on' : ''}`}
                  aria-current={on ? 'true' : undefined}
                  onClick={() => setChosen(p.plan.id)}
                >
                  <span className="plan-pick__title">{p.plan.title}</span>
                  <span className="plan-pick__meta">
                    {p.plan.periodStart || p.plan.periodEnd
                      ? `${formatDate(p.plan.periodStart)} – ${formatDate(p.plan.periodEnd)}`
                      : t('plans.noPeriod')}
                  </span>
                  <span className="plan-pick__meta">
                    {t('plans.progress', { done: prog.done, total: prog.total })}
                    {prog.completion !== null ? ` · ${formatPercent(prog.completion, 0)}` : ''}
                    {prog.overdue > 0 ? <span className="text-danger"> · {t('plans.overdueCount', { count: prog.overdue })}</span> : null}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
        <Button size="sm" variant="ghost" icon={<Plus size={14} aria-hidden />} onClick={() => void newPlan()}>
          {t('plans.new')}
        </Button>
      </nav>
      {current ? <PlanEditor key={current.plan.id} tree={current} today={today} actions={actions} /> : null}
    </div>
  );
}
