import { useTranslation } from 'react-i18next';
import { Check, Minus } from 'lucide-react';
import { coverage, type CoverageCell, type CoverageGap } from '@shared/domain/coverage';
import { ORG_LEVELS } from '@shared/domain/stakeholders';
import type { IsoDate } from '@shared/domain/dates';
import type { MapData } from '../hooks/useMapData';

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
  const row = (name: string, c: CoverageCell, key: string) => (
    <tr key={key}>
      <th scope="row">{name}</th>
      <td className="num">{c.known}</td>
      <td>
        <Mark on={c.supporter} label={c.supporter ? t('common.yes') : t('common.no')} />
      </td>
      <td>
        <Mark on={c.recentContact} label={c.recentContact ? t('common.yes') : t('common.no')} />
      </td>
    </tr>
  );
  const gapText = (g: CoverageGap) =>
    t(`map.coverage.gap.${g.kind}`, {
      level: 'level' in g ? t(`map.levelPhrase.${g.level}`) : '',
      department: 'department' in g ? g.department : '',
    });
  const head = (first: string) => (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" className="num">
          {t('map.coverage.known')}
        </th>
        <th scope="col">{t('map.coverage.supporter')}</th>
        <th scope="col">{t('map.coverage.recent')}</th>
      </tr>
    </thead>
  );
  return (
    <div className="coverage">
      <section className="card">
        <h2 className="card__title">
          {t('map.coverage.levels')}
          <span className="card__aside">{t('map.coverage.levelsCovered', { count: cov.levelsCovered, total: ORG_LEVELS.length })}</span>
        </h2>
        <table className="data-table">
          {head(t('map.field.orgLevel'))}
          <tbody>{ORG_LEVELS.map((l) => row(t(`map.level.${l}`), cov.levels[l], l))}</tbody>
        </table>
      </section>
      <section className="card">
        <h2 className="card__title">{t('map.coverage.departments')}</h2>
        {cov.departments.length === 0 ? (
          <p className="muted">{t('map.coverage.noDepartments')}</p>
        ) : (
          <table className="data-table">
            {head(t('map.field.department'))}
            <tbody>{cov.departments.map((d) => row(d.department, d.cell, d.department))}</tbody>
          </table>
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
