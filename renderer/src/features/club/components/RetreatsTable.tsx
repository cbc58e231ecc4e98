import { useTranslation } from 'react-i18next';
import { retreatConflicts, budgetSummary } from '@shared/domain/retreat';
import { formatDate, formatMoney } from '../../../lib/format';
import { DataTable, type Column } from '../../../ui/DataTable';
import { Link } from '../../../ui/Link';
import type { ClubData } from '../hooks/useClubData';

/** Retreats, newest first, with attendance, budget and how many conflicts each has. */
export function RetreatsTable({ data }: { data: ClubData }) {
  const { t } = useTranslation();
  const members = new Set(data.members.filter((m) => m.status === 'member').map((m) => m.accountId));
  const rows = data.retreats.map((r) => {
    const sessions = data.sessions.filter((s) => s.retreatId === r.id);
    const attendees = data.attendees.filter((a) => a.retreatId === r.id);
    return { r, attendees, conflicts: retreatConflicts(r, sessions, attendees, members).length, budget: budgetSummary(r, attendees) };
  });
  const columns: readonly Column<(typeof rows)[number]>[] = [
    {
      key: 'retreat',
      header: t('retreat.col.retreat'),
      cell: ({ r }) => (
        <>
          <Link to={{ name: 'retreat', id: r.id }} className="row-link">
            {r.title}
          </Link>
          {r.place ? <div className="cell-sub">{r.place}</div> : null}
        </>
      ),
    },
    {
      key: 'dates',
      header: t('retreat.col.dates'),
      className: 'nowrap',
      cell: ({ r }) => `${formatDate(r.startDate)} – ${formatDate(r.endDate)}`,
    },
    {
      key: 'attendees',
      header: t('retreat.col.attendees'),
      numeric: true,
      cell: ({ r, attendees }) => attendees.length + r.ourAttendees.length,
    },
    {
      key: 'budget',
      header: t('retreat.col.budget'),
      numeric: true,
      cell: ({ r, budget }) => `${formatMoney(budget.total, r.currency)} / ${formatMoney(r.budget, r.currency)}`,
    },
    {
      key: 'conflicts',
      header: t('retreat.col.conflicts'),
      cell: ({ conflicts }) => (
        <span className={conflicts ? 'text-warning' : 'muted'}>
          {conflicts ? t('retreat.conflictCount', { count: conflicts }) : t('retreat.noConflicts')}
        </span>
      ),
    },
  ];
  return <DataTable label={t('retreat.listLabel')} columns={columns} rows={rows} rowKey={({ r }) => r.id} />;
}
