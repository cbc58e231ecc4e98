import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Columns3, Copy, Printer, Trash2 } from 'lucide-react';
import { QUOTE_STATUSES, type QuoteFields, type QuoteStatus } from '@shared/domain/acceleration';
import { demandByItem, evaluateInRoadmap, slipsFor } from '@shared/domain/roadmapView';
import { useRoute } from '../../../stores/route';
import { Button, EmptyState } from '../../../ui/Button';
import { InlineInput } from '../../../ui/fields';
import { textParser } from '../../../lib/parsers';
import { formatEm, formatMoney, formatPercent } from '../../../lib/format';
import { useRoadmapData } from '../hooks/useRoadmapData';
import { useRoadmapActions } from '../hooks/useRoadmapActions';
import { QuoteStatusBadge, StrategyBadge } from './badges';
import { CalcSheet, FunderSplit } from './CalcSheet';
import { GuardrailList } from './GuardrailList';
import { QuoteInputs } from './QuoteInputs';
import { ShiftView } from './ShiftView';
import { MenuButton } from '../../../ui/MenuButton';
import { pdfName, printDocument } from '../../../platform/print';
import { Link } from '../../../ui/Link';

/** An acceleration quote: its terms on the left, the price a VP can follow line by line on the right. */
export function QuotePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const data = useRoadmapData();
  const actions = useRoadmapActions();
  const navigate = useRoute((s) => s.navigate);
  const quote = data?.quotes.find((q) => q.id === id);
  const derived = useMemo(() => {
    if (!data || !quote) return null;
    const demand = demandByItem(data);
    return { ev: evaluateInRoadmap(data, quote), slips: slipsFor(data, quote, demand) };
  }, [data, quote]);

  if (!data) return <div className="page page--loading" aria-busy="true" />;
  if (!quote || !derived)
    return (
      <div className="page page--center">
        <EmptyState
          level={1}
          title={t('quote.missingTitle')}
          body={t('quote.missingBody')}
          action={<Button onClick={() => navigate({ name: 'roadmap', view: 'quotes' })}>{t('roadmap.backToRoadmap')}</Button>}
        />
      </div>
    );
  const item = data.items.find((i) => i.id === quote.itemId);
  const itemTitle = item?.title ?? t('quote.missingItem');
  const { ev, slips } = derived;
  const save = (patch: Partial<QuoteFields>) => void actions.updateQuote(id, patch);
  const variants = data.quotes.filter((q) => q.itemId === quote.itemId);
  const marginRatio = ev.price.price > 0 ? ev.price.margin / ev.price.price : null;

  return (
    <div className="page page--account quote-page">
      <header className="account-head">
        <div className="account-head__top">
          <div className="account-head__title">
            <p className="eyebrow">
              {t('quote.eyebrow')} {item ? <Link to={{ name: 'item', id: item.id }}>{item.title}</Link> : t('quote.missingItem')}
            </p>
            <h1 className="sr-only">{quote.name}</h1>
            <InlineInput
              className="title-field"
              label={t('quote.field.name')}
              hideLabel
              saved={quote.name}
              parse={textParser({ required: true, max: 120 })}
              onCommit={(name: string) => save({ name })}
            />
            <div className="account-head__meta">
              <QuoteStatusBadge status={quote.status} />
              {item ? <StrategyBadge onStrategy={item.onStrategy} /> : null}
              <span className="meta-item mono">
                {quote.fromQuarter} → {quote.targetQuarter}
              </span>
            </div>
          </div>
          <div className="page-head__actions">
            <label className="sr-only" htmlFor="quote-status">
              {t('quote.field.status')}
            </label>
            <select
              id="quote-status"
              className="input select"
              value={quote.status}
              onChange={(e) => void actions.setQuoteStatus(id, e.target.value as QuoteStatus)}
            >
              {QUOTE_STATUSES.map((s) => (
                <option key={s} value={s} disabled={s !== 'draft' && s !== 'declined' && ev.blocked}>
                  {t(`quote.setStatus.${s}`)}
                </option>
              ))}
            </select>
            <Button
              icon={<Copy size={15} aria-hidden />}
              onClick={async () => {
                const out = await actions.duplicateQuote(id, t('quote.copyName', { name: quote.name }));
                if (out) navigate({ name: 'quote', id: out.quote.id });
              }}
            >
              {t('quote.duplicate')}
            </Button>
            <MenuButton
              label={t('quote.print')}
              icon={<Printer size={15} aria-hidden />}
              items={[
                {
                  key: 'all',
                  label: t('quote.printAll'),
                  onSelect: () => void printDocument('quote', id, pdfName(`${itemTitle} — ${quote.name}`)),
                },
                ...quote.funders.map((f) => {
                  const name = data.accounts.get(f.accountId)?.name ?? t('quote.deletedAccount');
                  return {
                    key: f.accountId,
                    label: t('quote.printFor', { name }),
                    onSelect: () => void printDocument('quote', `${id}~${f.accountId}`, pdfName(`${itemTitle} — ${name}`)),
                  };
                }),
              ]}
            />
            {variants.length > 1 ? (
              <Button
                icon={<Columns3 size={15} aria-hidden />}
                onClick={() => navigate({ name: 'compare', ids: variants.slice(0, 4).map((v) => v.id) })}
              >
                {t('quote.compare', { count: variants.length })}
              </Button>
            ) : null}
            <Button
              variant="ghost"
              icon={<Trash2 size={15} aria-hidden />}
              onClick={() => {
                void actions.deleteQuote(id, quote.name);
                navigate(item ? { name: 'item', id: item.id } : { name: 'roadmap', view: 'quotes' });
              }}
            >
              {t('quote.delete')}
            </Button>
          </div>
        </div>
        <dl className="figures">
          <div className="figure">
            <dt className="figure__label">{t('quote.fig.price')}</dt>
            <dd className="figure__value">{formatMoney(ev.price.price, quote.currency, { exact: true })}</dd>
          </div>
          <div className="figure">
            <dt className="figure__label">{t('quote.fig.cost')}</dt>
            <dd className="figure__value">{formatMoney(ev.price.cost, quote.currency, { exact: true })}</dd>
          </div>
          <div className="figure">
            <dt className="figure__label">{t('quote.fig.margin')}</dt>
            <dd className={`figure__value ${ev.price.margin < 0 ? 'text-danger' : ''}`}>
              {formatMoney(ev.price.margin, quote.currency, { exact: true })}
              {marginRatio !== null ? <span className="figure__sub"> {formatPercent(marginRatio, 1)}</span> : null}
            </dd>
          </div>
          <div className="figure">
            <dt className="figure__label">{t('quote.fig.funders')}</dt>
            <dd className="figure__value">{quote.funders.length}</dd>
          </div>
          <div className="figure">
            <dt className="figure__label">{t('quote.fig.warnings')}</dt>
            <dd className={`figure__value ${ev.blocked ? 'text-danger' : ev.guardrails.length > 0 ? 'text-warning' : 'text-success'}`}>
              {ev.guardrails.length}
            </dd>
          </div>
        </dl>
      </header>
      {item && quote.status !== 'accepted' && (item.plannedQuarter !== quote.fromQuarter || item.effortEm !== quote.effortEm) ? (
        <p className="notice notice--warning stale" role="status">
          <span>
            {t('quote.stale', {
              quarter: item.plannedQuarter,
              effort: formatEm(item.effortEm),
              from: quote.fromQuarter,
              quoteEffort: formatEm(quote.effortEm),
            })}
          </span>
          <Button size="sm" onClick={() => save({ fromQuarter: item.plannedQuarter, effortEm: item.effortEm })}>
            {t('quote.refresh')}
          </Button>
        </p>
      ) : null}
      <div className="quote-layout">
        <section className="card" aria-labelledby="quote-terms-h">
          <h2 className="card__title" id="quote-terms-h">
            {t('quote.terms')}
          </h2>
          <QuoteInputs data={data} quote={quote} save={save} itemEffort={item?.effortEm} />
        </section>
        <div className="quote-layout__result">
          <section className="card" aria-labelledby="quote-calc-h">
            <h2 className="card__title" id="quote-calc-h">
              {t('quote.calculation')}
            </h2>
            <CalcSheet quote={quote} ev={ev} />
          </section>
          <section className="card" aria-labelledby="quote-split-h">
            <h2 className="card__title" id="quote-split-h">
              {t('quote.perFunder')}
            </h2>
            <FunderSplit data={data} quote={quote} ev={ev} />
          </section>
          <section className="card" aria-labelledby="quote-guard-h">
            <h2 className="card__title" id="quote-guard-h">
              {t('quote.guardrails')}
            </h2>
            <GuardrailList guardrails={ev.guardrails} currency={quote.currency} />
          </section>
          <section className="card" aria-labelledby="quote-shift-h">
            <h2 className="card__title" id="quote-shift-h">
              {t('quote.shift.title')}
            </h2>
            <ShiftView data={data} quote={quote} ev={ev} slips={slips} />
          </section>
        </div>
      </div>
    </div>
  );
}
