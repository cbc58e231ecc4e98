import { useTranslation } from 'react-i18next';
import { penetration, profitContribution } from '@shared/domain/account';
import { compareOffer, recommend } from '@shared/domain/club';
import { coverage, type CoverageGap } from '@shared/domain/coverage';
import { freshness, mapQuality, topFive } from '@shared/domain/stakeholders';
import { evaluateInRoadmap } from '@shared/domain/roadmapView';
import { isOverdue } from '@shared/domain/plan';
import type { IsoDate } from '@shared/domain/dates';
import { formatDate, formatMoney, formatPercent } from '../../lib/format';
import { useToday } from '../../lib/today';
import { useSettings } from '../../stores/settings';
import { mapSvgFor } from '../../features/map';
import { recommendationText } from '../../features/club';
import { PageStyle } from '../PageStyle';
import { useDocTitle } from '../DocCover';
import { usePlanReport, type PlanReportData } from './usePlanReport';

/** The account plan a customer can hold (PRODUCT §6): every figure from the functions the screens use. */
export function PlanReport({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const data = usePlanReport(planId);
  const paper = useSettings((s) => s.paper);
  const today = useToday();
  const ready = data !== undefined;
  useDocTitle(data ? t('report.plan.documentTitle', { account: data.account.name, plan: data.plan.title }) : null);
  if (data === undefined) return <p className="report-loading">{t('report.loading')}</p>;
  if (data === null)
    return (
      <p className="report-missing" data-report-ready="true">
        {t('report.plan.missing')}
      </p>
    );
  const footer = t('report.footer', { account: data.account.name, date: formatDate(today) });
  return (
    <article
      className="report"
      data-report-ready={ready ? 'true' : undefined}
      aria-label={t('report.plan.label', { account: data.account.name })}
    >
      <PageStyle paper={paper} footer={footer} pageLabel={{ page: t('report.page'), of: t('report.of') }} />
      <Cover data={data} printed={today} />
      <MapSection data={data} today={today} />
      <PlanSection data={data} today={today} />
      <OffersSection data={data} />
      <QuotesSection data={data} />
    </article>
  );
}

function Cover({ data, printed }: { data: PlanReportData; printed: IsoDate }) {
  const { t } = useTranslation();
  const { account: a, plan } = data;
  const cur = a.currency;
  const pen = penetration(a.arr, a.potentialArr);
  const profit = profitContribution(a);
  const period =
    plan.periodStart || plan.periodEnd
      ? `${plan.periodStart ? formatDate(plan.periodStart) : '…'} – ${plan.periodEnd ? formatDate(plan.periodEnd) : '…'}`
      : t('plans.noPeriod');
  return (
    <section className="report-cover">
      <p className="report-eyebrow">{t('report.plan.eyebrow')}</p>
      <h1 className="report-title">{a.name}</h1>
      <p className="report-subtitle">{plan.title}</p>
      <dl className="report-facts">
        <dt>{t('report.plan.period')}</dt>
        <dd>{period}</dd>
        <dt>{t('report.plan.owner')}</dt>
        <dd>{a.owner || '—'}</dd>
        <dt>{t('report.plan.printed')}</dt>
        <dd>{formatDate(printed)}</dd>
        <dt>{t('report.plan.confidentiality')}</dt>
        <dd>{t('report.plan.confidentialText', { account: a.name })}</dd>
      </dl>
      <h2 className="report-h2">{t('report.plan.summary')}</h2>
      <dl className="report-figures">
        <div>
          <dt>{t('account.fig.arr')}</dt>
          <dd>{formatMoney(a.arr, cur, { exact: true })}</dd>
        </div>
        <div>
          <dt>{t('account.fig.potential')}</dt>
          <dd>{formatMoney(a.potentialArr, cur, { exact: true })}</dd>
        </div>
        <div>
          <dt>{t('account.fig.penetration')}</dt>
          <dd>{pen === null ? '—' : formatPercent(pen)}</dd>
        </div>
        <div>
          <dt>{t('account.fig.profit')}</dt>
          <dd className={profit < 0 ? 'report-negative' : undefined}>{formatMoney(profit, cur, { exact: true })}</dd>
        </div>
        <div>
          <dt>{t('report.plan.bucket')}</dt>
          <dd>{a.bucket ? t(`bucket.${a.bucket}Short`) : t('bucket.none')}</dd>
        </div>
        <div>
          <dt>{t('report.plan.spiralLabel')}</dt>
          <dd>{t('report.plan.spiral', { stage: t(`spiral.${a.spiralStage}`), lap: a.spiralLap })}</dd>
        </div>
      </dl>
      {plan.summary ? <p className="report-summary">{plan.summary}</p> : null}
    </section>
  );
}

function MapSection({ data, today }: { data: PlanReportData; today: IsoDate }) {
  const { t } = useTranslation();
  const thresholds = useSettings((s) => s.freshness);
  const { map } = data;
  const top = topFive(map.people);
  const quality = mapQuality(map.people);
  const cov = coverage(map.people, map.last, today);
  const gapText = (g: CoverageGap) =>
    t(`map.coverage.gap.${g.kind}`, {
      level: 'level' in g ? t(`map.levelPhrase.${g.level}`) : '',
      department: 'department' in g ? g.department : '',
    });
  const svg = map.people.length > 0 ? mapSvgFor(map, today, thresholds, data.account.name) : null;
  return (
    <section className="report-section report-break-before">
      <h2 className="report-h2">{t('report.plan.map')}</h2>
      {svg ? (
        // Our own drawing (mapToSvg escapes every text it writes): vector lines and text on paper.
        <figure
          className="report-map"
          aria-label={t('report.plan.mapLabel', { count: map.people.length })}
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      ) : (
        <p className="report-muted">{t('report.plan.noMap')}</p>
      )}
      <h3 className="report-h3">{t('map.top5.title')}</h3>
      {top.length === 0 ? (
        <p className="report-muted">{t('map.top5.empty')}</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>{t('map.top5.person')}</th>
              <th className="num">{t('map.top5.influence')}</th>
              <th>{t('map.field.buyingRole')}</th>
              <th>{t('map.field.stance')}</th>
              <th>{t('map.top5.lastContact')}</th>
              <th>{t('map.field.ourOwner')}</th>
              <th>{t('map.field.nextStep')}</th>
            </tr>
          </thead>
          <tbody>
            {top.map((p, i) => {
              const last = map.last.get(p.id);
              const fresh = freshness(last, today, thresholds);
              return (
                <tr key={p.id}>
                  <td className="num">{i + 1}</td>
                  <td>
                    <strong>{p.name}</strong>
                    {p.title ? <span className="report-sub">{p.title}</span> : null}
                  </td>
                  <td className="num">{p.influence}</td>
                  <td>{t(`map.role.${p.buyingRole}`)}</td>
                  <td>{t(`map.stance.${p.stance}`)}</td>
                  <td>{last ? `${formatDate(last)} (${t('map.fresh.days', { count: fresh.days ?? 0 })})` : t('map.fresh.never')}</td>
                  <td>{p.ourOwner || '—'}</td>
                  <td>{p.nextStep || '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="report-keep">
        <h3 className="report-h3">{t('report.plan.coverage')}</h3>
        <p>
          <strong>{t('map.quality.label', { level: t(`map.quality.${quality.level}`) })}.</strong>{' '}
          {t(`map.quality.why.${quality.reason}`, { names: quality.names.join(', ') })}
        </p>
        <p>{t('map.coverage.levelsCovered', { count: cov.levelsCovered, total: Object.keys(cov.levels).length })}</p>
        {cov.gaps.length === 0 ? (
          <p>{t('map.coverage.noGaps')}</p>
        ) : (
          <ul className="report-list">
            {cov.gaps.map((g, i) => (
              <li key={i}>{gapText(g)}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function PlanSection({ data, today }: { data: PlanReportData; today: IsoDate }) {
  const { t } = useTranslation();
  return (
    <section className="report-section">
      <h2 className="report-h2">{t('plans.objectives')}</h2>
      {data.objectives.length === 0 ? <p className="report-muted">{t('report.plan.noObjectives')}</p> : null}
      {data.objectives.map(({ objective, actions }) => (
        <div key={objective.id} className="report-objective">
          <h3 className="report-h3">{objective.title}</h3>
          {actions.length === 0 ? (
            <p className="report-muted">{t('report.plan.noActions')}</p>
          ) : (
            <table className="report-table report-table--fixed">
              <colgroup>
                <col style={{ width: '52%' }} />
                <col style={{ width: '18%' }} />
                <col style={{ width: '15%' }} />
                <col style={{ width: '15%' }} />
              </colgroup>
              <thead>
                <tr>
                  <th>{t('report.plan.action')}</th>
                  <th>{t('report.plan.actionOwner')}</th>
                  <th>{t('report.plan.due')}</th>
                  <th>{t('report.plan.status')}</th>
                </tr>
              </thead>
              <tbody>
                {actions.map((a) => (
                  <tr key={a.id}>
                    <td>{a.title}</td>
                    <td>{a.owner || '—'}</td>
                    <td className="nowrap">{a.dueDate ? formatDate(a.dueDate) : '—'}</td>
                    <td className="nowrap">{isOverdue(a, today) ? t('report.plan.overdue') : t(`plans.status.${a.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
      {data.risks.length > 0 ? (
        <>
          <h3 className="report-h3">{t('plans.risks')}</h3>
          <table className="report-table">
            <thead>
              <tr>
                <th>{t('report.plan.risk')}</th>
                <th>{t('report.plan.likelihood')}</th>
                <th>{t('report.plan.impact')}</th>
                <th>{t('report.plan.mitigation')}</th>
              </tr>
            </thead>
            <tbody>
              {data.risks.map((r) => (
                <tr key={r.id}>
                  <td>{r.title}</td>
                  <td>{t(`report.level.${r.likelihood}`)}</td>
                  <td>{t(`report.level.${r.impact}`)}</td>
                  <td>{r.mitigation || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

function OffersSection({ data }: { data: PlanReportData }) {
  const { t } = useTranslation();
  const offers = data.club.offers.filter((o) => o.accountId === data.account.id && o.status !== 'chosen');
  return (
    <section className="report-section report-keep">
      <h2 className="report-h2">{t('report.plan.offers')}</h2>
      {offers.length === 0 ? (
        <p className="report-muted">{t('report.plan.noOffers')}</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th>{t('report.plan.offer')}</th>
              <th>{t('report.plan.status')}</th>
              <th className="num">{t('report.plan.listPrice')}</th>
              <th>{t('report.plan.recommendation')}</th>
            </tr>
          </thead>
          <tbody>
            {offers.map((o) => {
              const c = compareOffer(o);
              return (
                <tr key={o.id}>
                  <td>
                    <strong>{o.name}</strong>
                    <span className="report-sub">{t('report.plan.term', { count: o.termYears })}</span>
                  </td>
                  <td>{t(`offer.status.${o.status}`)}</td>
                  <td className="num nowrap">{formatMoney(o.listPrice, o.currency, { exact: true })}</td>
                  <td>{recommendationText(o, recommend(o, c))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function QuotesSection({ data }: { data: PlanReportData }) {
  const { t } = useTranslation();
  const { roadmap: rd, account } = data;
  const quotes = rd.quotes.filter((q) => q.status !== 'declined' && q.funders.some((f) => f.accountId === account.id));
  const titles = new Map(rd.items.map((i) => [i.id, i.title]));
  return (
    <section className="report-section report-keep">
      <h2 className="report-h2">{t('report.plan.quotes')}</h2>
      {quotes.length === 0 ? (
        <p className="report-muted">{t('report.plan.noQuotes')}</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th>{t('quote.col.quote')}</th>
              <th>{t('quote.col.shift')}</th>
              <th>{t('quote.col.status')}</th>
              <th className="num">{t('quote.col.price')}</th>
              <th className="num">{t('quote.col.accountPays')}</th>
            </tr>
          </thead>
          <tbody>
            {quotes.map((q) => {
              const ev = evaluateInRoadmap(rd, q);
              const part = ev.split?.parts.find((p) => p.accountId === account.id);
              return (
                <tr key={q.id}>
                  <td>
                    <strong>{titles.get(q.itemId) ?? t('quote.missingItem')}</strong>
                    <span className="report-sub">{q.name}</span>
                  </td>
                  {/* Words, not "→": the shipped Inter subsets have no arrow, and the PDF must use only them. */}
                  <td className="nowrap">{t('report.plan.shift', { from: q.fromQuarter, to: q.targetQuarter })}</td>
                  <td>{t(`quote.status.${q.status}`)}</td>
                  <td className="num nowrap">{formatMoney(ev.price.price, q.currency, { exact: true })}</td>
                  <td className="num nowrap">{part ? formatMoney(part.amount, q.currency, { exact: true }) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
