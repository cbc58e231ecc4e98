import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tabs } from 'radix-ui';
import { Map as MapIcon, Plus, Receipt } from 'lucide-react';
import { demandByItem } from '@shared/domain/roadmapView';
import { asMinor } from '@shared/domain/money';
import { useRoute, type RoadmapView } from '../../../stores/route';
import { Button, EmptyState } from '../../../ui/Button';
import { formatMoney } from '../../../lib/format';
import { useRoadmapData } from '../hooks/useRoadmapData';
import { ItemsTable } from './ItemsTable';
import { NewItemDialog } from './NewItemDialog';
import { NewQuoteDialog } from './NewQuoteDialog';
import { QuotesTable } from './QuotesTable';
import { TimelineView } from './TimelineView';

/** The roadmap: items by demand, the quarter timeline, and every acceleration quote. */
export function RoadmapPage({ view }: { view: RoadmapView }) {
  const { t } = useTranslation();
  const data = useRoadmapData();
  const navigate = useRoute((s) => s.navigate);
  const [newItem, setNewItem] = useState(false);
  const [newQuote, setNewQuote] = useState(false);
  const demand = useMemo(() => (data ? demandByItem(data) : null), [data]);

  if (!data || !demand) return <div className="page page--loading" aria-busy="true" />;
  const totalDemand = [...demand.values()].reduce((s, d) => s + d.total, 0);
  const dialogs = (
    <>
      <NewItemDialog open={newItem} onOpenChange={setNewItem} />
      {newQuote ? <NewQuoteDialog data={data} open onOpenChange={setNewQuote} /> : null}
    </>
  );
  if (data.items.length === 0) {
    return (
      <div className="page page--center">
        <EmptyState
          icon={<MapIcon size={28} aria-hidden />}
          level={1}
          title={t('roadmap.empty.title')}
          body={t('roadmap.empty.body')}
          action={
            <Button variant="primary" icon={<Plus size={15} aria-hidden />} onClick={() => setNewItem(true)}>
              {t('roadmap.newItem')}
            </Button>
          }
        />
        {dialogs}
      </div>
    );
  }
  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1 className="page-title">{t('roadmap.title')}</h1>
          <p className="page-sub">
            {t('roadmap.summary', {
              items: t('roadmap.itemCount', { count: data.items.length }),
              quotes: t('roadmap.quoteCount', { count: data.quotes.length }),
              demand: formatMoney(asMinor(totalDemand), data.settings.currency),
            })}
          </p>
        </div>
        <div className="page-head__actions">
          <Button icon={<Receipt size={15} aria-hidden />} onClick={() => setNewQuote(true)}>
            {t('quote.new')}
          </Button>
          <Button variant="primary" icon={<Plus size={15} aria-hidden />} onClick={() => setNewItem(true)}>
            {t('roadmap.newItem')}
          </Button>
        </div>
      </header>
      <Tabs.Root value={view} onValueChange={(v) => navigate({ name: 'roadmap', view: v as RoadmapView })} className="tabs">
        <Tabs.List className="tabs__list" aria-label={t('roadmap.viewsLabel')}>
          <Tabs.Trigger value="items" className="tabs__trigger">
            {t('roadmap.view.items')}
            <span className="tabs__count">{data.items.length}</span>
          </Tabs.Trigger>
          <Tabs.Trigger value="timeline" className="tabs__trigger">
            {t('roadmap.view.timeline')}
          </Tabs.Trigger>
          <Tabs.Trigger value="quotes" className="tabs__trigger">
            {t('roadmap.view.quotes')}
            {data.quotes.length > 0 ? <span className="tabs__count">{data.quotes.length}</span> : null}
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="items" className="tabs__content">
          {view === 'items' ? <ItemsTable data={data} demand={demand} /> : null}
        </Tabs.Content>
        <Tabs.Content value="timeline" className="tabs__content">
          {view === 'timeline' ? <TimelineView data={data} demand={demand} /> : null}
        </Tabs.Content>
        <Tabs.Content value="quotes" className="tabs__content">
          {view === 'quotes' ? (
            data.quotes.length === 0 ? (
              <EmptyState
                title={t('quote.emptyAll.title')}
                body={t('quote.emptyAll.body')}
                action={<Button onClick={() => setNewQuote(true)}>{t('quote.new')}</Button>}
              />
            ) : (
              <QuotesTable data={data} quotes={data.quotes} />
            )
          ) : null}
        </Tabs.Content>
      </Tabs.Root>
      {dialogs}
    </div>
  );
}
