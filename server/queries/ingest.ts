import 'server-only';
import type { ConflictEntry, LedgerEntry, ReasonEntry } from '@/lib/dto/ingest';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { findConflictForReview, listOpenConflictsForReview, countOpenReadingConflicts, type ConflictReviewRow } from '@/lib/db/conflicts';
import {
  countIngestFilesPerDay,
  findIngestFileInScope,
  searchIngestFiles,
  type IngestFileRow,
  type IngestLedgerQuery,
  type IngestOutcome,
  type RejectedLine,
} from '@/lib/db/ingest-files';
import { decodeFileText } from '@/lib/domain/parse-file';
import { DAY_MS, formatDate, formatDayKey, localDayBounds, localDayKey, parseLocalDate, startOfLocalDay } from '@/lib/domain/time';
import { INGEST_SOURCES, readRawFile, type IngestSource } from '@/lib/services/ingest';
import { currentUser, requireUser, type SessionUser } from '@/server/auth/session';
import { scopeFor, listVisibleStations } from '@/lib/services/stations';

export { INGEST_SOURCES };

const PAGE_SIZE = 50;
const DEFAULT_CHART_DAYS = 14;
const MAX_CHART_DAYS = 92;
/** Lines rendered on the file page; rejected lines beyond it are still shown (with gaps). */
export const MAX_SHOWN_LINES = 2000;
const HEX_PREVIEW_BYTES = 4096;

// ── Filters (URL query) ──

/** What the filter form shows and the URL holds (strings as typed, normalised). */
export type LedgerFilters = {
  station: string;
  outcome: IngestOutcome | '';
  source: IngestSource | '';
  from: string;
  to: string;
  q: string;
  cursor: number | null;
};

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

const cursorSchema = z.coerce.number().int().positive();

/** Reads the filters from the URL; a malformed field is dropped and named in `invalid` (never an error page). */
export function parseLedgerSearchParams(sp: SearchParams): { filters: LedgerFilters; invalid: string[] } {
  const invalid: string[] = [];
  const outcomeRaw = first(sp.outcome);
  const outcome = z.enum(['accepted', 'partial', 'rejected', 'duplicate']).safeParse(outcomeRaw);
  if (outcomeRaw && !outcome.success) invalid.push('outcome');
  const sourceRaw = first(sp.source);
  const source = z.enum(INGEST_SOURCES).safeParse(sourceRaw);
  if (sourceRaw && !source.success) invalid.push('source');
  const date = (key: 'from' | 'to'): string => {
    const raw = first(sp[key]);
    if (!raw) return '';
    const d = parseLocalDate(raw);
    if (!d) {
      invalid.push(key);
      return '';
    }
    return formatDate(d);
  };
  const from = date('from');
  const to = date('to');
  const cursorRaw = first(sp.cursor);
  const cursor = cursorSchema.safeParse(cursorRaw);
  if (cursorRaw && !cursor.success) invalid.push('cursor');
  return {
    filters: {
      station: first(sp.station).slice(0, 100),
      outcome: outcome.success ? outcome.data : '',
      source: source.success ? source.data : '',
      from,
      to,
      q: first(sp.q).slice(0, 200),
      cursor: cursor.success ? cursor.data : null,
    },
    invalid,
  };
}

/** Chart window (local days yyyy-MM-dd): the filter's days, or the last 14 days; at most 92 days (the newest ones). */
export function chartWindow(filters: Pick<LedgerFilters, 'from' | 'to'>, now: Date): { first: string; last: string; days: string[] } {
  const toDay = parseLocalDate(filters.to) ?? startOfLocalDay(now);
  const fromDay = parseLocalDate(filters.from) ?? startOfLocalDay(toDay, -(DEFAULT_CHART_DAYS - 1));
  const end = toDay.getTime();
  let start = Math.min(fromDay.getTime(), end);
  if ((end - start) / DAY_MS + 1 > MAX_CHART_DAYS) start = end - (MAX_CHART_DAYS - 1) * DAY_MS;
  const days: string[] = [];
  for (let t = start; t <= end; t += DAY_MS) days.push(localDayKey(new Date(t)));
  return { first: days[0]!, last: days.at(-1)!, days };
}

