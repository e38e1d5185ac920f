import { formatIsoLocal } from '@/lib/domain/time';

/**
 * A chart's data as a CSV file: one row per point, time in ISO 8601 with +07:00, the value with a dot decimal and
 * the chart's decimals (machine-readable, like the exports), the QC flag of a marked point, the limits. UTF-8 with a
 * BOM so that spreadsheet programs read the Vietnamese header.
 */
export function chartCsv(opts: {
  header: { time: string; value: string; flag: string; limitMin: string; limitMax: string };
  points: readonly { t: number; v: number | null }[];
  marks?: readonly { t: number; f: number }[];
  decimals: number;
  limitMin: number | null;
  limitMax: number | null;
}): string {
  const flags = new Map((opts.marks ?? []).map((m) => [m.t, m.f]));
  const num = (v: number | null) => (v == null || !Number.isFinite(v) ? '' : v.toFixed(Math.max(0, Math.min(10, opts.decimals))));
  const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const h = opts.header;
  const lines = [[h.time, h.value, h.flag, h.limitMin, h.limitMax].map(cell).join(',')];
  for (const p of opts.points) {
    const f = flags.get(p.t);
    lines.push([formatIsoLocal(new Date(p.t)), num(p.v), f === undefined ? '' : String(f), num(opts.limitMin), num(opts.limitMax)].join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** A file name safe on every system: station and parameter codes, the window's first local day. */
export function chartFileName(parts: readonly (string | undefined)[], ext: 'csv' | 'png'): string {
  const base = parts
    .filter((s): s is string => !!s)
    .map((s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9._-]+/g, '-'))
    .join('_');
  return `${base || 'chart'}.${ext}`;
}
