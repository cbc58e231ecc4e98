import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { OctagonAlert, Printer, Trash2, CircleCheck } from 'lucide-react';
import { pdfName, printDocument } from '../../../platform/print';
import { budgetSummary, retreatConflicts, type RetreatConflict } from '@shared/domain/retreat';
import type { IsoDate } from '@shared/domain/dates';
import { useRoute } from '../../../stores/route';
import { Button, EmptyState } from '../../../ui/Button';
import { InlineInput } from '../../../ui/fields';
import { dateParser, textParser } from '../../../lib/parsers';
import { formatDate, formatMoney } from '../../../lib/format';
import { useClubData, type ClubData } from '../hooks/useClubData';
import { useClubActions } from '../hooks/useClubActions';
import { AgendaSection } from './AgendaSection';
import { AttendeesSection } from './AttendeesSection';
import { BudgetSection } from './BudgetSection';
import { CaptureSection } from './CaptureSection';

/** A retreat: logistics, agenda, attendees, budget, what was asked — and what conflicts. */
export function RetreatPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const data = useClubData();
  const actions = useClubActions();
  const navigate = useRoute((s) => s.navigate);
  const retreat = data?.retreats.find((r) => r.id === id);
  const derived = useMemo(() => {
    if (!data || !retreat) return null;
    const sessions = data.sessions.filter((s) => s.retreatId === id);
    const attendees = data.attendees.filter((a) => a.retreatId === id);
    const members = new Set(data.members.filter((m) => m.status === 'member').map((m) => m.accountId));
    return {
      sessions,
      attendees,
      conflicts: retreatConflicts(retreat, sessions, attendees, members),
      budget: budgetSummary(retreat, attendees),
    };
  }, [data, retreat, id]);
  if (!data) return <div className="page page--loading" aria-busy="true" />;
  if (!retreat || !derived)
    return (
      <div className="page page--center">
        <EmptyState
          level={1}
          title={t('retreat.missingTitle')}
          body={t('retreat.missingBody')}
          action={<Button onClick={() => navigate({ name: 'club', view: 'retreats' })}>{t('retreat.back')}</Button>}
        />
      </div>
    );
  const { sessions, attendees, conflicts, budget } = derived;
  const overlapping = new Set(
    conflicts.flatMap((c) => (c.kind === 'overlap' ? [c.a, c.b] : c.kind === 'outsideDates' ? [c.sessionId] : [])),
  );
  const notMember = new Set(conflicts.flatMap((c) => (c.kind === 'notMember' ? [c.attendeeId] : [])));
  const save = (patch: Parameters<typeof actions.updateRetreat>[1]) => void actions.updateRetreat(id, patch);
  return (
    <div className="page page--account retreat-page">
      <header className="account-head">
        <div className="account-head__top">
          <div className="account-head__title">
            <p className="eyebrow">{t('retreat.eyebrow', { club: data.program.name })}</p>
            <h1 className="sr-only">{retreat.title}</h1>
            <InlineInput
              className="title-field"
              label={t('retreat.field.title')}
              hideLabel
              saved={retreat.title}
              parse={textParser({ required: true, max: 200 })}
              onCommit={(title: string) => save({ title })}
            />
            <div className="account-head__meta">
              <span className="meta-item">
                {formatDate(retreat.startDate)} – {formatDate(retreat.endDate)}
              </span>
              {retreat.place ? <span className="meta-item">{retreat.place}</span> : null}
            </div>
          </div>
          <div className="page-head__actions">
            <Button
              icon={<Printer size={15} aria-hidden />}
              onClick={() => void printDocument('retreat', id, pdfName(`${retreat.title} — brief`))}
            >
              {t('retreat.print')}
            </Button>
            <Button
              variant="ghost"
              icon={<Trash2 size={15} aria-hidden />}
              onClick={() => {
                void actions.deleteRetreat(id, retreat.title);
                navigate({ name: 'club', view: 'retreats' });
              }}
            >
              {t('retreat.delete')}
            </Button>
          </div>
        </div>
        <dl className="figures">
          <Fig label={t('retreat.fig.sessions')} value={String(sessions.length)} />
          <Fig label={t('retreat.fig.attendees')} value={String(attendees.length + retreat.ourAttendees.length)} />
          <Fig label={t('retreat.fig.accounts')} value={String(new Set(attendees.map((a) => a.accountId)).size)} />
          <Fig
            label={t('retreat.fig.budget')}
            value={`${formatMoney(budget.total, retreat.currency)} / ${formatMoney(retreat.budget, retreat.currency)}`}
            tone={budget.over > 0 ? 'danger' : undefined}
          />
          <Fig label={t('retreat.fig.conflicts')} value={String(conflicts.length)} tone={conflicts.length ? 'warning' : 'success'} />
        </dl>
      </header>
      <div className="item-layout">
        <div className="item-layout__main">
          <section className="card" aria-labelledby="conflicts-h">
            <h2 className="card__title" id="conflicts-h">
              {t('retreat.conflicts')}
            </h2>
            <Conflicts data={data} conflicts={conflicts} sessions={sessions} currency={retreat.currency} />
          </section>
          <section className="card" aria-labelledby="agenda-h">
            <h2 className="card__title" id="agenda-h">
              {t('retreat.agenda.title')}
            </h2>
            <AgendaSection retreat={retreat} sessions={sessions} overlapping={overlapping} />
          </section>
          <section className="card" aria-labelledby="capture-h">
            <h2 className="card__title" id="capture-h">
              {t('retreat.capture.title')}
            </h2>
            <CaptureSection data={data} retreat={retreat} attendingAccounts={attendees.map((a) => a.accountId)} />
          </section>
          <section className="card" aria-labelledby="attendees-h">
            <h2 className="card__title" id="attendees-h">
              {t('retreat.attendee.title')}
            </h2>
            <AttendeesSection data={data} retreat={retreat} attendees={attendees} notMember={notMember} />
          </section>
        </div>
        <div className="item-layout__side retreat-side">
          <section className="card" aria-labelledby="logistics-h">
            <h2 className="card__title" id="logistics-h">
              {t('retreat.logistics')}
            </h2>
            <InlineInput
              label={t('retreat.field.place')}
              saved={retreat.place}
              parse={textParser({ max: 200 })}
              onCommit={(place: string) => save({ place })}
            />
            <InlineInput
              label={t('retreat.field.theme')}
              saved={retreat.theme}
              parse={textParser({ max: 200 })}
              onCommit={(theme: string) => save({ theme })}
            />
            <div className="form-grid">
              <InlineInput
                label={t('retreat.field.start')}
                type="date"
                saved={retreat.startDate}
                parse={dateParser({ required: true })}
                onCommit={(d) => d && save({ startDate: d as IsoDate })}
              />
              <InlineInput
                label={t('retreat.field.end')}
                type="date"
                saved={retreat.endDate}
                parse={dateParser({ required: true })}
                onCommit={(d) => d && save({ endDate: d as IsoDate })}
              />
            </div>
          </section>
          <section className="card" aria-labelledby="budget-h">
            <h2 className="card__title" id="budget-h">
              {t('retreat.budget.title')}
            </h2>
            <BudgetSection retreat={retreat} summary={budget} />
          </section>
        </div>
      </div>
    </div>
  );
}

