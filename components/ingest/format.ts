import { formatNumber, type DisplayLocale } from '@/lib/domain/format';

/** A stored value with as many decimals as it carries (at most 6), decimal comma in Vietnamese. */
export function formatValue(v: number, locale: DisplayLocale): string {
  const text = String(v);
  const decimals = text.includes('.') && !text.includes('e') ? Math.min(6, text.split('.')[1]!.length) : 0;
  return formatNumber(v, decimals, locale);
}

/** The ledger URL for a set of filters (empty values dropped). */
export function ledgerHref(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v != null) q.set(k, String(v));
  const s = q.toString();
  return s ? `/ingest?${s}` : '/ingest';
}

export const KNOWN_SOURCES = ['ftp', 'api', 'import', 'watch', 'seed'] as const;
export type KnownSource = (typeof KNOWN_SOURCES)[number];
export const isKnownSource = (s: string): s is KnownSource => (KNOWN_SOURCES as readonly string[]).includes(s);
