import { useTranslation } from 'react-i18next';
import { EXEC_ROLES } from '@shared/domain/memo';
import { formatDate } from '../../lib/format';
import { unheardSentence, type MemoDoc } from '../../features/memos';
import { changeSentence, columnSentence, type MemoColumn } from './MemoReportModel';

/** The question's answer first (PRODUCT §5): the option recommended and why, then each option's either/or. */
export function RecommendationSection({ doc, columns }: { doc: MemoDoc; columns: readonly MemoColumn[] }) {
  const { t } = useTranslation();
  const { memo } = doc;
  const recommended = columns.find((c) => c.recommended);
  const why = memo.recommendation.trim();
  return (
    <section className="report-section report-keep">
      <h2 className="report-h2">{t('report.memo.recommendation')}</h2>
      {recommended ? (
        <p className="report-lead">{t('report.memo.recommends', { option: recommended.name })}</p>
      ) : (
        <p className="report-lead report-muted">{t('report.memo.noRecommendation')}</p>
      )}
      {why ? <p className="report-pre">{why}</p> : null}
      <h3 className="report-h3">{t('report.memo.eitherOr')}</h3>
      <ul className="report-list">
        {columns.map((c) => {
          const s = columnSentence(t, c);
          return <li key={c.id}>{s ?? c.name}</li>;
        })}
      </ul>
    </section>
  );
}

/** Context and decision drivers, as written (drivers one per line). */
export function ContextSection({ doc }: { doc: MemoDoc }) {
  const { t } = useTranslation();
  const context = doc.memo.context.trim();
  const drivers = doc.memo.drivers
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (context === '' && drivers.length === 0) return null;
  return (
    <section className="report-section">
      {context ? (
        <>
          <h2 className="report-h2">{t('report.memo.context')}</h2>
          <p className="report-pre">{context}</p>
        </>
      ) : null}
      {drivers.length > 0 ? (
        <>
          <h3 className="report-h3">{t('report.memo.drivers')}</h3>
          <ul className="report-list">
            {drivers.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** Once decided: what was chosen, because, its consequences, who and when, and what has changed since. */
export function DecisionSection({ doc, columns }: { doc: MemoDoc; columns: readonly MemoColumn[] }) {
  const { t } = useTranslation();
  const { memo } = doc;
  if (memo.status !== 'decided' && memo.status !== 'superseded') return null;
  const chosen = columns.find((c) => c.chosen)?.name ?? t('report.memo.goneOption');
  const currency = memo.decidedFigures?.currency ?? doc.currency;
  return (
    <section className="report-section report-keep">
      <h2 className="report-h2">{t('report.memo.decision')}</h2>
      <p className="report-lead">
        {t('report.memo.decidedLine', {
          option: chosen,
          date: memo.decidedOn ? formatDate(memo.decidedOn) : t('report.memo.noDate'),
          who: memo.decidedBy || t('report.memo.notNamed'),
        })}
      </p>
      <dl className="report-memo-dl">
        <dt>{t('report.memo.because')}</dt>
        <dd className="report-pre">{memo.chosenBecause.trim() || t('report.memo.noneWritten')}</dd>
        <dt>{t('report.memo.consequences')}</dt>
        <dd className="report-pre">{memo.consequences.trim() || t('report.memo.noneWritten')}</dd>
      </dl>
      {memo.supersededBy ? (
        <p className="report-callout">{t('report.memo.supersededBy', { title: doc.supersededBy?.title ?? t('report.memo.goneMemo') })}</p>
      ) : null}
      {memo.decidedFigures ? (
        <>
          <h3 className="report-h3">{t('report.memo.changedSince')}</h3>
          {doc.changes.length === 0 ? (
            <p className="report-muted">{t('report.memo.noChanges')}</p>
          ) : (
            <>
              <p>{t('report.memo.changesIntro', { count: doc.changes.length })}</p>
              <ul className="report-list">
                {doc.changes.map((c, i) => (
                  <li key={i}>{changeSentence(t, c, currency)}</li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : null}
    </section>
  );
}

/** All five executives, in the same order every time; a role without a view is said to be unheard. */
export function ViewsSection({ doc }: { doc: MemoDoc }) {
  const { t } = useTranslation();
  const byRole = new Map(doc.views.map((v) => [v.role, v]));
  return (
    <section className="report-section report-keep">
      <h2 className="report-h2">{t('report.memo.views')}</h2>
      <table className="report-table report-table--fixed report-memo-views">
        <thead>
          <tr>
            <th scope="col">{t('report.memo.col.role')}</th>
            <th scope="col">{t('report.memo.col.stance')}</th>
            <th scope="col">{t('report.memo.col.who')}</th>
            <th scope="col">{t('report.memo.col.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {EXEC_ROLES.map((role) => {
            const v = byRole.get(role);
            const stance = v?.stance ?? 'notHeard';
            return (
              <tr key={role} className={stance === 'notHeard' ? 'report-muted' : undefined}>
                <th scope="row">{t(`memo.role.${role}`)}</th>
                <td className={`report-stance report-stance--${stance}`}>{t(`memo.stance.${stance}`)}</td>
                <td>{v?.who.trim() || '—'}</td>
                <td>{v?.reason.trim() || '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className={doc.unheard.length > 0 ? 'report-callout' : 'report-muted'}>{unheardSentence(t, doc.unheard)}</p>
    </section>
  );
}
