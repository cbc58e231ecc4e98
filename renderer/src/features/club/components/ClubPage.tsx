import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tabs } from 'radix-ui';
import { Plus } from 'lucide-react';
import { seatsUsed } from '@shared/domain/club';
import { useRoute, type ClubView } from '../../../stores/route';
import { Button, EmptyState } from '../../../ui/Button';
import { useClubData } from '../hooks/useClubData';
import { NewRetreatDialog } from './NewRetreatDialog';
import { OffersTable } from './OffersTable';
import { ProgramSection } from './ProgramSection';
import { RetreatsTable } from './RetreatsTable';
import { Roster } from './Roster';

/** The platinum club: who is in it against the seat cap, its retreats, the offers that trade a seat for a discount. */
export function ClubPage({ view }: { view: ClubView }) {
  const { t } = useTranslation();
  const data = useClubData();
  const navigate = useRoute((s) => s.navigate);
  const [newRetreat, setNewRetreat] = useState(false);
  if (!data) return <div className="page page--loading" aria-busy="true" />;
  const used = seatsUsed(data.members);
  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1 className="page-title">{data.program.name}</h1>
          <p className="page-sub">
            {t('club.summary', {
              seats: t('club.seatsTaken', { used, cap: data.program.seatCap }),
              members: t('club.memberCount', { count: data.members.filter((m) => m.status === 'member').length }),
              retreats: t('club.retreatCount', { count: data.retreats.length }),
            })}
          </p>
        </div>
        <div className="page-head__actions">
          <div
            className={`seat-meter ${used >= data.program.seatCap ? 'seat-meter--full' : ''}`}
            role="img"
            aria-label={t('club.seatsLabel', { used, cap: data.program.seatCap })}
          >
            {Array.from({ length: Math.min(data.program.seatCap, 40) }, (_, i) => (
              <span key={i} className={`seat ${i < used ? 'seat--taken' : ''}`} />
            ))}
          </div>
          <Button variant="primary" icon={<Plus size={15} aria-hidden />} onClick={() => setNewRetreat(true)}>
            {t('retreat.new')}
          </Button>
        </div>
      </header>
      <Tabs.Root value={view} onValueChange={(v) => navigate({ name: 'club', view: v as ClubView })} className="tabs">
        <Tabs.List className="tabs__list" aria-label={t('club.viewsLabel')}>
          <Tabs.Trigger value="roster" className="tabs__trigger">
            {t('club.view.roster')}
            <span className="tabs__count">{data.members.length}</span>
          </Tabs.Trigger>
          <Tabs.Trigger value="retreats" className="tabs__trigger">
            {t('club.view.retreats')}
            {data.retreats.length > 0 ? <span className="tabs__count">{data.retreats.length}</span> : null}
          </Tabs.Trigger>
          <Tabs.Trigger value="offers" className="tabs__trigger">
            {t('club.view.offers')}
            {data.offers.length > 0 ? <span className="tabs__count">{data.offers.length}</span> : null}
          </Tabs.Trigger>
          <Tabs.Trigger value="program" className="tabs__trigger">
            {t('club.view.program')}
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="roster" className="tabs__content">
          {view === 'roster' ? <Roster data={data} /> : null}
        </Tabs.Content>
        <Tabs.Content value="retreats" className="tabs__content">
          {view === 'retreats' ? (
            data.retreats.length === 0 ? (
              <EmptyState
                title={t('retreat.empty.title')}
                body={t('retreat.empty.body')}
                action={<Button onClick={() => setNewRetreat(true)}>{t('retreat.new')}</Button>}
              />
            ) : (
              <RetreatsTable data={data} />
            )
          ) : null}
        </Tabs.Content>
        <Tabs.Content value="offers" className="tabs__content">
          {view === 'offers' ? (
            data.offers.length === 0 ? (
              <EmptyState title={t('offer.emptyAll.title')} body={t('offer.emptyAll.body')} />
            ) : (
              <OffersTable data={data} offers={data.offers} />
            )
          ) : null}
        </Tabs.Content>
        <Tabs.Content value="program" className="tabs__content">
          {view === 'program' ? <ProgramSection program={data.program} /> : null}
        </Tabs.Content>
      </Tabs.Root>
      {newRetreat ? <NewRetreatDialog data={data} open onOpenChange={setNewRetreat} /> : null}
    </div>
  );
}
