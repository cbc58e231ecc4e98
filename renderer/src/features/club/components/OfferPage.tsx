import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Copy, Plus, Printer, Trash2, Trophy } from 'lucide-react';
import { pdfName, printDocument } from '../../../platform/print';
import {
  compareOffer,
  followAskedDiscount,
  MAX_TERM_YEARS,
  nextOption,
  OFFER_STATUSES,
  recommend,
  seatCostPerYear,
  type OfferFields,
  type OfferOption,
  type OfferStatus,
} from '@shared/domain/club';
import type { Minor } from '@shared/domain/money';
import { useRoute } from '../../../stores/route';
import { MenuButton } from '../../../ui/MenuButton';
import { Link } from '../../../ui/Link';
import { Button, EmptyState, IconButton } from '../../../ui/Button';
import { InlineInput } from '../../../ui/fields';
import { bpInputValue, formatBp, formatMoney, moneyInputValue } from '../../../lib/format';
import { moneyParser, numberParser, percentParser, textParser } from '../../../lib/parsers';
import { recommendationText } from '../offerText';
import { useClubData } from '../hooks/useClubData';
import { useClubActions } from '../hooks/useClubActions';
import { OfferStatusBadge } from './OffersTable';

const ROWS = ['tcv', 'discountGiven', 'clubCost', 'net', 'concession', 'vsFirst'] as const;

