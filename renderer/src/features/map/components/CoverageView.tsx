import { useTranslation } from 'react-i18next';
import { Check, Minus } from 'lucide-react';
import { coverage, type CoverageCell, type CoverageGap } from '@shared/domain/coverage';
import { ORG_LEVELS } from '@shared/domain/stakeholders';
import type { IsoDate } from '@shared/domain/dates';
import { DataTable, type Column } from '../../../ui/DataTable';
import type { MapData } from '../hooks/useMapData';

interface CoverageRow {
  readonly key: string;
  readonly name: string;
  readonly cell: CoverageCell;
}

function Mark({ on, label }: { on: boolean; label: string }) {
  return on ? (
    <span className="mark mark--on">
      <Check size={14} aria-hidden />
      <span className="sr-only">{label}</span>
    </span>
  ) : (
    <span className="mark mark--off">
      <Minus size={14} aria-hidden />
      <span className="sr-only">{label}</span>
    </span>
  );
}

/** Coverage of org levels and departments ("penetrate all levels"), with the gaps named. */
export function CoverageView({ data, today }: { data: MapData; today: IsoDate }) {
  const { t } = useTranslation();
  const cov = coverage(data.people, data.last, today);
  const yesNo = (on: boolean) => (on ? t('common.yes') : t('common.no'));
  const columns = (first: string): readonly Column<CoverageRow>[] => [
    { key: 'name', header: first, rowHeader: true, cell: (r) => r.name },
    { key: 'known', header: t('map.coverage.known'), numeric: true, cell: (r) => r.cell.known },
    { key: 'supporter', header: t('map.coverage.supporter'), cell: (r) => <Mark on={r.cell.supporter} label={yesNo(r.cell.supporter)} /> },
    {
      key: 'recent',
      header: t('map.coverage.recent'),
      cell: (r) => <Mark on={r.cell.recentContact} label={yesNo(r.cell.recentContact)} />,
    },
  ];
  const gapText = (g: CoverageGap) =>
    t(`map.coverage.gap.${g.kind}`, {
      level: 'level' in g ? t(`map.levelPhrase.${g.level}`) : '',
      department: 'department' in g ? g.department : '',
    });
  return (
    <div className="coverage">
      <section className="card">
        <h2 className="card__title">
          {t('map.coverage.levels')}
          <span className="card__aside">{t('map.coverage.levelsCovered', { count: cov.levelsCovered, total: ORG_LEVELS.length })}</span>
        </h2>
        <DataTable
          label={t('map.coverage.levels')}
          columns={columns(t('map.field.orgLevel'))}
          rows={ORG_LEVELS.map((l) => ({ key: l, name: t(`map.level.${l}`), cell: cov.levels[l] }))}
          rowKey={(r) => r.key}
          card={false}
        />
      </section>
      <section className="card">
        <h2 className="card__title">{t('map.coverage.departments')}</h2>
        {cov.departments.length === 0 ? (
          <p className="muted">{t('map.coverage.noDepartments')}</p>
        ) : (
          <DataTable
            label={t('map.coverage.departments')}
            columns={columns(t('map.field.department'))}
            rows={cov.departments.map((d) => ({ key: d.department, name: d.department, cell: d.cell }))}
            rowKey={(r) => r.key}
            card={false}
          />
        )}
      </section>
      <section className="card coverage__gaps">
        <h2 className="card__title">{t('map.coverage.gaps', { count: cov.gaps.length })}</h2>
        {cov.gaps.length === 0 ? (
          <p className="checks__ok">{t('map.coverage.noGaps')}</p>
        ) : (
          <ul className="gap-list">
            {cov.gaps.map((g, i) => (
              <li key={i}>{gapText(g)}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
