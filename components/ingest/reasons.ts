import { INGEST_REASONS, toIngestReason, type IngestReasonCode, type StoredReason } from '@/lib/domain/ingest/reasons';
import { FILE_NAME_PATTERN } from '@/lib/domain/file-name';
import { findAnyParameter } from '@/lib/domain/parameters';
import { formatDateTime, parseCompactLocalTime } from '@/lib/domain/time';

/** The file name pattern as a Vietnamese reader knows it (the stored English reason keeps the English one). */
const FILE_NAME_PATTERN_VI = '<TỈNH>_<CƠ SỞ>_<TRẠM>_<yyyyMMddHHmmss>.txt';

/** A parameter code as "Amoni (NH4)" in the reader's language; unknown codes as they are. */
function parameterWithCode(code: string, locale: 'vi' | 'en'): string {
  const p = findAnyParameter(code);
  if (!p) return code;
  const name = locale === 'vi' ? p.nameVi : p.nameEn;
  return name === code ? code : `${name} (${code})`;
}

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

export function translateReason(stored: StoredReason | null, locale: 'vi' | 'en' = 'vi'): TranslatedReason | null {
  const r = stored ? toIngestReason(stored) : null;
  if (!r) return null;
  const types: Readonly<Record<string, string>> = INGEST_REASONS[r.code].params;
  // Values as text, as the stored English shows them (numbers ungrouped: sizes, counts and file ids alike).
  const values = Object.fromEntries(
    Object.entries(r.params).map(([k, v]) => [
      k,
      types[k] === 'localTime'
        ? compactToDisplay(String(v))
        : k === 'pattern' && v === FILE_NAME_PATTERN && locale === 'vi'
          ? FILE_NAME_PATTERN_VI
          : k === 'parameter'
            ? parameterWithCode(String(v), locale)
            : String(v),
    ]),
  );
  return { key: r.code, values };
}