/** The negotiation trade side by side: price held with a club seat, or a discount, or both in part. */
export function OfferPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const data = useClubData();
  const actions = useClubActions();
  const navigate = useRoute((s) => s.navigate);
  const offer = data?.offers.find((o) => o.id === id);
  const cmp = useMemo(() => (offer ? { c: compareOffer(offer), r: recommend(offer) } : null), [offer]);
  if (!data) return <div className="page page--loading" aria-busy="true" />;
  if (!offer || !cmp)
    return (
      <div className="page page--center">
        <EmptyState
          level={1}
          title={t('offer.missingTitle')}
          body={t('offer.missingBody')}
          action={<Button onClick={() => navigate({ name: 'club', view: 'offers' })}>{t('offer.back')}</Button>}
        />
      </div>
    );
  const account = data.accounts.get(offer.accountId);
  const cur = offer.currency;
  const money = (m: Minor) => formatMoney(m, cur, { exact: true });
  const save = (patch: Partial<OfferFields>) => void actions.updateOffer(id, patch);
  const setOption = (i: number, patch: Partial<OfferOption>) =>
    save({ options: offer.options.map((o, j) => (j === i ? { ...o, ...patch } : o)) });
  const { c, r } = cmp;
  const seatCost = data.program.currency === cur ? seatCostPerYear(data.program) : null;

  return (
    <div className="page page--account offer-page">
      <header className="account-head">
        <div className="account-head__top">
          <div className="account-head__title">
            <p className="eyebrow">
              {t('offer.eyebrow')} <Link to={{ name: 'account', id: offer.accountId, tab: 'offers' }}>{account?.name}</Link>
            </p>
            <h1 className="sr-only">{offer.name}</h1>
            <InlineInput
              className="title-field"
              label={t('offer.field.name')}
              hideLabel
              saved={offer.name}
              parse={textParser({ required: true, max: 120 })}
              onCommit={(name: string) => save({ name })}
            />
            <div className="account-head__meta">
              <OfferStatusBadge status={offer.status} />
            </div>
          </div>
          <div className="page-head__actions">
            <label className="sr-only" htmlFor="offer-status">
              {t('offer.field.status')}
            </label>
            <select
              id="offer-status"
              className="input select"
              value={offer.status}
              onChange={(e) => save({ status: e.target.value as OfferStatus })}
            >
              {OFFER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`offer.setStatus.${s}`)}
                </option>
              ))}
            </select>
            <MenuButton
              label={t('offer.print')}
              icon={<Printer size={15} aria-hidden />}
              items={[
                {
                  key: 'internal',
                  label: t('offer.printInternal'),
                  onSelect: () => void printDocument('offer', id, pdfName(`${account?.name ?? ''} — ${offer.name} — internal`)),
                },
                {
                  key: 'customer',
                  label: t('offer.printCustomer'),
                  onSelect: () => void printDocument('offer', `${id}~customer`, pdfName(`${account?.name ?? ''} — ${offer.name}`)),
                },
              ]}
            />
            <Button
              icon={<Copy size={15} aria-hidden />}
              onClick={async () => {
                const out = await actions.duplicateOffer(id, t('offer.copyName', { name: offer.name }));
                if (out) navigate({ name: 'offer', id: out.offer.id });
              }}
            >
              {t('offer.duplicate')}
            </Button>
            <Button
              variant="ghost"
              icon={<Trash2 size={15} aria-hidden />}
              onClick={() => {
                void actions.deleteOffer(id, offer.name);
                navigate({ name: 'account', id: offer.accountId, tab: 'offers' });
              }}
            >
              {t('offer.delete')}
            </Button>
          </div>
        </div>
      </header>
      <div className="offer-layout">
        <section className="card" aria-labelledby="offer-terms-h">
          <h2 className="card__title" id="offer-terms-h">
            {t('offer.terms')}
          </h2>
          <div className="form-grid">
            <InlineInput
              label={t('offer.field.listPrice')}
              saved={moneyInputValue(offer.listPrice, cur)}
              parse={moneyParser(cur)}
              onCommit={(listPrice) => save({ listPrice })}
              inputMode="decimal"
              align="end"
              suffix={cur}
            />
            <InlineInput
              label={t('offer.field.term')}
              saved={String(offer.termYears)}
              parse={numberParser({ min: 1, max: MAX_TERM_YEARS, integer: true })}
              onCommit={(termYears: number) => save({ termYears })}
              inputMode="numeric"
              align="end"
              suffix={t('offer.years')}
            />
            <InlineInput
              label={t('offer.field.asked')}
              saved={bpInputValue(offer.askedDiscountBp)}
              parse={percentParser({ min: 0, max: 100 })}
              onCommit={(askedDiscountBp) =>
                save({ askedDiscountBp, options: followAskedDiscount(offer.options, offer.askedDiscountBp, askedDiscountBp) })
              }
              inputMode="decimal"
              align="end"
              suffix="%"
              hint={t('offer.askedFollows')}
            />
            <InlineInput
              label={t('offer.field.clubCost')}
              saved={moneyInputValue(offer.clubCostPerYear, cur)}
              parse={moneyParser(cur)}
              onCommit={(clubCostPerYear) => save({ clubCostPerYear })}
              inputMode="decimal"
              align="end"
              suffix={cur}
              hint={
                seatCost !== null
                  ? t('offer.seatCostHint', { cost: formatMoney(seatCost, cur) })
                  : t('offer.seatCostOtherCurrency', { currency: data.program.currency })
              }
            />
          </div>
        </section>
        <section className="card offer-compare" aria-labelledby="offer-cmp-h">
          <h2 className="card__title" id="offer-cmp-h">
            {t('offer.comparison', { years: offer.termYears })}
          </h2>
          <div className="table-card">
            <table className="data-table offer-table" aria-label={t('offer.comparisonLabel')}>
              <thead>
                <tr>
                  <td />
                  {c.results.map((res, i) => (
                    <th key={i} scope="col" className={`num ${i === c.best ? 'offer-best' : ''}`}>
                      <InlineInput
                        hideLabel
                        label={t('offer.optionName', { n: i + 1 })}
                        saved={res.option.label}
                        parse={textParser({ required: true, max: 60 })}
                        onCommit={(label: string) => setOption(i, { label })}
                        className="offer-opt__name"
                      />
                      <div className="offer-opt__controls">
                        <InlineInput
                          hideLabel
                          label={t('offer.optionDiscount', { name: res.option.label })}
                          saved={bpInputValue(res.option.discountBp)}
                          parse={percentParser({ min: 0, max: 100 })}
                          onCommit={(discountBp) => setOption(i, { discountBp })}
                          inputMode="decimal"
                          align="end"
                          suffix="%"
                          className="offer-opt__discount"
                        />
                        <label className="check-row offer-opt__seat">
                          <input
                            type="checkbox"
                            checked={res.option.seat}
                            onChange={(e) => setOption(i, { seat: e.target.checked })}
                            aria-label={t('offer.optionSeat', { name: res.option.label })}
                          />
                          <span>{t('offer.seat')}</span>
                        </label>
                        {offer.options.length > 2 ? (
                          <IconButton
                            label={t('offer.removeOption', { name: res.option.label })}
                            icon={<Trash2 size={13} aria-hidden />}
                            onClick={() => save({ options: offer.options.filter((_, j) => j !== i) })}
                          />
                        ) : null}
                      </div>
                      {i === c.best ? (
                        <span className="offer-best__tag">
                          <Trophy size={12} aria-hidden /> {t('offer.bestTag')}
                        </span>
                      ) : null}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ROWS.map((row) => (
                  <tr key={row} className={row === 'net' ? 'calc__line--total' : undefined}>
                    <th scope="row">
                      {t(`offer.row.${row}`)}
                      <span className="calc__formula">{t(`offer.rowHint.${row}`, { years: offer.termYears })}</span>
                    </th>
                    {c.results.map((res, i) => (
                      <td
                        key={i}
                        className={`num ${i === c.best ? 'offer-best' : ''} ${row === 'vsFirst' && res.vsFirst < 0 ? 'text-danger' : ''}`}
                      >
                        {row === 'vsFirst' && i === 0 ? '—' : money(res[row])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {offer.options.length < 8 ? (
            <div>
              <Button
                size="sm"
                icon={<Plus size={14} aria-hidden />}
                onClick={() =>
                  save({
                    options: [...offer.options, nextOption(offer.askedDiscountBp, t('offer.option.n', { n: offer.options.length + 1 }))],
                  })
                }
              >
                {t('offer.addOption')}
              </Button>
            </div>
          ) : null}
          <dl className="offer-breakeven">
            <dt>{t('offer.breakEven')}</dt>
            <dd>
              <strong>{c.breakEven ? formatBp(c.breakEven.bp) : '—'}</strong>{' '}
              {c.breakEven ? (
                <span className="muted">
                  {t('offer.breakEvenHint', { cost: formatMoney(offer.clubCostPerYear, cur), list: formatMoney(offer.listPrice, cur) })}
                </span>
              ) : null}
            </dd>
          </dl>
          <p className="offer-rec" role="status">
            <Trophy size={16} aria-hidden /> <span>{recommendationText(offer, r)}</span>
          </p>
        </section>
      </div>
    </div>
  );
}
