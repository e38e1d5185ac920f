/**
 * The pipeline stores reasons in English (they are part of the hash-chained ledger); the page shows them in the user's
 * language by matching the known patterns. Unknown text is shown as stored. Pure: no React, no next-intl.
 */
export type ReasonKey =
  | 'unknownStation'
  | 'fileTooLarge'
  | 'nameMismatch'
  | 'invalidName'
  | 'notOwned'
  | 'conflict'
  | 'notNumber'
  | 'badTime'
  | 'unknownParameter'
  | 'unknownUnit'
  | 'unitMismatch'
  | 'badStatus'
  | 'wrongFields'
  | 'clockAhead'
  | 'linesRejected'
  | 'allDuplicate'
  | 'sameContent'
  | 'allConflict'
  | 'noValidLines'
  | 'noDataLines'
  | 'emptyFile'
  | 'notText'
  | 'internalError';

export type TranslatedReason = { key: ReasonKey; values: Record<string, string> };

/** `yyyyMMddHHmmss` → `dd/MM/yyyy HH:mm:ss` (the reason already holds local time). */
function compactToDisplay(t: string): string {
  return `${t.slice(6, 8)}/${t.slice(4, 6)}/${t.slice(0, 4)} ${t.slice(8, 10)}:${t.slice(10, 12)}:${t.slice(12, 14)}`;
}

type Rule = { re: RegExp; key: ReasonKey; values?: (m: RegExpExecArray) => Record<string, string> };

const RULES: readonly Rule[] = [
  { re: /^unknown station '(.*)'$/s, key: 'unknownStation', values: (m) => ({ code: m[1] ?? '' }) },
  { re: /^file larger than (\d+) bytes/, key: 'fileTooLarge', values: (m) => ({ bytes: m[1] ?? '' }) },
  { re: /^name does not match the pattern (\S+)/, key: 'nameMismatch', values: (m) => ({ pattern: (m[1] ?? '').replace(/:$/, '') }) },
  { re: /^(?:invalid file name\b|empty file name$)/, key: 'invalidName' },
  { re: /^station not owned by the uploading account/, key: 'notOwned' },
  {
    re: /^conflict: a different value is already stored for (\S+) at (\d{14})/,
    key: 'conflict',
    values: (m) => ({ parameter: m[1] ?? '', time: compactToDisplay(m[2] ?? '') }),
  },
  { re: /^not a number: '(.*)'$/s, key: 'notNumber', values: (m) => ({ value: m[1] ?? '' }) },
  { re: /^bad time: '(.*)'/s, key: 'badTime', values: (m) => ({ value: m[1] ?? '' }) },
  { re: /^unknown parameter '(.*)' for this station$/s, key: 'unknownParameter', values: (m) => ({ symbol: m[1] ?? '' }) },
  { re: /^unknown unit '(.*)' for (\S+)$/s, key: 'unknownUnit', values: (m) => ({ unit: m[1] ?? '', parameter: m[2] ?? '' }) },
  {
    re: /^unit '(.*)' does not fit (\S+) \(expected (.*)\)$/s,
    key: 'unitMismatch',
    values: (m) => ({ unit: m[1] ?? '', parameter: m[2] ?? '', expected: m[3] ?? '' }),
  },
  { re: /^bad device status: '(.*)'/s, key: 'badStatus', values: (m) => ({ value: m[1] ?? '' }) },
  { re: /^wrong number of fields\b.*found (\d+)$/s, key: 'wrongFields', values: (m) => ({ count: m[1] ?? '' }) },
  { re: /^clock_ahead$/, key: 'clockAhead' },
  { re: /^(\d+) of (\d+) lines rejected$/, key: 'linesRejected', values: (m) => ({ rejected: m[1] ?? '', total: m[2] ?? '' }) },
  { re: /^every reading was already stored with the same value/, key: 'allDuplicate' },
  { re: /^same content as file #(\d+)/, key: 'sameContent', values: (m) => ({ id: m[1] ?? '' }) },
  { re: /^every value conflicts with a value already stored/, key: 'allConflict' },
  { re: /^no valid data lines$/, key: 'noValidLines' },
  { re: /^no data lines$/, key: 'noDataLines' },
  { re: /^empty file$/, key: 'emptyFile' },
  { re: /^not a text file/, key: 'notText' },
  { re: /^internal error while storing/, key: 'internalError' },
];

/** The translation key and values of a stored reason; null when the text matches no known pattern. */
export function translateReason(reason: string): TranslatedReason | null {
  for (const rule of RULES) {
    const m = rule.re.exec(reason);
    if (m) return { key: rule.key, values: rule.values ? rule.values(m) : {} };
  }
  return null;
}

export const REASON_KEYS: readonly ReasonKey[] = [
  'unknownStation', 'fileTooLarge', 'nameMismatch', 'invalidName', 'notOwned', 'conflict', 'notNumber', 'badTime',
  'unknownParameter', 'unknownUnit', 'unitMismatch', 'badStatus', 'wrongFields', 'clockAhead', 'linesRejected',
  'allDuplicate', 'sameContent', 'allConflict', 'noValidLines', 'noDataLines', 'emptyFile', 'notText', 'internalError',
];
