import type { ReactElement } from 'react';
import { ReferenceLine } from 'recharts';
import { formatNumber, type DisplayLocale } from '@/lib/domain/format';

// Shared pieces of the Recharts line charts of one parameter (alert evidence, monthly daily means).
// Plain functions, not components: they return the same props / elements the charts wrote inline.

export const CHART_LIMIT_COLOR = '#EA3223';
export const CHART_LINE_COLOR = '#0b6e4f';
export const CHART_GRID_COLOR = '#eef1f4';

/** Props of the value (Y) axis: ticks at up to 2 decimals, automatic domain. */
export function valueYAxisProps(decimals: number, locale: DisplayLocale, fontSize: number, width: number) {
  return {
    tickFormatter: (v: number) => formatNumber(v, Math.min(decimals, 2), locale),
    tick: { fontSize },
    width,
    domain: ['auto', 'auto'] as ['auto', 'auto'],
  };
}

/** Tooltip formatter: "<value> <unit>" under the series name. */
export function valueTooltipFormatter(format: (v: number) => string, unit: string, name: string) {
  return (v: unknown): [string, string] => [`${format(Number(v))} ${unit}`.trim(), name];
}

/** The dashed max / min limit lines, each labelled "<label> <value>"; none for a null limit. */
export function limitLines({
  max,
  min,
  label,
  format,
  className,
  fontSize,
}: {
  max: number | null;
  min: number | null;
  label: string;
  format: (v: number) => string;
  className: string;
  fontSize: number;
}): ReactElement[] {
  const line = (key: string, y: number, position: 'insideTopRight' | 'insideBottomRight') => (
    <ReferenceLine
      key={key}
      y={y}
      stroke={CHART_LIMIT_COLOR}
      strokeDasharray="6 4"
      strokeWidth={1.5}
      ifOverflow="extendDomain"
      className={className}
      label={{ value: `${label} ${format(y)}`, position, fill: CHART_LIMIT_COLOR, fontSize }}
    />
  );
  const out: ReactElement[] = [];
  if (max != null) out.push(line('limit-max', max, 'insideTopRight'));
  if (min != null) out.push(line('limit-min', min, 'insideBottomRight'));
  return out;
}
