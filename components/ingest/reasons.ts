import { INGEST_REASONS, toIngestReason, type IngestReasonCode, type StoredReason } from '@/lib/domain/ingest/reasons';
import { formatDateTime, parseCompactLocalTime } from '@/lib/domain/time';

/**
 * A stored reason in the user's language: its code names the message (ingestReasons.<code>) and its parameters fill
 * it. Rows recorded before codes existed (or with a code this version does not know) have no translation: the page
 * shows their stored text. Pure: no React, no next-intl.
 */
export type TranslatedReason = { key: IngestReasonCode; values: Record<string, string> };

/** `yyyyMMddHHmmss` → `dd/MM/yyyy HH:mm:ss` (already local time). */
function compactToDisplay(t: string): string {
  return formatDateTime(parseCompactLocalTime(t), { seconds: true });
}

export function translateReason(stored: StoredReason | null): TranslatedReason | null {
  const r = stored ? toIngestReason(stored) : null;
  if (!r) return null;
  const types: Readonly<Record<string, string>> = INGEST_REASONS[r.code].params;
  // Values as text, as the stored English shows them (numbers ungrouped: sizes, counts and file ids alike).
  const values = Object.fromEntries(
    Object.entries(r.params).map(([k, v]) => [k, types[k] === 'localTime' ? compactToDisplay(String(v)) : String(v)]),
  );
  return { key: r.code, values };
}
