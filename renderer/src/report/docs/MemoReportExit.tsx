import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { costToServe } from '@shared/domain/account';
import type { IsoDate } from '@shared/domain/dates';
import { exitFigures, noticeCutShort } from '@shared/domain/fairExit';
import { isEditable } from '@shared/domain/memo';
import type { Minor } from '@shared/domain/money';
import { formatDate, formatMoney, formatNumber } from '../../lib/format';
import { exitSentence, type MemoDoc } from '../../features/memos';
import { Money } from './PortfolioReportCharts';

type ExitRow = MemoDoc['exits'][number];

function Row({ label, children, total }: { label: string; children: ReactNode; total?: boolean }) {
  return (
    <tr className={total ? 'report-total' : undefined}>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}

/**
 * One fair exit (seed 002): each step with its amount, its one-off cost against the profit the
 * account destroys a year, and the sentence the memo is read by.
 */
function ExitBlock({ doc, exit, today }: { doc: MemoDoc; exit: ExitRow; today: IsoDate }) {
  const { t } = useTranslation();
  const account = doc.roadmap.accounts.get(exit.accountId);
  if (!account) return <p className="report-muted">{t('report.memo.exit.accountGone')}</p>;
  const f = exitFigures(exit, account);
  const m = (x: Minor) => formatMoney(x, exit.currency);
  const carriedBy = doc.options.find((o) => o.exitAccountId === exit.accountId);
  const frozen = doc.memo.decidedFigures?.exit ?? null;
  // The record keeps one exit's figures; with one exit on the memo they are this one's.
  const frozenDiffers =
    frozen !== null &&
    doc.exits.length === 1 &&
    (frozen.cost !== f.cost || frozen.savingPerYear !== (f.noCostData ? null : f.savingPerYear) || frozen.currency !== f.currency);
  return (
    <div className="report-keep report-memo-exit">
      <h3 className="report-h3">
        {account.name}
        {carriedBy ? <span className="report-h3__figures">{t('report.memo.exit.carriedBy', { option: carriedBy.name })}</span> : null}
      </h3>
      <p className="report-lead">{exitSentence(t, f)}</p>
      {frozenDiffers && frozen ? (
        <p className="report-callout">
          {frozen.savingPerYear === null
            ? t('report.memo.exit.atDecisionNoSaving', { cost: formatMoney(frozen.cost as Minor, frozen.currency, { whole: true }) })
            : t('report.memo.exit.atDecision', {
                cost: formatMoney(frozen.cost as Minor, frozen.currency, { whole: true }),
                saving: formatMoney(frozen.savingPerYear as Minor, frozen.currency, { whole: true }),
              })}
        </p>
      ) : null}
      <table className="report-table report-memo-exit__table">
        <tbody>
          <Row label={t('report.memo.exit.proposal')}>
            {exit.withdrawProposal
              ? t('report.memo.exit.withdraw', { proposal: exit.proposal.trim() || t('report.memo.exit.openProposal') })
              : t('report.memo.exit.noWithdraw')}
          </Row>
          <Row label={t('report.memo.exit.refund')}>
            <span className="num">{m(exit.refund)}</span>
            {exit.refundTerms.trim() ? <span className="report-sub">{exit.refundTerms.trim()}</span> : null}
          </Row>
          <Row label={t('report.memo.exit.help')}>
            <span className="num">{m(f.help)}</span>
            <span className="report-sub">
              {t('report.memo.exit.helpFormula', {
                exportHours: formatNumber(exit.exportHours, 2),
                migrationHours: formatNumber(exit.migrationHours, 2),
                hours: formatNumber(f.helpHours, 2),
                rate: m(exit.hourlyRate),
              })}
            </span>
          </Row>
          <Row label={t('report.memo.exit.partner')}>{exit.partner.trim() || t('report.memo.exit.noPartner')}</Row>
          <Row label={t('report.memo.exit.notice')}>
            {exit.exitDate
              ? t('report.memo.exit.noticeUntil', {
                  count: exit.noticeDays,
                  days: formatNumber(exit.noticeDays),
                  date: formatDate(exit.exitDate),
                })
              : t('report.memo.exit.noticeOnly', { count: exit.noticeDays, days: formatNumber(exit.noticeDays) })}
            {isEditable(doc.memo.status) && noticeCutShort(exit, today) ? (
              <span className="report-sub report-negative">{t('report.memo.exit.noticeCutShort')}</span>
            ) : null}
          </Row>
          <Row label={t('report.memo.exit.cost')} total>
            <span className="num">{m(f.cost)}</span>
          </Row>
          <Row label={t('report.memo.exit.profit')}>
            <span className="num">
              <Money value={f.profitPerYear} currency={exit.currency} />
            </span>
            <span className="report-sub">
              {f.noCostData
                ? t('report.memo.exit.noCostData')
                : t('report.memo.exit.profitFormula', {
                    arr: formatMoney(account.arr, account.currency, { whole: true }),
                    cost: formatMoney(costToServe(account).total, account.currency, { whole: true }),
                  })}
            </span>
          </Row>
          <Row label={t('report.memo.exit.saving')}>
            <span className="num">
              <Money value={f.savingPerYear} currency={exit.currency} />
            </span>
          </Row>
          <Row label={t('report.memo.exit.payback')}>
            {f.paybackMonths === null
              ? t('report.memo.exit.neverPays')
              : t('report.memo.exit.months', { months: formatNumber(f.paybackMonths, 1) })}
          </Row>
        </tbody>
      </table>
    </div>
  );
}

/** Every fair exit on the memo (one per account let go). */
export function ExitSection({ doc, today }: { doc: MemoDoc; today: IsoDate }) {
  const { t } = useTranslation();
  if (doc.exits.length === 0) return null;
  return (
    <section className="report-section">
      <h2 className="report-h2">{t('report.memo.exit.title')}</h2>
      {doc.exits.map((e) => (
        <ExitBlock key={e.id} doc={doc} exit={e} today={today} />
      ))}
    </section>
  );
}
