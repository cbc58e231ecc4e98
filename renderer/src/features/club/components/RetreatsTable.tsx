import { useTranslation } from 'react-i18next';
import { retreatConflicts, budgetSummary } from '@shared/domain/retreat';
import { useRoute } from '../../../stores/route';
import { formatDate, formatMoney } from '../../../lib/format';
import type { ClubData } from '../hooks/useClubData';

/** Retreats, newest first, with attendance, budget and how many conflicts each has. */
export function RetreatsTable({ data }: { data: ClubData }) {
  const { t } = useTranslation();
  const navigate = useRoute((s) => s.navigate);
  const members = new Set(data.members.filter((m) => m.status === 'member').map((m) => m.accountId));
  return (
    <div className="table-card">
      <table className="data-table" aria-label={t('retreat.listLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('retreat.col.retreat')}</th>
            <th scope="col">{t('retreat.col.dates')}</th>
            <th scope="col" className="num">
              {t('retreat.col.attendees')}
            </th>
            <th scope="col" className="num">
              {t('retreat.col.budget')}
            </th>
            <th scope="col">{t('retreat.col.conflicts')}</th>
          </tr>
        </thead>
        <tbody>
          {data.retreats.map((r) => {
            const sessions = data.sessions.filter((s) => s.retreatId === r.id);
            const attendees = data.attendees.filter((a) => a.retreatId === r.id);
            const conflicts = retreatConflicts(r, sessions, attendees, members);
            const b = budgetSummary(r, attendees);
            return (
              <tr key={r.id}>
                <td>
                  <a
                    href={`#/retreats/${r.id}`}
                    className="row-link"
                    onClick={(e) => {
                      e.preventDefault();
                      navigate({ name: 'retreat', id: r.id });
                    }}
                  >
                    {r.title}
                  </a>
                  {r.place ? <div className="cell-sub">{r.place}</div> : null}
                </td>
                <td className="nowrap">
                  {formatDate(r.startDate)} – {formatDate(r.endDate)}
                </td>
                <td className="num">{attendees.length + r.ourAttendees.length}</td>
                <td className="num">
                  {formatMoney(b.total, r.currency)} / {formatMoney(r.budget, r.currency)}
                </td>
                <td className={conflicts.length ? 'text-warning' : 'muted'}>
                  {conflicts.length ? t('retreat.conflictCount', { count: conflicts.length }) : t('retreat.noConflicts')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
