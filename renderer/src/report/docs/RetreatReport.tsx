import { useTranslation } from 'react-i18next';
import type { IsoDate } from '@shared/domain/dates';
import { IMPORTANCES } from '@shared/domain/roadmap';
import { formatDate } from '../../lib/format';
import { useToday } from '../../lib/today';
import { useSettings } from '../../stores/settings';
import { useClubData } from '../../features/club';
import { useRoadmapData } from '../../features/roadmap';
import { DocCover, useDocTitle } from '../DocCover';
import { PageStyle } from '../PageStyle';

/** The retreat brief: agenda, who comes (role and stance), what each member asked for before, logistics. */
export function RetreatReport({ id }: { id: string }) {
  const { t } = useTranslation();
  const club = useClubData();
  const roadmap = useRoadmapData();
  const paper = useSettings((s) => s.paper);
  const today: IsoDate = useToday();
  const retreat = club?.retreats.find((r) => r.id === id);
  useDocTitle(retreat ? t('report.retreat.documentTitle', { title: retreat.title }) : null);
  if (!club || !roadmap) return <p className="report-loading">{t('report.loading')}</p>;
  if (!retreat) {
    return (
      <p className="report-missing" data-report-ready="true">
        {t('report.retreat.missing')}
      </p>
    );
  }
  const sessions = club.sessions
    .filter((s) => s.retreatId === id)
    .sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
  const attendees = club.attendees
    .filter((a) => a.retreatId === id)
    .sort(
      (a, b) =>
        (club.accounts.get(a.accountId)?.name ?? '').localeCompare(club.accounts.get(b.accountId)?.name ?? '') ||
        a.name.localeCompare(b.name),
    );
  const person = (accountId: string, personId: string | null) =>
    personId ? club.people.get(accountId)?.find((p) => p.id === personId) : undefined;
  const accountIds = [...new Set(attendees.map((a) => a.accountId))];
  const items = new Map(roadmap.items.map((i) => [i.id, i]));
  // What each attending member asked for before this retreat (requests captured here are its outcome, not its input).
  const asked = accountIds.map((accountId) => ({
    accountId,
    requests: roadmap.requests
      .filter((r) => r.accountId === accountId && r.retreatId !== id)
      // Most important first, then by item: the same order on every device and every print.
      .sort(
        (a, b) =>
          IMPORTANCES.indexOf(b.importance) - IMPORTANCES.indexOf(a.importance) ||
          (items.get(a.itemId)?.title ?? '').localeCompare(items.get(b.itemId)?.title ?? ''),
      ),
  }));
  const footer = t('report.footer', { account: retreat.title, date: formatDate(today) });
  const dates =
    retreat.startDate === retreat.endDate
      ? formatDate(retreat.startDate)
      : `${formatDate(retreat.startDate)} – ${formatDate(retreat.endDate)}`;
  return (
    <article className="report" data-report-ready="true" aria-label={t('report.retreat.label', { title: retreat.title })}>
      <PageStyle paper={paper} footer={footer} pageLabel={{ page: t('report.page'), of: t('report.of') }} />
      <DocCover
        eyebrow={t('report.retreat.eyebrow')}
        title={retreat.title}
        subtitle={retreat.theme || undefined}
        facts={[
          [t('report.retreat.dates'), dates],
          [t('retreat.field.place'), retreat.place || '—'],
          [t('report.retreat.ours'), retreat.ourAttendees.join(', ') || '—'],
          [t('report.plan.printed'), formatDate(today)],
        ]}
      />
      <section className="report-section">
        <h2 className="report-h2">{t('retreat.agenda.title')}</h2>
        {sessions.length === 0 ? (
          <p className="report-muted">{t('retreat.agenda.none')}</p>
        ) : (
          <table className="report-table">
            <thead>
              <tr>
                <th>{t('retreat.agenda.date')}</th>
                <th>{t('retreat.agenda.when')}</th>
                <th>{t('retreat.agenda.session')}</th>
                <th>{t('retreat.agenda.kind')}</th>
                <th>{t('retreat.agenda.owner')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <td className="nowrap">{formatDate(s.date)}</td>
                  <td className="nowrap">
                    {s.start}–{s.end}
                  </td>
                  <td>{s.title}</td>
                  <td>{t(`retreat.kind.${s.kind}`)}</td>
                  <td>{s.owner || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="report-section">
        <h2 className="report-h2">{t('retreat.attendee.title')}</h2>
        {attendees.length === 0 ? (
          <p className="report-muted">{t('retreat.attendee.none')}</p>
        ) : (
          <table className="report-table">
            <thead>
              <tr>
                <th>{t('retreat.attendee.name')}</th>
                <th>{t('retreat.attendee.account')}</th>
                <th>{t('retreat.attendee.role')}</th>
                <th>{t('map.field.buyingRole')}</th>
                <th>{t('map.field.stance')}</th>
              </tr>
            </thead>
            <tbody>
              {attendees.map((a) => {
                const p = person(a.accountId, a.personId);
                return (
                  <tr key={a.id}>
                    <td>
                      <strong>{a.name}</strong>
                      {p?.title ? <span className="report-sub">{p.title}</span> : null}
                    </td>
                    <td>{club.accounts.get(a.accountId)?.name ?? '—'}</td>
                    <td>{a.role || '—'}</td>
                    <td>{p ? t(`map.role.${p.buyingRole}`) : '—'}</td>
                    <td>{p ? t(`map.stance.${p.stance}`) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <section className="report-section">
        <h2 className="report-h2">{t('report.retreat.asked')}</h2>
        {asked.length === 0 ? <p className="report-muted">{t('report.retreat.noMembers')}</p> : null}
        {asked.map(({ accountId, requests }) => (
          <div key={accountId} className="report-keep">
            <h3 className="report-h3">{club.accounts.get(accountId)?.name ?? '—'}</h3>
            {requests.length === 0 ? (
              <p className="report-muted">{t('report.retreat.nothingAsked')}</p>
            ) : (
              <ul className="report-list">
                {requests.map((r) => {
                  const item = items.get(r.itemId);
                  return (
                    <li key={r.id}>
                      <strong>{item?.title ?? t('quote.missingItem')}</strong> — {t(`roadmap.importance.${r.importance}`)}
                      {item ? `, ${t('report.retreat.planned', { quarter: item.plannedQuarter })}` : ''}
                      {r.note ? <span className="report-sub">{r.note}</span> : null}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        ))}
      </section>
      <section className="report-section report-keep">
        <h2 className="report-h2">{t('retreat.logistics')}</h2>
        <dl className="report-facts">
          <div className="report-facts__row">
            <dt>{t('retreat.field.place')}</dt>
            <dd>{retreat.place || '—'}</dd>
          </div>
          <div className="report-facts__row">
            <dt>{t('report.retreat.dates')}</dt>
            <dd>{dates}</dd>
          </div>
          <div className="report-facts__row">
            <dt>{t('report.retreat.notes')}</dt>
            <dd className="report-summary">{retreat.notes.trim() || '—'}</dd>
          </div>
        </dl>
      </section>
    </article>
  );
}
