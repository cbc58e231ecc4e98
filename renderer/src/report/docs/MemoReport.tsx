import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { IsoDate } from '@shared/domain/dates';
import { formatDate } from '../../lib/format';
import { useToday } from '../../lib/today';
import { useSettings } from '../../stores/settings';
import { useMemoDoc, type MemoDoc } from '../../features/memos';
import { DocCover, useDocTitle } from '../DocCover';
import { PageStyle } from '../PageStyle';
import { ExitSection } from './MemoReportExit';
import { memoColumns } from './MemoReportModel';
import { OptionsSection } from './MemoReportOptions';
import { ContextSection, DecisionSection, RecommendationSection, ViewsSection } from './MemoReportSections';
import { SourcesSection } from './MemoReportSources';

/** The cover's facts: status (with who decided and when), due date, the DACI roles, what it was drafted from, its links. */
function coverFacts(doc: MemoDoc, t: TFunction, today: IsoDate): Array<readonly [string, ReactNode]> {
  const { memo } = doc;
  const people = (list: readonly string[]) => (list.length > 0 ? list.join(', ') : t('report.memo.notNamed'));
  const status =
    memo.decidedOn && (memo.status === 'decided' || memo.status === 'superseded')
      ? t('report.memo.statusDecided', {
          status: t(`memo.status.${memo.status}`),
          date: formatDate(memo.decidedOn),
          who: memo.decidedBy || t('report.memo.notNamed'),
        })
      : t(`memo.status.${memo.status}`);
  const item = memo.itemId ? doc.roadmap.items.find((i) => i.id === memo.itemId) : undefined;
  const account = memo.accountId ? doc.roadmap.accounts.get(memo.accountId) : undefined;
  const facts: Array<readonly [string, ReactNode]> = [[t('report.memo.status'), status]];
  if (memo.dueDate) facts.push([t('report.memo.due'), formatDate(memo.dueDate)]);
  facts.push(
    [t('report.memo.driver'), memo.driver || t('report.memo.notNamed')],
    [t('report.memo.approver'), memo.approver || t('report.memo.notNamed')],
    [t('report.memo.contributors'), people(memo.contributors)],
    [t('report.memo.informed'), people(memo.informed)],
  );
  if (item) facts.push([t('report.memo.fromItem'), item.title]);
  if (account) facts.push([t('report.memo.fromAccount'), account.name]);
  if (memo.supersedes) facts.push([t('report.memo.supersedes'), doc.supersedes?.title ?? t('report.memo.goneMemo')]);
  if (memo.supersededBy) facts.push([t('report.memo.supersededByFact'), doc.supersededBy?.title ?? t('report.memo.goneMemo')]);
  facts.push([t('report.plan.printed'), formatDate(today)], [t('report.plan.confidentiality'), t('report.memo.internal')]);
  return facts;
}

/**
 * The trade-off memo on paper (issue 16, PRODUCT §5), internal: the question and the
 * recommendation first, the options side by side, the executives' views, the fair exit, the
 * decision, and where every figure comes from. Every figure from useMemoDoc (the functions the
 * memo screen uses); once decided, the figures the decision was taken on.
 */
export function MemoReport({ id }: { id: string }) {
  const { t } = useTranslation();
  const doc = useMemoDoc(id);
  const paper = useSettings((s) => s.paper);
  const today: IsoDate = useToday();
  useDocTitle(doc ? t('report.memo.documentTitle', { title: doc.memo.title }) : null);
  if (doc === undefined) return <p className="report-loading">{t('report.loading')}</p>;
  if (doc === null) {
    return (
      <p className="report-missing" data-report-ready="true">
        {t('report.memo.missing')}
      </p>
    );
  }
  const columns = memoColumns(doc);
  const currency = doc.memo.decidedFigures?.currency ?? doc.currency;
  const footer = t('report.footer', { account: t('report.memo.footerName'), date: formatDate(today) });
  return (
    <article
      className="report report--memo"
      // Customers print with their health: ready once it has been read.
      data-report-ready={doc.healthReady ? 'true' : undefined}
      aria-label={t('report.memo.label', { title: doc.memo.title })}
    >
      <PageStyle paper={paper} footer={footer} pageLabel={{ page: t('report.page'), of: t('report.of') }} />
      <DocCover
        eyebrow={t('report.memo.eyebrow')}
        title={doc.memo.title}
        subtitle={doc.memo.question.trim() || undefined}
        facts={coverFacts(doc, t, today)}
      />
      <RecommendationSection doc={doc} columns={columns} />
      <DecisionSection doc={doc} columns={columns} />
      <ContextSection doc={doc} />
      <OptionsSection columns={columns} currency={currency} />
      <ViewsSection doc={doc} />
      <ExitSection doc={doc} today={today} />
      <SourcesSection doc={doc} columns={columns} today={today} />
    </article>
  );
}