// ── Page data ──

export type { LedgerEntry };

export type { ConflictEntry };

export type OutcomeCounts = Record<IngestOutcome, number>;
export type ChartDay = { day: string; label: string } & OutcomeCounts;

export type IngestPageData = {
  filters: LedgerFilters;
  invalid: string[];
  stations: { code: string; name: string }[];
  rows: LedgerEntry[];
  nextCursor: number | null;
  chart: { from: string; to: string; days: ChartDay[]; totals: OutcomeCounts; total: number };
  conflicts: { rows: ConflictEntry[]; total: number };
  canResolve: boolean;
};

const CONFLICT_PANEL_ROWS = 20;

const emptyCounts = (): OutcomeCounts => ({ accepted: 0, partial: 0, rejected: 0, duplicate: 0 });

/** The file's reasons with their codes (rows recorded before codes existed: text only). */
function reasonEntries(r: IngestFileRow): ReasonEntry[] {
  const codes = r.reasonCodes?.length === r.reasons.length ? r.reasonCodes : null;
  return r.reasons.map((text, i) => ({ text, code: codes?.[i] ?? null }));
}

const lineReason = (l: RejectedLine): ReasonEntry => ({ text: l.reason, code: l.code === undefined ? null : { code: l.code, params: l.params ?? {} } });

function toEntry(r: IngestFileRow, names: Map<number, string>): LedgerEntry {
  return {
    id: r.id,
    name: r.name,
    stationCode: r.stationCode,
    stationName: r.stationId != null ? (names.get(r.stationId) ?? null) : null,
    receivedAt: r.receivedAt.toISOString(),
    source: r.source,
    account: r.account,
    remoteAddress: r.remoteAddress,
    outcome: r.outcome,
    reasons: reasonEntries(r),
    readingCount: r.readingCount,
    rejectedLineCount: r.rejectedLines.length,
  };
}

function toConflictEntry(c: ConflictReviewRow): ConflictEntry {
  return {
    id: c.id,
    stationCode: c.stationCode,
    stationName: c.stationName,
    parameter: c.parameter,
    time: c.time.toISOString(),
    storedValue: c.storedValue,
    newValue: c.newValue,
    fileId: c.fileId,
    fileName: c.fileName,
    receivedAt: (c.fileReceivedAt ?? c.createdAt).toISOString(),
  };
}

export const CONFLICT_RESOLVER_ROLES = ['operator', 'admin'] as const;

