import { formatNumber, type DisplayLocale } from '@/lib/domain/format';

/** A limit value with only the decimals it has (up to 4): 7,5 · 148,5 · 1.000. */
export function formatLimitValue(value: number | null | undefined, locale: DisplayLocale): string {
  if (value == null || !Number.isFinite(value)) return '—';
  const decimals = Math.min(4, (String(value).split('.')[1] ?? '').length);
  return formatNumber(value, decimals, locale);
}

/** "6 – 9", "≤ 75", "≥ 4" or '—'. */
export function formatBounds(min: number | null | undefined, max: number | null | undefined, locale: DisplayLocale): string {
  const lo = min ?? null;
  const hi = max ?? null;
  if (lo !== null && hi !== null) return `${formatLimitValue(lo, locale)} – ${formatLimitValue(hi, locale)}`;
  if (hi !== null) return `≤ ${formatLimitValue(hi, locale)}`;
  if (lo !== null) return `≥ ${formatLimitValue(lo, locale)}`;
  return '—';
}

/** "Kq 0,9 × Kf 1,1" (only the coefficients that were applied). */
export function formatCoefficients(c: { kq?: number; kf?: number; kp?: number; kv?: number }, locale: DisplayLocale): string {
  const names = { kq: 'Kq', kf: 'Kf', kp: 'Kp', kv: 'Kv' } as const;
  return (Object.keys(names) as (keyof typeof names)[])
    .filter((k) => c[k] !== undefined)
    .map((k) => `${names[k]} ${formatLimitValue(c[k], locale)}`)
    .join(' × ');
}
