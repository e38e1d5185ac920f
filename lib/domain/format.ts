/**
 * Number display (pure): a decimal comma in Vietnamese and a decimal point in English. Times and dates are formatted
 * by lib/domain/time.
 */
export type DisplayLocale = 'vi' | 'en';

/**
 * A number rounded to `decimals` places: "1.234,56" in Vietnamese, "1,234.56" in English; '—' for null/NaN/±∞.
 * Negative zero after rounding prints as "0".
 */
export function formatNumber(value: number | null | undefined, decimals = 0, locale: DisplayLocale = 'vi'): string {
  if (value == null || !Number.isFinite(value)) return '—';
  const places = Math.max(0, Math.min(10, Math.trunc(decimals)));
  const fixed = Math.abs(value).toFixed(places);
  const [intPart = '0', fracPart] = fixed.split('.');
  const isZero = /^[0.]+$/.test(fixed);
  const sign = value < 0 && !isZero ? '-' : '';
  const group = locale === 'vi' ? '.' : ',';
  const point = locale === 'vi' ? ',' : '.';
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return fracPart ? `${sign}${grouped}${point}${fracPart}` : `${sign}${grouped}`;
}

/** A ratio 0…1 as a percentage with one decimal: "87,5 %" / "87.5 %". */
export function formatPercent(ratio: number | null | undefined, locale: DisplayLocale = 'vi'): string {
  if (ratio == null || !Number.isFinite(ratio)) return '—';
  return `${formatNumber(ratio * 100, 1, locale)} %`;
}