/** Everything the /ingest page shows, for the filters in the URL; facility users see their facility's files only. */
export async function getIngestPage(sp: SearchParams, now: Date = new Date()): Promise<IngestPageData> {
  const user = await requireUser();
  const { filters, invalid } = parseLedgerSearchParams(sp);
  const window = chartWindow(filters, now);
  const chartFrom = formatDayKey(window.first);
  const chartTo = formatDayKey(window.last);
  const canResolve = (CONFLICT_RESOLVER_ROLES as readonly string[]).includes(user.role);
  const scope = scopeFor(user);
  const stationRows = scope ? await listVisibleStations(scopeFor(user)) : [];
  const stations = stationRows.map((s) => ({ code: s.code, name: s.name })).sort((a, b) => a.code.localeCompare(b.code));
  const emptyChart = { from: chartFrom, to: chartTo, days: [], totals: emptyCounts(), total: 0 };
  if (!scope) {
    return { filters, invalid, stations, rows: [], nextCursor: null, chart: emptyChart, conflicts: { rows: [], total: 0 }, canResolve };
  }

  const names = new Map(stationRows.map((s) => [s.id, s.name]));
  // A station outside the user's scope (or unknown) matches nothing rather than being ignored.
  const station = filters.station ? stationRows.find((s) => s.code.toLowerCase() === filters.station.toLowerCase()) : undefined;
  const base: IngestLedgerQuery = {
    facilityId: scope.facilityId,
    ...(filters.station ? { stationId: station?.id ?? -1 } : {}),
    ...(filters.source ? { source: filters.source } : {}),
    ...(filters.q ? { nameContains: filters.q } : {}),
  };
  const fromDay = parseLocalDate(filters.from);
  const toDay = parseLocalDate(filters.to);
  const ledgerQuery: IngestLedgerQuery = {
    ...base,
    ...(filters.outcome ? { outcome: filters.outcome } : {}),
    ...(fromDay ? { from: fromDay } : {}),
    ...(toDay ? { to: startOfLocalDay(toDay, 1) } : {}),
  };

  const [fileRows, perDay, conflictRows, conflictTotal] = await Promise.all([
    searchIngestFiles({ ...ledgerQuery, limit: PAGE_SIZE + 1, ...(filters.cursor ? { cursor: filters.cursor } : {}) }),
    countIngestFilesPerDay({
      ...base,
      from: localDayBounds(window.first).start,
      to: localDayBounds(window.last).end,
    }),
    listOpenConflictsForReview({ facilityId: scope.facilityId, limit: CONFLICT_PANEL_ROWS }),
    countOpenReadingConflicts(scope.facilityId),
  ]);

  const page = fileRows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  const byDay = new Map<string, OutcomeCounts>();
  const totals = emptyCounts();
  for (const r of perDay) {
    const c = byDay.get(r.day) ?? emptyCounts();
    c[r.outcome] += r.count;
    totals[r.outcome] += r.count;
    byDay.set(r.day, c);
  }
  const days: ChartDay[] = window.days.map((day) => ({
    day,
    label: formatDayKey(day).slice(0, 5),
    ...(byDay.get(day) ?? emptyCounts()),
  }));
  return {
    filters,
    invalid,
    stations,
    rows: page.map((r) => toEntry(r, names)),
    nextCursor: fileRows.length > PAGE_SIZE && last ? last.id : null,
    chart: { from: chartFrom, to: chartTo, days, totals, total: Object.values(totals).reduce((a, b) => a + b, 0) },
    conflicts: { rows: conflictRows.map(toConflictEntry), total: conflictTotal },
    canResolve,
  };
}

// ── File detail ──

export type FileLine = { n: number; text: string; reasons: ReasonEntry[] };
export type FileContent =
  | {
      kind: 'text';
      encoding: 'utf-8' | 'latin1' | 'utf-16le' | 'utf-16be';
      hasControlChars: boolean;
      totalLines: number;
      /** Ascending line numbers; a jump between two rows is a gap of hidden lines. */
      lines: FileLine[];
    }
  | { kind: 'binary'; hexRows: string[]; shown: number; total: number }
  | { kind: 'empty' }
  | { kind: 'missing' };

export type IngestFileDetail = {
  file: Omit<LedgerEntry, 'rejectedLineCount'> & { size: number; sha256: string };
  rejectedLines: RejectedLine[];
  content: FileContent;
  onlyRejected: boolean;
  conflicts: ConflictEntry[];
  canResolve: boolean;
};

