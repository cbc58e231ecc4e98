import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AffectedCustomer } from '@shared/domain/memoFigures';
import { asMinor, type Minor } from '@shared/domain/money';
import { formatEm, formatMoney, formatNumber } from '../../lib/format';
import type { MemoColumn } from './MemoReportModel';
import { Money } from './PortfolioReportCharts';

/** Options per table: three columns of text beside the row labels still read on A4 and Letter. */
const PER_TABLE = 3;
/** Customers named per option; the rest are counted. */
const CUSTOMERS_SHOWN = 6;

function Sub({ children }: { children: ReactNode }) {
  return <span className="report-sub">{children}</span>;
}

/** Lines of text (risks, what we would do) as written, or a dash when none were written. */
function Text({ text }: { text: string | undefined }) {
  const { t } = useTranslation();
  const s = text?.trim() ?? '';
  return s === '' ? <span className="report-muted">{t('report.memo.noneWritten')}</span> : <span className="report-pre">{s}</span>;
}

function Lines({ lines }: { lines: readonly string[] | undefined }) {
  const { t } = useTranslation();
  if (!lines || lines.length === 0) return <span className="report-muted">{t('report.memo.noneWritten')}</span>;
  return (
    <ul className="report-list">
      {lines.map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ul>
  );
}

function moveText(t: TFunction, c: MemoColumn): string | null {
  const f = c.live;
  if (!c.details || !f) return null;
  if (f.itemMissing) return t('report.memo.move.itemMissing');
  const item = f.item?.title ?? '';
  const from = f.item?.plannedQuarter ?? '';
  return t(`report.memo.move.${f.move}`, { item, from });
}

function customerLine(t: TFunction, a: AffectedCustomer): string {
  const parts = [
    a.bucket === null ? t('report.memo.noBucket') : t('report.memo.bucket', { bucket: a.bucket, name: t(`bucket.${a.bucket}Short`) }),
    ...(a.health === null ? [] : [t('report.memo.health', { health: formatNumber(a.health) })]),
    t(`report.memo.relation.${a.relation}`, { items: a.items.join(', ') }),
  ];
  return parts.join(' · ');
}

function Revenue({ c, currency }: { c: MemoColumn; currency: string }) {
  const { t } = useTranslation();
  const f = c.live;
  return (
    <>
      {c.details && f ? (
        <span className="report-strong">
          <Money value={f.revenueAtStake} currency={currency} />
        </span>
      ) : (
        <>
          {/* The total as recorded: the parts the decision was taken on, added up the same way. */}
          <span className="report-strong">
            <Money value={asMinor(c.gained + c.slipping + (c.quotePrice ?? 0))} currency={currency} />
          </span>
          <Sub>{t('report.memo.atDecision')}</Sub>
        </>
      )}
      <Sub>{t('report.memo.part.gained', { amount: formatMoney(c.gained, currency, { whole: true }) })}</Sub>
      <Sub>{t('report.memo.part.slipping', { amount: formatMoney(c.slipping, currency, { whole: true }) })}</Sub>
      {c.quotePrice !== null ? (
        <Sub>
          {t('report.memo.part.quotePrice', { amount: formatMoney(c.quotePrice, currency, { whole: true }), quote: f?.quote?.name ?? '' })}
        </Sub>
      ) : f?.quote ? (
        <Sub>{t('report.memo.part.quoteNoRate', { quote: f.quote.name })}</Sub>
      ) : null}
      {c.details && f?.quoteMissing ? <Sub>{t('report.memo.quoteMissing')}</Sub> : null}
    </>
  );
}

function Cost({ c, currency }: { c: MemoColumn; currency: string }) {
  const { t } = useTranslation();
  const f = c.live;
  const part = (key: 'quote' | 'exit' | 'other', amount: Minor | null) =>
    amount === null
      ? t(`report.memo.cost.${key}NoRate`)
      : t(`report.memo.cost.${key}`, { amount: formatMoney(amount, currency, { whole: true }) });
  return (
    <>
      <span className="report-strong">
        <Money value={c.cost} currency={currency} />
      </span>
      {c.details && f ? (
        <>
          {f.quote ? <Sub>{part('quote', f.cost.quote)}</Sub> : null}
          {f.exit ? <Sub>{part('exit', f.cost.exit)}</Sub> : null}
          {f.cost.other > 0 ? <Sub>{part('other', f.cost.other)}</Sub> : null}
        </>
      ) : null}
    </>
  );
}

function Customers({ c }: { c: MemoColumn }) {
  const { t } = useTranslation();
  const list = c.details ? c.live?.customers : undefined;
  return (
    <>
      <span className="report-strong">{t('report.memo.customerCount', { count: c.customers, n: formatNumber(c.customers) })}</span>
      {list?.slice(0, CUSTOMERS_SHOWN).map((a) => (
        <span key={a.accountId} className="report-customer">
          {a.name || t('report.memo.goneAccount')}
          <Sub>{customerLine(t, a)}</Sub>
        </span>
      ))}
      {list && list.length > CUSTOMERS_SHOWN ? <Sub>{t('report.memo.moreCustomers', { count: list.length - CUSTOMERS_SHOWN })}</Sub> : null}
    </>
  );
}

function Slips({ c }: { c: MemoColumn }) {
  const { t } = useTranslation();
  const unresolved = c.details ? (c.live?.unresolved ?? []) : [];
  return (
    <>
      {c.slips.length === 0 ? (
        <span>{t('report.memo.nothingSlips')}</span>
      ) : (
        <ul className="report-list">
          {c.slips.map((s, i) => (
            <li key={i}>{t('report.memo.slip', { item: s.title, from: s.from, to: s.to })}</li>
          ))}
        </ul>
      )}
      {unresolved.map((u) => (
        <Sub key={u.quarter}>{t('report.memo.overCapacity', { quarter: u.quarter, em: formatEm(u.overEm) })}</Sub>
      ))}
    </>
  );
}

type Row = readonly [string, (c: MemoColumn) => ReactNode];

/** The options side by side (PRODUCT §5): what each does, takes, moves, puts at stake and costs, and why for and against. */
export function OptionsSection({ columns, currency }: { columns: readonly MemoColumn[]; currency: string }) {
  const { t } = useTranslation();
  const rows: readonly Row[] = [
    [t('report.memo.row.what'), (c) => <Text text={c.option?.what} />],
    [t('report.memo.row.effort'), (c) => t('report.memo.emValue', { em: formatEm(c.effortEm) })],
    [
      t('report.memo.row.lands'),
      (c) => {
        const move = moveText(t, c);
        return (
          <>
            <span className="report-strong">{c.quarter}</span>
            {move ? <Sub>{move}</Sub> : null}
          </>
        );
      },
    ],
    [t('report.memo.row.slips'), (c) => <Slips c={c} />],
    [t('report.memo.row.revenue'), (c) => <Revenue c={c} currency={currency} />],
    [t('report.memo.row.customers'), (c) => <Customers c={c} />],
    [t('report.memo.row.cost'), (c) => <Cost c={c} currency={currency} />],
    [t('report.memo.row.risks'), (c) => <Text text={c.option?.risks} />],
    [t('report.memo.row.good'), (c) => <Lines lines={c.option?.good} />],
    [t('report.memo.row.bad'), (c) => <Lines lines={c.option?.bad} />],
  ];
  // The chosen option stands out once decided; before that, the recommended one.
  const anyChosen = columns.some((c) => c.chosen);
  const best = (c: MemoColumn) => c.chosen || (!anyChosen && c.recommended);
  const tables: MemoColumn[][] = [];
  for (let i = 0; i < columns.length; i += PER_TABLE) tables.push(columns.slice(i, i + PER_TABLE));
  return (
    <section className="report-section">
      <h2 className="report-h2">{t('report.memo.options')}</h2>
      {tables.map((group, g) => (
        <table key={g} className={`report-table report-table--fixed report-memo-options report-memo-options--${group.length}`}>
          <thead>
            <tr>
              <td />
              {group.map((c) => (
                <th key={c.id} scope="col" className={best(c) ? 'report-best' : undefined}>
                  {c.name}
                  {c.chosen || c.recommended ? (
                    <span className="report-best__tag">
                      {[...(c.chosen ? [t('report.memo.chosen')] : []), ...(c.recommended ? [t('report.memo.recommended')] : [])].join(
                        ' · ',
                      )}
                    </span>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, cell]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {group.map((c) => (
                  <td key={c.id} className={best(c) ? 'report-best' : undefined}>
                    {cell(c)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
