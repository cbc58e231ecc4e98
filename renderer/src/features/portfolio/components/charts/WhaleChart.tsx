import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceDot,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { currencyDigits, toMajor, type Minor } from '@shared/domain/money';
import { whaleBars, whaleChartPoints, type WhaleCurve } from '@shared/domain/whale';
import { formatMoney, formatNumber, formatPercent } from '../../../../lib/format';

/** Fixed size on paper (no animation, no tooltip); on screen the width follows the page. */
export interface ChartSize {
  readonly print?: boolean;
  /** On paper: the width in CSS pixels. */
  readonly width?: number;
  readonly height: number;
}

interface CurveDatum {
  readonly x: number;
  readonly y: number | null;
  readonly name: string | null;
  readonly rank: number;
  readonly profit: Minor;
}

interface BarDatum {
  readonly key: string;
  readonly value: number;
  readonly profit: Minor;
  readonly label: string;
}

const pct = (n: number) => `${formatNumber(n, 0)} %`;

function CurveTip({ active, payload, currency, count }: TooltipContentProps & { currency: string; count: number }) {
  const { t } = useTranslation();
  const d = payload?.[0]?.payload as CurveDatum | undefined;
  if (!active || !d || d.name === null) return null;
  return (
    <div className="chart-tip" role="status">
      <strong>{d.name}</strong>
      <span>{t('portfolio.whale.tipRank', { rank: d.rank, count })}</span>
      <span>{t('portfolio.whale.tipProfit', { profit: formatMoney(d.profit, currency) })}</span>
      {d.y !== null ? <span>{t('portfolio.whale.tipCumulative', { share: formatPercent(d.y / 100, 0) })}</span> : null}
    </div>
  );
}

function BarTip({ active, payload, currency }: TooltipContentProps & { currency: string }) {
  const d = payload?.[0]?.payload as BarDatum | undefined;
  if (!active || !d) return null;
  return (
    <div className="chart-tip" role="status">
      <strong>{d.label}</strong>
      <span className={d.profit < 0 ? 'text-danger' : undefined}>{formatMoney(d.profit, currency)}</span>
    </div>
  );
}

/**
 * The whale curve (cumulative % of profit against cumulative % of accounts) with the 100 % line,
 * the peak marked and the tail that destroys profit shaded; beneath it, profit per account as bars
 * (runs of neighbouring accounts past 120). Drawn by Recharts as SVG; keyboard: arrow keys move
 * along the points once the chart has focus (Recharts' accessibility layer).
 */
export function WhaleChart({ curve, currency, size, label }: { curve: WhaleCurve; currency: string; size: ChartSize; label: string }) {
  const { t } = useTranslation();
  const points: CurveDatum[] = whaleChartPoints(curve).map((p) => ({
    x: p.x,
    y: p.y,
    name: p.point?.name ?? null,
    rank: p.point?.rank ?? 0,
    profit: p.point?.profit ?? (0 as Minor),
  }));
  const bars: BarDatum[] = whaleBars(curve).map((b) => ({
    key: `${b.from}-${b.to}`,
    value: toMajor(b.profit, currency),
    profit: b.profit,
    label:
      b.from === b.to
        ? `${b.from}. ${b.names[0]}`
        : t('portfolio.whale.barRun', { from: b.from, to: b.to, first: b.names[0], last: b.names[1] }),
  }));
  const peak = curve.peak;
  const shares = curve.total > 0 && peak?.profitShare != null;
  const yMax = shares ? Math.max(100, Math.ceil(((peak.profitShare ?? 1) * 100) / 20) * 20) : 100;
  const print = size.print === true;
  const common = print
    ? { width: size.width ?? 640, accessibilityLayer: false }
    : { responsive: true, style: { width: '100%' }, accessibilityLayer: true };
  // A short draw-in on screen (Recharts' default 1.5 s keeps layout and paint busy); none on paper.
  const anim = { isAnimationActive: !print, animationDuration: 400 };
  const barHeight = Math.round(size.height * 0.42);
  return (
    <figure className="whale-chart" aria-label={label}>
      <LineChart {...common} height={size.height} data={points} margin={{ top: 16, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" vertical={false} />
        <XAxis
          type="number"
          dataKey="x"
          domain={[0, 100]}
          ticks={[0, 20, 40, 60, 80, 100]}
          tickFormatter={pct}
          stroke="var(--text-3)"
          tick={{ fill: 'var(--text-2)', fontSize: 11 }}
          label={{ value: t('portfolio.whale.xAxis'), position: 'insideBottomRight', offset: -4, fill: 'var(--text-3)', fontSize: 11 }}
        />
        <YAxis
          type="number"
          domain={shares ? [Math.min(0, Math.floor(Math.min(...points.map((p) => p.y ?? 0)) / 20) * 20), yMax] : [0, 100]}
          tickFormatter={pct}
          stroke="var(--text-3)"
          tick={{ fill: 'var(--text-2)', fontSize: 11 }}
          width={48}
        />
        {shares && peak ? (
          <ReferenceArea x1={peak.accountShare * 100} x2={100} fill="var(--danger)" fillOpacity={0.07} stroke="none" ifOverflow="hidden" />
        ) : null}
        <ReferenceLine
          y={100}
          stroke="var(--text-3)"
          strokeDasharray="4 4"
          label={{ value: t('portfolio.whale.hundred'), position: 'insideTopLeft', fill: 'var(--text-2)', fontSize: 11 }}
        />
        {!print ? (
          <Tooltip
            content={(p: TooltipContentProps) => <CurveTip {...p} currency={currency} count={curve.count} />}
            cursor={{ stroke: 'var(--border-strong)' }}
          />
        ) : null}
        <Line
          type="linear"
          dataKey="y"
          stroke="var(--accent)"
          strokeWidth={2}
          dot={curve.count <= 60 ? { r: 2.5, fill: 'var(--accent)', stroke: 'none' } : false}
          activeDot={{ r: 5 }}
          connectNulls
          {...anim}
        />
        {shares && peak ? (
          <ReferenceDot
            x={peak.accountShare * 100}
            y={(peak.profitShare ?? 0) * 100}
            r={5}
            fill="var(--surface)"
            stroke="var(--accent)"
            strokeWidth={2}
            label={{
              value: t('portfolio.whale.peakLabel', { share: formatPercent(peak.profitShare ?? 0, 0) }),
              position: 'top',
              fill: 'var(--text)',
              fontSize: 12,
              fontWeight: 600,
            }}
          />
        ) : null}
      </LineChart>
      <BarChart {...common} height={barHeight} data={bars} margin={{ top: 4, right: 24, bottom: 4, left: 8 }} barCategoryGap={1}>
        <XAxis dataKey="key" hide />
        <YAxis
          type="number"
          tickFormatter={(v: number) => formatMoney(Math.round(v * 10 ** currencyDigits(currency)) as Minor, currency, { compact: true })}
          stroke="var(--text-3)"
          tick={{ fill: 'var(--text-2)', fontSize: 10 }}
          width={48}
          tickCount={4}
        />
        <ReferenceLine y={0} stroke="var(--border-strong)" />
        {!print ? (
          <Tooltip content={(p: TooltipContentProps) => <BarTip {...p} currency={currency} />} cursor={{ fill: 'var(--surface-hover)' }} />
        ) : null}
        <Bar dataKey="value" {...anim}>
          {bars.map((b) => (
            <Cell key={b.key} fill={b.profit < 0 ? 'var(--danger)' : 'var(--accent)'} fillOpacity={b.profit < 0 ? 0.85 : 0.55} />
          ))}
        </Bar>
      </BarChart>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