function Fig({ label, value, tone }: { label: string; value: string; tone?: 'danger' | 'warning' | 'success' }) {
  return (
    <div className="figure">
      <dt className="figure__label">{label}</dt>
      <dd className={`figure__value ${tone ? `text-${tone}` : ''}`}>{value}</dd>
    </div>
  );
}

function Conflicts({
  data,
  conflicts,
  sessions,
  currency,
}: {
  data: ClubData;
  conflicts: readonly RetreatConflict[];
  sessions: ReadonlyArray<{ id: string; title: string }>;
  currency: string;
}) {
  const { t } = useTranslation();
  if (conflicts.length === 0)
    return (
      <p className="checks__ok">
        <CircleCheck size={16} aria-hidden /> {t('retreat.noConflictsLong')}
      </p>
    );
  const title = (sid: string) => sessions.find((s) => s.id === sid)?.title ?? '';
  return (
    <ul className="checks__list" aria-label={t('retreat.conflicts')}>
      {conflicts.map((c, i) => (
        <li key={i} className="check check--warning">
          <span className="check__icon">
            <OctagonAlert size={16} aria-hidden />
          </span>
          <div>
            <p className="check__title">{t(`retreat.conflict.${c.kind}.title`)}</p>
            <p className="check__why">
              {c.kind === 'notMember'
                ? t('retreat.conflict.notMember.why', { name: c.name, account: data.accounts.get(c.accountId)?.name ?? '' })
                : c.kind === 'overlap'
                  ? t('retreat.conflict.overlap.why', { a: title(c.a), b: title(c.b), date: formatDate(c.date) })
                  : c.kind === 'outsideDates'
                    ? t('retreat.conflict.outsideDates.why', { title: title(c.sessionId), date: formatDate(c.date) })
                    : t('retreat.conflict.budgetOver.why', { over: formatMoney(c.over, currency, { exact: true }) })}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