/** Control characters other than TAB become `\xNN`, so nothing invisible or terminal-like reaches the page. */
export function escapeControlChars(line: string): { text: string; escaped: boolean } {
  let escaped = false;
  const text = line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => {
    escaped = true;
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`;
  });
  return { text, escaped };
}

/** Hex dump rows: offset, 16 bytes in hex, printable ASCII. */
function hexRows(bytes: Uint8Array): string[] {
  const rows: string[] = [];
  for (let off = 0; off < bytes.length; off += 16) {
    const chunk = bytes.subarray(off, off + 16);
    const hex = [...chunk].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...chunk].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    rows.push(`${off.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return rows;
}

/**
 * The file's lines numbered as the parser numbers them (BOM and a trailing ^Z removed, CRLF/LF/CR), each with its
 * rejection reasons. Shows the first MAX_SHOWN_LINES lines plus every rejected line; `onlyRejected` shows just those.
 */
export function buildFileContent(bytes: Uint8Array, rejected: readonly RejectedLine[], onlyRejected: boolean): FileContent {
  if (bytes.length === 0) return { kind: 'empty' };
  const decoded = decodeFileText(bytes);
  if (!decoded.ok) {
    const shown = Math.min(bytes.length, HEX_PREVIEW_BYTES);
    return { kind: 'binary', hexRows: hexRows(bytes.subarray(0, shown)), shown, total: bytes.length };
  }
  const body = decoded.text.replace(/^\uFEFF/, '').replace(/\u001a+\s*$/, '');
  const all = body.split(/\r\n|\n|\r/);
  if (all.length > 1 && all.at(-1) === '') all.pop();
  const reasons = new Map<number, ReasonEntry[]>();
  for (const r of rejected) reasons.set(r.line, [...(reasons.get(r.line) ?? []), lineReason(r)]);
  let hasControlChars = false;
  const lines: FileLine[] = [];
  all.forEach((raw, i) => {
    const n = i + 1;
    const why = reasons.get(n);
    if (onlyRejected ? !why : n > MAX_SHOWN_LINES && !why) return;
    const { text, escaped } = escapeControlChars(raw);
    hasControlChars ||= escaped;
    lines.push({ n, text, reasons: why ?? [] });
  });
  return { kind: 'text', encoding: decoded.encoding, hasControlChars, totalLines: all.length, lines };
}

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** One ledger row with its content; 404 for a malformed id, a missing file or another facility's file. */
export async function getIngestFileDetail(rawId: string, sp: SearchParams = {}): Promise<IngestFileDetail> {
  const user = await requireUser();
  const id = idSchema.safeParse(rawId);
  const scope = scopeFor(user);
  if (!id.success || !scope) notFound();
  const file = await findIngestFileInScope(id.data, scope.facilityId);
  if (!file) notFound();
  const onlyRejected = first(sp.view) === 'rejected';
  const [bytes, conflicts, stationRows] = await Promise.all([
    readRawFile(file.sha256),
    listOpenConflictsForReview({ facilityId: scope.facilityId, fileId: file.id, limit: 200 }),
    file.stationId != null ? listVisibleStations(scopeFor(user)) : Promise.resolve([]),
  ]);
  const names = new Map(stationRows.map((s) => [s.id, s.name]));
  const { rejectedLineCount: _count, ...entry } = toEntry(file, names);
  return {
    file: { ...entry, size: file.size, sha256: file.sha256 },
    rejectedLines: file.rejectedLines,
    content: bytes ? buildFileContent(bytes, file.rejectedLines, onlyRejected) : { kind: 'missing' },
    onlyRejected,
    conflicts: conflicts.map(toConflictEntry),
    canResolve: (CONFLICT_RESOLVER_ROLES as readonly string[]).includes(user.role),
  };
}

// ── Raw download (route handler) ──

export type RawDownload =
  | { kind: 'unauthenticated' }
  | { kind: 'not_found' }
  | { kind: 'ok'; name: string; sha256: string; bytes: Buffer };

/** The original bytes for a signed-in user whose scope covers the file; the same `not_found` for absent and foreign. */
export async function getRawDownload(rawId: string): Promise<RawDownload> {
  const user = await currentUser();
  if (!user) return { kind: 'unauthenticated' };
  const id = idSchema.safeParse(rawId);
  const scope = scopeFor(user);
  if (!id.success || !scope) return { kind: 'not_found' };
  const file = await findIngestFileInScope(id.data, scope.facilityId);
  if (!file) return { kind: 'not_found' };
  const bytes = await readRawFile(file.sha256);
  if (!bytes) return { kind: 'not_found' };
  return { kind: 'ok', name: file.name, sha256: file.sha256, bytes };
}

/** For the resolve action: the conflict if it exists and lies in the user's scope. */
export async function findConflictInScope(user: SessionUser, id: number): Promise<ConflictReviewRow | null> {
  const scope = scopeFor(user);
  if (!scope) return null;
  const c = await findConflictForReview(id);
  if (!c) return null;
  if (scope.facilityId != null && c.facilityId !== scope.facilityId) return null;
  return c;
}
