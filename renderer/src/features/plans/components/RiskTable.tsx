import { useTranslation } from 'react-i18next';
import { Trash2 } from 'lucide-react';
import { RISK_LEVELS, riskScore, type RiskLevel } from '@shared/domain/plan';
import type { RiskRow } from '../../../db/database';
import { InlineInput } from '../../../ui/fields';
import { IconButton, ToolsHeader } from '../../../ui/Button';
import { textParser } from '../../../lib/parsers';
import type { PlanActions } from '../hooks/usePlanActions';
import { AddRow } from './AddRow';

/** Risks with likelihood × impact (score 1–9) and the mitigation. */
export function RiskTable({ planId, risks, actions }: { planId: string; risks: readonly RiskRow[]; actions: PlanActions }) {
  const { t } = useTranslation();
  const level = (r: RiskRow, key: 'likelihood' | 'impact') => (
    <>
      <label className="sr-only" htmlFor={`${key}-${r.id}`}>
        {t(`plans.risk.${key}For`, { title: r.title })}
      </label>
      <select
        id={`${key}-${r.id}`}
        className={`input select level level--${r[key]}`}
        value={r[key]}
        onChange={(e) => actions.updateRisk(r.id, { [key]: e.target.value as RiskLevel })}
      >
        {RISK_LEVELS.map((l) => (
          <option key={l} value={l}>
            {t(`plans.risk.level.${l}`)}
          </option>
        ))}
      </select>
    </>
  );
  return (
    <>
      {risks.length === 0 ? (
        <p className="muted">{t('plans.noRisks')}</p>
      ) : (
        <table className="actions-table risks-table">
          <thead>
            <tr>
              <th scope="col">{t('plans.risk.title')}</th>
              <th scope="col">{t('plans.risk.likelihood')}</th>
              <th scope="col">{t('plans.risk.impact')}</th>
              <th scope="col" className="num">
                {t('plans.risk.score')}
              </th>
              <th scope="col">{t('plans.risk.mitigation')}</th>
              <ToolsHeader label={t('common.rowTools')} />
            </tr>
          </thead>
          <tbody>
            {risks.map((r) => (
              <tr key={r.id}>
                <td>
                  <InlineInput
                    hideLabel
                    label={t('plans.risk.title')}
                    saved={r.title}
                    parse={textParser({ required: true, max: 200 })}
                    onCommit={(title: string) => actions.updateRisk(r.id, { title })}
                  />
                </td>
                <td>{level(r, 'likelihood')}</td>
                <td>{level(r, 'impact')}</td>
                <td className="num">
                  <span className={`risk-score risk-score--${riskScore(r) >= 6 ? 'high' : riskScore(r) >= 3 ? 'medium' : 'low'}`}>
                    {riskScore(r)}
                  </span>
                </td>
                <td>
                  <InlineInput
                    hideLabel
                    label={t('plans.risk.mitigationFor', { title: r.title })}
                    saved={r.mitigation}
                    parse={textParser({ max: 2000 })}
                    onCommit={(mitigation: string) => actions.updateRisk(r.id, { mitigation })}
                  />
                </td>
                <td className="row-tools">
                  <IconButton
                    label={t('plans.deleteRisk', { title: r.title })}
                    icon={<Trash2 size={14} />}
                    onClick={() => actions.deleteRisk(r.id, r.title)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddRow label={t('plans.addRisk')} placeholder={t('plans.addRiskPlaceholder')} onAdd={(title) => actions.addRisk(planId, title)} />
    </>
  );
}
