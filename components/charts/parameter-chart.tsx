'use client';
import { useRef } from 'react';
import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber, type DisplayLocale } from '@/lib/domain/format';
import { formatDate, formatDateTime, formatTime } from '@/lib/domain/time';
import { chartCsv, chartFileName } from './chart-export';
import styles from './charts.module.css';
import { APPROACHING_BAND_COLOR, LIMIT_LINE_COLOR, MARK_COLORS, PERIOD_COLORS, VALUE_LINE_COLOR } from './colors';

export type ChartPoint = { t: number; v: number | null; lo?: number | null; hi?: number | null };
export type ChartMark = { t: number; v: number; f: number };
/** A shaded period; `parameters` (overlays) limits it to those parameters, empty or absent = all. */
export type ChartPeriodView = { start: number; end: number; kind: 'calibrating' | 'device_error' | 'offline' | 'overlay'; parameters?: string[]; note?: string };
export type ValueBandView = { from: number; to: number };
/** The chart's download buttons: labels and the CSV header in the page's language, the file name's parts. */
export type ChartDownloads = {
  png: string;
  csv: string;
  fileParts: string[];
  csvHeader: { time: string; value: string; flag: string; limitMin: string; limitMax: string };
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const LIMIT_COLOR = LIMIT_LINE_COLOR;
const APPROACHING_COLOR = APPROACHING_BAND_COLOR;
const markColor = (f: number | undefined) => (f === 4 ? MARK_COLORS[4] : MARK_COLORS[3]);

/** Whether a shaded period applies to this parameter's chart. */
export function periodApplies(p: ChartPeriodView, parameter: string | undefined): boolean {
  return !p.parameters || p.parameters.length === 0 || parameter === undefined || p.parameters.includes(parameter);
}

/** Tick positions on whole hours or local midnights depending on the span. */
function ticksFor(from: number, to: number): number[] {
  const span = to - from;
  const step = span <= 2 * DAY_MS ? 3 * HOUR_MS : span <= 8 * DAY_MS ? DAY_MS : span <= 40 * DAY_MS ? 5 * DAY_MS : 30 * DAY_MS;
  const offset = 7 * HOUR_MS;
  const ticks: number[] = [];
  for (let t = Math.ceil((from + offset) / step) * step - offset; t <= to; t += step) ticks.push(t);
  return ticks;
}

/**
 * One parameter over a window: the values (raw or averages), limit line(s) (min and max for a range like pH), the
 * approaching band(s), dots on suspect (yellow) and failed (red) readings, and shaded calibration / error / offline /
 * operator-invalidation periods.
 */
export function ParameterChart({
  title,
  parameter,
  unit,
  decimals,
  points,
  marks = [],
  periods = [],
  from,
  to,
  limitMin,
  limitMax,
  approachingBands = [],
  locale,
  emptyText,
  labels,
  downloads,
}: {
  title: string;
  parameter?: string;
  unit: string;
  decimals: number;
  points: ChartPoint[];
  marks?: ChartMark[];
  periods?: ChartPeriodView[];
  from: number;
  to: number;
  limitMin: number | null;
  limitMax: number | null;
  approachingBands?: ValueBandView[];
  locale: DisplayLocale;
  emptyText: string;
  labels?: { limit: string; limitMin?: string; approaching: string };
  downloads?: ChartDownloads;
}) {
  const box = useRef<HTMLDivElement>(null);
  const unitLabel = unit === '-' ? '' : unit;
  const long = to - from > 2 * DAY_MS;
  const shaded = periods.filter((p) => periodApplies(p, parameter));
  return (
    <figure
      className="chart-card"
      style={{ margin: 0 }}
      data-chart={title}
      data-parameter={parameter}
      data-points={points.length}
      data-marks={marks.length}
      data-periods={shaded.map((p) => p.kind).join(' ')}
      data-limit-min={limitMin ?? undefined}
      data-limit-max={limitMax ?? undefined}
    >
      <figcaption className={styles.caption}>
        <h3>
          {title} {unitLabel && <span className="muted small">({unitLabel})</span>}
        </h3>
        {downloads && points.length > 0 && (
          <span className={styles.downloads}>
            <button
              type="button"
              className="btn"
              data-testid="chart-png"
              onClick={() => {
                const svg = box.current?.querySelector('svg.recharts-surface');
                if (svg instanceof SVGSVGElement) void downloadPng(svg, `${title}${unitLabel ? ` (${unitLabel})` : ''}`, chartFileName(downloads.fileParts, 'png'));
              }}
            >
              {downloads.png}
            </button>
            <button
              type="button"
              className="btn"
              data-testid="chart-csv"
              onClick={() =>
                saveBlob(
                  new Blob([chartCsv({ header: downloads.csvHeader, points, marks, decimals, limitMin, limitMax })], { type: 'text/csv;charset=utf-8' }),
                  chartFileName(downloads.fileParts, 'csv'),
                )
              }
            >
              {downloads.csv}
            </button>
          </span>
        )}
      </figcaption>
      <div className="chart-box" ref={box}>
        {points.length === 0 ? (
          <div className="empty">{emptyText}</div>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={points} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
              <CartesianGrid stroke="#eef1f4" />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={[from, to]}
                ticks={ticksFor(from, to)}
                tickFormatter={(v: number) => (long ? formatDate(v).slice(0, 5) : formatTime(v))}
                tick={{ fontSize: 11 }}
                minTickGap={28}
                allowDataOverflow
              />
              <YAxis
                tickFormatter={(v: number) => formatNumber(v, Math.min(decimals, 2), locale)}
                tick={{ fontSize: 11 }}
                width={56}
                domain={['auto', 'auto']}
              />
              <Tooltip
                labelFormatter={(v) => formatDateTime(Number(v))}
                formatter={(v) => [`${formatNumber(Number(v), decimals, locale)} ${unitLabel}`.trim(), title]}
              />
              {shaded.map((p, i) => (
                <ReferenceArea
                  key={`${p.kind}-${i}`}
                  x1={Math.max(from, p.start)}
                  x2={Math.min(to, p.end)}
                  fill={PERIOD_COLORS[p.kind]}
                  fillOpacity={0.15}
                  strokeOpacity={0}
                  ifOverflow="hidden"
                  className={`chart-period chart-period-${p.kind}`}
                />
              ))}
              {approachingBands.map((b, i) => (
                <ReferenceArea
                  key={`band-${i}`}
                  y1={b.from}
                  y2={b.to}
                  fill={APPROACHING_COLOR}
                  fillOpacity={0.12}
                  strokeOpacity={0}
                  ifOverflow="extendDomain"
                  className="chart-approaching-band"
                />
              ))}
              {limitMax != null && (
                <ReferenceLine
                  y={limitMax}
                  stroke={LIMIT_COLOR}
                  strokeDasharray="4 4"
                  ifOverflow="extendDomain"
                  className="chart-limit-line chart-limit-max"
                  label={labels ? { value: labels.limit, position: 'insideTopRight', fontSize: 10, fill: LIMIT_COLOR } : undefined}
                />
              )}
              {limitMin != null && (
                <ReferenceLine
                  y={limitMin}
                  stroke={LIMIT_COLOR}
                  strokeDasharray="4 4"
                  ifOverflow="extendDomain"
                  className="chart-limit-line chart-limit-min"
                  label={labels ? { value: labels.limitMin ?? labels.limit, position: 'insideBottomRight', fontSize: 10, fill: LIMIT_COLOR } : undefined}
                />
              )}
              <Line type="linear" dataKey="v" stroke={VALUE_LINE_COLOR} strokeWidth={1.4} dot={false} isAnimationActive={false} connectNulls={false} />
              {marks.length > 0 && (
                <Scatter
                  data={marks}
                  dataKey="v"
                  isAnimationActive={false}
                  shape={(props: { cx?: number; cy?: number; payload?: ChartMark }) => (
                    <circle cx={props.cx} cy={props.cy} r={3} fill={markColor(props.payload?.f)} className={`chart-mark chart-mark-${props.payload?.f ?? 3}`} />
                  )}
                />
              )}
            </ComposedChart>
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The chart's SVG drawn at twice its size on a white canvas under its title, saved as a PNG. */
async function downloadPng(svg: SVGSVGElement, title: string, name: string): Promise<void> {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('svg'));
      img.src = url;
    });
    const scale = 2;
    const head = 28;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil((height + head) * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.scale(scale, scale);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height + head);
    ctx.fillStyle = '#1b2430';
    ctx.font = '600 14px system-ui, sans-serif';
    ctx.fillText(title, 8, 19);
    ctx.drawImage(img, 0, head, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob) saveBlob(blob, name);
  } finally {
    URL.revokeObjectURL(url);
  }
}
