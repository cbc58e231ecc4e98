import { useTranslation } from 'react-i18next';
import { ICP_CRITERIA, icpFitScore, type IcpCriterion } from '@shared/domain/account';
import type { SectionProps } from '../OverviewTab';

/** ICP fit: each criterion rated 0–5, weighted into a fit score (PRODUCT §1). */
export function IcpSection({ account, save }: SectionProps) {
  const { t } = useTranslation();
  const score = icpFitScore(account.icp);
  const setRating = (c: IcpCriterion, value: string) => {
    const next = Object.fromEntries(Object.entries(account.icp).filter(([k]) => k !== c));
    save({ icp: value === '' ? next : { ...next, [c]: Number(value) } });
  };
  return (
    <section className="card" aria-labelledby="icp-h">
      <h2 id="icp-h" className="card__title">
        {t('account.section.icp')}
        <span className="card__aside">
          {t('icp.score')}: <strong className="num">{score === null ? '—' : `${score} / 100`}</strong>
        </span>
      </h2>
      <div className="icp">
        {ICP_CRITERIA.map((c) => (
          <div className="icp__row" key={c}>
            <label htmlFor={`icp-${c}`} className="icp__label">
              {t(`icp.${c}`)}
            </label>
            <select
              id={`icp-${c}`}
              className="input select icp__select"
              value={account.icp[c] ?? ''}
              onChange={(e) => setRating(c, e.target.value)}
            >
              <option value="">{t('icp.unrated')}</option>
              {[0, 1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {n} — {t(`icp.level${n}`)}
                </option>
              ))}
            </select>
            <meter className="icp__meter" min={0} max={5} value={account.icp[c] ?? 0} aria-hidden />
          </div>
        ))}
      </div>
    </section>
  );
}
