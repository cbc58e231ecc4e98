import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  LabelList,
  ReferenceArea,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { currencyDigits, toMajor, type Minor } from '@shared/domain/money';
import { namedOutliers, type Matrix, type MatrixPoint } from '@shared/domain/portfolio';
import { formatMoney } from '../../../../lib/format';
import type { ChartSize } from './WhaleChart';

interface Datum {
  readonly x: number;
  readonly y: number;
  readonly point: MatrixPoint;
  /** The name shown beside an outlier; '' for the others. */
  readonly tag: string;
}

function Tip({ active, payload, currency }: TooltipContentProps & { currency: string }) {
  const { t } = useTranslation();
  const d = payload?.[0]?.payload as Datum | undefined;
  if (!active || !d) return null;
  const p = d.point;
  return (
    <div className="chart-tip" role="status">
      <strong>{p.name}</strong>
      <span>{t(`portfolio.matrix.quadrant.${p.quadrant}`)}</span>
      <span>{t('portfolio.matrix.tipRevenue', { value: formatMoney(p.revenue, currency) })}</span>
      <span>{t('portfolio.matrix.tipCost', { value: formatMoney(p.cost, currency) })}</span>
      <span className={p.profit < 0 ? 'text-danger' : undefined}>
        {t('portfolio.matrix.tipProfit', { value: formatMoney(p.profit, currency) })}
      </span>
    </div>
  );
}

/**
 * Net revenue (ARR) against cost to serve, split at the medians into the four quadrants of the
 * classic customer-profitability matrix, with the outliers named. Recharts SVG; on paper a fixed
 * size without animation or tooltip.
 */
export function MatrixChart({ matrix, currency, size, label }: { matrix: Matrix; currency: string; size: ChartSize; label: string }) {
  const { t } = useTranslation();
  const named = new Set(namedOutliers(matrix).map((p) => p.id));
  const data: Datum[] = matrix.points.map((p) => ({
    // A log axis has no zero: less than one unit sits on the first decade.
    x: Math.max(toMajor(p.cost, currency), 1),
    y: Math.max(toMajor(p.revenue, currency), 1),
    point: p,
    tag: named.has(p.id) ? p.name : '',
  }));
  const losing = data.filter((d) => d.point.profit < 0);
  const fine = data.filter((d) => d.point.profit >= 0);
  const xLine = Math.max(toMajor(matrix.costLine, currency), 1);
  const yLine = Math.max(toMajor(matrix.revenueLine, currency), 1);
  // Cost and revenue span orders of magnitude (a rabbit next to an elephant): both axes are
  // logarithmic, on whole decades, so every account stays apart and the break-even line is straight.
  const decade = (v: number, up: boolean) => 10 ** (up ? Math.ceil(Math.log10(v)) : Math.floor(Math.log10(v)));
  const xs = data.map((d) => d.x);
  const ys = data.map((d) => d.y);
  const xMin = decade(Math.min(xLine, ...xs), false);
  const xMax = decade(Math.max(xLine, ...xs) * 1.2, true);
  const yMin = decade(Math.min(yLine, ...ys), false);
  const yMax = decade(Math.max(yLine, ...ys) * 1.2, true);
  const ticks = (lo: number, hi: number) => {
    const out: number[] = [];
    for (let v = lo; v <= hi; v *= 10) out.push(v, ...(v * 3 < hi ? [v * 3] : []));
    return out;
  };
  const money = (v: number) => formatMoney(Math.round(v * 10 ** currencyDigits(currency)) as Minor, currency, { compact: true });
  const print = size.print === true;
  const common = print
    ? { width: size.width ?? 640, accessibilityLayer: false }
    : { responsive: true, style: { width: '100%' }, accessibilityLayer: true };
  const corner = (value: string, position: 'insideTopLeft' | 'insideTopRight' | 'insideBottomLeft' | 'insideBottomRight') => ({
    value,
    position,
    fill: 'var(--text-3)',
    fontSize: 11,
    fontWeight: 600,
  });
  return (
    <figure className="matrix-chart" aria-label={label}>
      <ScatterChart {...common} height={size.height} margin={{ top: 16, right: 24, bottom: 24, left: 16 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" />
        <ReferenceArea
          x1={xMin}
          x2={xLine}
          y1={yLine}
          y2={yMax}
          fill="var(--success)"
          fillOpacity={0.05}
          stroke="none"
          label={corner(t('portfolio.matrix.quadrant.passive'), 'insideTopLeft')}
        />
        <ReferenceArea
          x1={xLine}
          x2={xMax}
          y1={yLine}
          y2={yMax}
          fill="var(--info)"
          fillOpacity={0.04}
          stroke="none"
          label={corner(t('portfolio.matrix.quadrant.carriage'), 'insideTopRight')}
        />
        <ReferenceArea
          x1={xMin}
          x2={xLine}
          y1={yMin}
          y2={yLine}
          fill="var(--text-3)"
          fillOpacity={0.03}
          stroke="none"
          label={corner(t('portfolio.matrix.quadrant.bargain'), 'insideBottomLeft')}
        />
        <ReferenceArea
          x1={xLine}
          x2={xMax}
          y1={yMin}
          y2={yLine}
          fill="var(--danger)"
          fillOpacity={0.05}
          stroke="none"
          label={corner(t('portfolio.matrix.quadrant.aggressive'), 'insideBottomRight')}
        />
        <XAxis
          type="number"
          dataKey="x"
          scale="log"
          domain={[xMin, xMax]}
          ticks={ticks(xMin, xMax)}
          allowDataOverflow
          tickFormatter={money}
          stroke="var(--text-3)"
          tick={{ fill: 'var(--text-2)', fontSize: 11 }}
          label={{ value: t('portfolio.matrix.xAxis'), position: 'insideBottom', offset: -14, fill: 'var(--text-3)', fontSize: 11 }}
        />
        <YAxis
          type="number"
          dataKey="y"
          scale="log"
          domain={[yMin, yMax]}
          ticks={ticks(yMin, yMax)}
          allowDataOverflow
          tickFormatter={money}
          stroke="var(--text-3)"
          tick={{ fill: 'var(--text-2)', fontSize: 11 }}
          width={56}
          label={{ value: t('portfolio.matrix.yAxis'), angle: -90, position: 'insideLeft', offset: 0, fill: 'var(--text-3)', fontSize: 11 }}
        />
        <ReferenceLine x={xLine} stroke="var(--border-strong)" strokeDasharray="4 4" />
        <ReferenceLine y={yLine} stroke="var(--border-strong)" strokeDasharray="4 4" />
        {/* Break-even: revenue = cost to serve. Below this line an account loses money. */}
        <ReferenceLine
          segment={[
            { x: Math.max(xMin, yMin), y: Math.max(xMin, yMin) },
            { x: Math.min(xMax, yMax), y: Math.min(xMax, yMax) },
          ]}
          stroke="var(--danger)"
          strokeOpacity={0.5}
          strokeDasharray="2 3"
        />
        {!print ? <Tooltip content={(p: TooltipContentProps) => <Tip {...p} currency={currency} />} cursor={false} /> : null}
        <Scatter name={t('portfolio.matrix.profitable')} data={fine} fill="var(--accent)" isAnimationActive={!print}>
          <LabelList dataKey="tag" position="right" fill="var(--text)" fontSize={11} offset={8} />
        </Scatter>
        <Scatter name={t('portfolio.matrix.losing')} data={losing} fill="var(--danger)" shape="diamond" isAnimationActive={!print}>
          <LabelList dataKey="tag" position="right" fill="var(--danger)" fontSize={11} />
        </Scatter>
      </ScatterChart>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
