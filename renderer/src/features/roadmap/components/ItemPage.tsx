import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Receipt, Scale, Trash2 } from 'lucide-react';
import { ITEM_STATUSES, MAX_EFFORT_EM, type ItemStatus } from '@shared/domain/roadmap';
import { demandByItem } from '@shared/domain/roadmapView';
import { asMinor } from '@shared/domain/money';
import { useRoute } from '../../../stores/route';
import { Button, EmptyState } from '../../../ui/Button';
import { InlineInput, InlineTextarea, SelectField } from '../../../ui/fields';
import { engineerMonthsParser, quarterParser, textParser } from '../../../lib/parsers';
import { formatEm, formatMoney, formatNumber } from '../../../lib/format';
import { useRoadmapData } from '../hooks/useRoadmapData';
import { useRoadmapActions } from '../hooks/useRoadmapActions';
import { StatusBadge, StrategyBadge } from './badges';
import { NewQuoteDialog } from './NewQuoteDialog';
import { QuotesTable } from './QuotesTable';
import { RequestsSection } from './RequestsSection';
import { IntegrityNotice } from '../../sync';
import { MemoLinks, useMemoActions } from '../../memos';
import { Guard } from '../../../ui/Guard';

/** One roadmap item: its facts, who asks for it and how much that weighs, and its quotes. */
export function ItemPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const data = useRoadmapData();
  const actions = useRoadmapActions();
  const navigate = useRoute((s) => s.navigate);
  const [newQuote, setNewQuote] = useState(false);
  const memoActions = useMemoActions();
  // One memo per click: a second click while the first intent runs would draft a twin.
  const [drafting, setDrafting] = useState(false);
  const demand = useMemo(() => (data ? demandByItem(data).get(id) : undefined), [data, id]);

  if (!data) return <div className="page page--loading" aria-busy="true" />;
  const item = data.items.find((i) => i.id === id);
  if (!item)
    return (
      <div className="page page--center">
        <EmptyState
          level={1}
          title={t('roadmap.item.missingTitle')}
          body={t('roadmap.item.missingBody')}
          action={<Button onClick={() => navigate({ name: 'roadmap', view: 'items' })}>{t('roadmap.backToRoadmap')}</Button>}
        />
      </div>
    );
  const quotes = data.quotes.filter((q) => q.itemId === id);
  const requests = data.requests.filter((r) => r.itemId === id);
  const draftMemo = async () => {
    setDrafting(true);
    try {
      await memoActions.draftFromItem(data, id);
    } finally {
      setDrafting(false);
    }
  };

  return (
    <div className="page page--account">
      <header className="account-head">
        <div className="account-head__top">
          <div className="account-head__title">
            <h1 className="sr-only">{item.title}</h1>
            <InlineInput
              className="title-field"
              label={t('roadmap.field.title')}
              hideLabel
              saved={item.title}
              parse={textParser({ required: true, max: 200 })}
              onCommit={(title: string) => actions.updateItem(id, { title })}
            />
            <div className="account-head__meta">
              <StatusBadge status={item.status} />
              <StrategyBadge onStrategy={item.onStrategy} />
              {item.theme ? <span className="meta-item">{item.theme}</span> : null}
              {item.acceleratedFrom ? (
                <span className="meta-item">{t('roadmap.acceleratedFromHint', { from: item.acceleratedFrom })}</span>
              ) : null}
            </div>
          </div>
          <div className="page-head__actions">
            <Button icon={<Receipt size={15} aria-hidden />} onClick={() => setNewQuote(true)}>
              {t('quote.new')}
            </Button>
            <Button icon={<Scale size={15} aria-hidden />} disabled={drafting} onClick={() => void draftMemo()}>
              {t('memo.links.draftItem')}
            </Button>
            <Button
              variant="ghost"
              icon={<Trash2 size={15} aria-hidden />}
              onClick={() => {
                void actions.deleteItem(id, item.title);
                navigate({ name: 'roadmap', view: 'items' });
              }}
            >
              {t('roadmap.item.delete')}
            </Button>
          </div>
        </div>
        <dl className="figures">
          <div className="figure">
            <dt className="figure__label">{t('roadmap.fig.demand')}</dt>
            <dd className="figure__value">{formatMoney(demand?.total ?? asMinor(0), data.settings.currency)}</dd>
          </div>
          <div className="figure">
            <dt className="figure__label">{t('roadmap.fig.requesters')}</dt>
            <dd className="figure__value">{formatNumber(demand?.requesters.length ?? 0)}</dd>
          </div>
          <div className="figure">
            <dt className="figure__label">{t('roadmap.fig.quarter')}</dt>
            <dd className="figure__value mono">{item.plannedQuarter}</dd>
          </div>
          <div className="figure">
            <dt className="figure__label">{t('roadmap.fig.effort')}</dt>
            <dd className="figure__value">{t('roadmap.emValue', { value: formatEm(item.effortEm) })}</dd>
          </div>
        </dl>
      </header>
      <Guard area="page" size="inline">
        <IntegrityNotice itemId={id} />
      </Guard>
      <div className="item-layout">
        <div className="item-layout__main">
          <section className="card" aria-labelledby="requests-h">
            <h2 className="card__title" id="requests-h">
              {t('roadmap.requests.title')}
            </h2>
            <RequestsSection data={data} itemId={id} requests={requests} demand={demand} />
          </section>
          <section className="card" aria-labelledby="item-quotes-h">
            <div className="card__head">
              <h2 className="card__title" id="item-quotes-h">
                {t('quote.forItem')}
              </h2>
              <Button size="sm" onClick={() => setNewQuote(true)}>
                {t('quote.new')}
              </Button>
            </div>
            {quotes.length === 0 ? <p className="muted">{t('quote.noneForItem')}</p> : <QuotesTable data={data} quotes={quotes} hideItem />}
          </section>
          <MemoLinks source={{ itemId: id, roadmap: data }} />
        </div>
        <section className="card item-layout__side" aria-labelledby="item-details-h">
          <h2 className="card__title" id="item-details-h">
            {t('roadmap.item.details')}
          </h2>
          <InlineInput
            label={t('roadmap.field.theme')}
            saved={item.theme}
            parse={textParser({ max: 80 })}
            onCommit={(theme: string) => actions.updateItem(id, { theme })}
          />
          <div className="form-grid">
            <InlineInput
              label={t('roadmap.field.quarter')}
              saved={item.plannedQuarter}
              parse={quarterParser}
              onCommit={(plannedQuarter) => actions.updateItem(id, { plannedQuarter })}
              hint={t('roadmap.field.quarterHint')}
            />
            <InlineInput
              label={t('roadmap.field.effort')}
              saved={String(item.effortEm)}
              parse={engineerMonthsParser({ min: 0.1, max: MAX_EFFORT_EM })}
              onCommit={(effortEm: number) => actions.updateItem(id, { effortEm })}
              inputMode="decimal"
              align="end"
              suffix={t('roadmap.em')}
            />
          </div>
          <SelectField<ItemStatus>
            label={t('roadmap.field.status')}
            value={item.status}
            options={ITEM_STATUSES.map((s) => ({ value: s, label: t(`roadmap.status.${s}`) }))}
            onChange={(status) => actions.updateItem(id, { status })}
          />
          <label className="check-row">
            <input type="checkbox" checked={item.onStrategy} onChange={(e) => actions.updateItem(id, { onStrategy: e.target.checked })} />
            <span>
              <strong>{t('roadmap.field.onStrategy')}</strong>
              <span className="muted"> — {t('roadmap.onStrategyHint')}</span>
            </span>
          </label>
          <InlineTextarea
            label={t('roadmap.field.notes')}
            saved={item.notes}
            onCommit={(notes) => actions.updateItem(id, { notes })}
            maxLength={20_000}
            tooLong={t('validation.tooLong', { max: 20_000 })}
            rows={4}
          />
        </section>
      </div>
      {newQuote ? <NewQuoteDialog data={data} itemId={id} open onOpenChange={setNewQuote} /> : null}
    </div>
  );
}
