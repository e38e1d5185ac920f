import {
  reserveLedgerIds,
  findLedgerRowForUpload,
  insertLedgerRows,
  type IngestOutcome,
  type LedgerExtras,
  type LedgerFields,
  type RejectedLine as LedgerRejectedLine,
} from '../../db/ingest-files';
import {
  ensurePartitions,
  insertReadingsOn,
  summariseFates,
  type ReadingInsert,
  type ReadingInsertFate,
} from '../../db/readings';
import { findStationByFileCode, type StationRow } from '../../db/stations';
import { isClockAhead, isImpossibleTime } from '../../domain/ingest/clock-ahead';
import { raiseClockFault, resolveClockFault } from '../alerts';
import { parseFileName } from '../../domain/file-name';
import { ingestReason, renderIngestReason, type IngestReason, type StoredReason } from '../../domain/ingest/reasons';
import { findParameter } from '../../domain/parameters';
import { decodeFileText, parseDataText, type ParsedReading, type RejectedLine } from '../../domain/parse-file';
import { affectedHourEnds, formatCompactLocalTime } from '../../domain/time';
import { env } from '../../env';
import { RECOMPUTE_JOB, type RecomputePayload } from '../jobs';
import { storeRaw, type RawSourceFile } from './raw-store';
import { withTransaction } from '../../db/transaction';

export type { IngestOutcome };
/** Receivers that write the ledger (DOMAIN.md §2; 'seed' only appears with the demo network). */
export const INGEST_SOURCES = ['ftp', 'api', 'import', 'watch', 'seed'] as const;
export type IngestSource = (typeof INGEST_SOURCES)[number];
export type IngestInput = {
  /** File name as received (basename). */
  name: string;
  bytes: Buffer;
  source: IngestSource;
  /** FTP username / token name / 'cli'. */
  account?: string | null;
  /** Uploader's facility; null/undefined = trusted (admin, import). */
  facilityId?: number | null;
  remoteAddress?: string | null;
  /** Default now. */
  receivedAt?: Date;
  /** Clock for clock_ahead checks, default new Date(). */
  now?: Date;
  /** Raw store root; default env().dataDir (tests pass a temp folder). */
  dataDir?: string;
  /**
   * A retry of an upload that may already be recorded (spool recovery after a crash or a failed COMMIT reply): when
   * the ledger holds a row with the same bytes, name, source and receipt time, that row's result is returned.
   */
  replay?: boolean;
  /**
   * The bytes are this durable spool file's content (FTP receiver): the raw store may hard-link it rather than write
   * and fsync a copy. Ignored when the file has changed or cannot be linked.
   */
  spoolFile?: RawSourceFile;
};
export type IngestResult = {
  fileId: number;
  outcome: IngestOutcome;
  station: string | null;
  readings: number;
  /** English text, plus code and params (absent on a replayed row recorded before codes existed). */
  rejectedLines: LedgerRejectedLine[];
  /** English texts of the file's reasons. */
  reasons: string[];
  /** The same reasons as codes; null only for a replayed row recorded before codes existed. */
  reasonCodes: StoredReason[] | null;
};

/** The QC reason a reading dated too far after its receipt carries (DOMAIN.md §2). */
export const CLOCK_AHEAD_REASON = ingestReason('clock_ahead').code;
export const NOT_OWNED_REASON = renderIngestReason(ingestReason('not_owned'));

const STATION_TTL_MS = 5_000;
/** Unknown codes are remembered only briefly, so a station created a moment ago receives its first file. */
const UNKNOWN_STATION_TTL_MS = 1_000;
const stationCache = new Map<string, { at: number; station: StationRow | null }>();

/** Station by file code, cached briefly: at hundreds of files a second the lookup would otherwise dominate. */
async function cachedStation(fileCode: string, nowMs: number): Promise<StationRow | null> {
  const key = fileCode.toUpperCase();
  const hit = stationCache.get(key);
  if (hit && nowMs - hit.at < (hit.station ? STATION_TTL_MS : UNKNOWN_STATION_TTL_MS)) return hit.station;
  const station = await findStationByFileCode(fileCode);
  stationCache.set(key, { at: nowMs, station });
  return station;
}

/** Forget cached stations (after an admin edits stations, and in tests). */
export function clearIngestCaches(): void {
  stationCache.clear();
  noClockFault.clear();
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * PostgreSQL text and jsonb hold neither NUL nor lone surrogates (text stored U+FFFD for them anyway; jsonb refuses
 * them): replaced before hashing, so the hash covers what is read back. The ledger keeps everything else as received.
 */
function dbText(s: string, max = 1000): string {
  const cut = s.length > max ? s.slice(0, max) : s;
  return cut.replace(/\u0000/g, '\uFFFD').replace(LONE_SURROGATE, '\uFFFD');
}

/** A reason whose texts can be stored (see dbText). */
function storable(r: IngestReason): IngestReason {
  const params = Object.fromEntries(Object.entries(r.params).map(([k, v]) => [k, typeof v === 'string' ? dbText(v) : v]));
  return { code: r.code, params } as IngestReason;
}

type Base = Omit<LedgerFields, 'outcome' | 'reasons' | 'reasonCodes' | 'rejectedLines' | 'stationId' | 'readingCount'>;

/**
 * Receives one data file (DOMAIN.md §2, §11): stores the original bytes, checks size, name, content and station,
 * parses the lines, stores the readings and appends the ledger row in one transaction. Every received file ends in the
 * ledger, with its outcome and reasons.
 */
export async function ingestFile(input: IngestInput): Promise<IngestResult> {
  const now = input.now ?? new Date();
  const receivedAt = input.receivedAt ?? new Date();
  const config = env();
  const sha256 = await storeRaw(input.bytes, input.dataDir ?? config.dataDir, input.spoolFile);
  const base: Base = {
    name: dbText(input.name),
    size: input.bytes.length,
    sha256,
    source: input.source,
    account: input.account == null ? null : dbText(input.account, 200),
    remoteAddress: input.remoteAddress == null ? null : dbText(input.remoteAddress, 200),
    receivedAt,
  };
  if (input.replay) {
    const earlier = await findLedgerRowForUpload({ sha256, name: base.name, source: base.source, receivedAt });
    if (earlier) {
      return {
        fileId: earlier.id,
        outcome: earlier.outcome,
        station: earlier.stationCode,
        readings: earlier.readingCount,
        rejectedLines: earlier.rejectedLines,
        reasons: earlier.reasons,
        reasonCodes: earlier.reasonCodes,
      };
    }
  }
  const reject = (reasons: IngestReason[]) =>
    submit({ base, station: null, rows: [], parsed: [], parseRejected: [], fixed: { outcome: 'rejected', reasons } });

  if (input.bytes.length > config.INGEST_MAX_BYTES) {
    return reject([ingestReason('file_too_large', { maxBytes: config.INGEST_MAX_BYTES })]);
  }
  const reasons: IngestReason[] = [];
  const name = parseFileName(input.name);
  if (!name.ok) reasons.push(name.reason);
  const decoded = decodeFileText(input.bytes);
  if (!decoded.ok) reasons.push(decoded.reason);
  if (!name.ok || !decoded.ok) return reject(reasons);

  const station = await cachedStation(name.value.fileCode, Date.now());
  if (!station) return reject([ingestReason('unknown_station', { fileCode: dbText(name.value.fileCode, 100) })]);
  if (input.facilityId != null && station.facility.id !== input.facilityId) return reject([ingestReason('not_owned')]);

  const parameters = station.parameters
    .filter((p) => p.enabled)
    .map((p) => ({ code: p.parameter, unit: findParameter(station.kind, p.parameter)?.unit ?? p.unit }));
  const parsed = parseDataText(decoded.text, { parameters, symbolAliases: station.symbolAliases });
  if (parsed.dataLines === 0) {
    return submit({
      base,
      station,
      rows: [],
      parsed: [],
      parseRejected: [],
      fixed: { outcome: 'rejected', reasons: [ingestReason('no_data_lines')] },
    });
  }
  const rows: ReadingInsert[] = parsed.readings.map((r) => ({
    stationId: station.id,
    parameter: r.parameter,
    time: r.time,
    value: r.value,
    deviceStatus: r.deviceStatus,
    fileId: null,
    qcReasons: isClockAhead(r.time, now, config.CLOCK_AHEAD_MINUTES) ? [CLOCK_AHEAD_REASON] : [],
  }));
  // Impossible times (before 2000 or activeFrom, more than a day ahead) stay in the default partition: no new one.
  const plausible = rows.filter((r) => !isImpossibleTime(r.time, now, station.activeFrom)).map((r) => r.time);
  if (plausible.length > 0) await ensurePartitions(plausible, now);
  const result = await submit({ base, station, rows, parsed: parsed.readings, parseRejected: parsed.rejectedLines, fixed: null });
  await noteClockFault(station.id, rows, result, receivedAt, config.CLOCK_AHEAD_MINUTES);
  return result;
}

/**
 * Stations this process found without an open clock_fault (with when, as Date.now()): their clean files skip the
 * database look for a minute. Anything else (a restart, an episode raised by another process) is read from the
 * database, so a clean file always gets to resolve an open episode.
 */
const noClockFault = new Map<number, number>();
const CLOCK_FAULT_RECHECK_MS = 60_000;

/** Raises (or repeats) the station's clock_fault when the file stored readings dated ahead; a clean file may resolve it. */
async function noteClockFault(
  stationId: number,
  rows: readonly ReadingInsert[],
  result: IngestResult,
  receivedAt: Date,
  toleranceMinutes: number,
): Promise<void> {
  if (result.outcome === 'rejected' || result.outcome === 'duplicate') return;
  const ahead = rows.filter(isAheadRow);
  if (ahead.length > 0) {
    noClockFault.delete(stationId);
    const aheadTime = new Date(Math.max(...ahead.map((r) => r.time.getTime())));
    await raiseClockFault({ stationId, receivedAt, fileId: result.fileId, aheadTime, aheadReadings: ahead.length, toleranceMinutes });
    return;
  }
  const seen = noClockFault.get(stationId);
  if (seen !== undefined && Date.now() - seen < CLOCK_FAULT_RECHECK_MS) return;
  if ((await resolveClockFault(stationId, receivedAt)) !== 'pending') noClockFault.set(stationId, Date.now());
  else noClockFault.delete(stationId);
}

const isAheadRow = (r: ReadingInsert): boolean => (r.qcReasons ?? []).includes(CLOCK_AHEAD_REASON);

type Decided = { outcome: IngestOutcome; reasons: IngestReason[] };

/** Outcome from what happened to each line: accepted = every line stored, partial = some, rejected = none. */
export function decideOutcome(
  parsed: readonly ParsedReading[],
  fates: readonly ReadingInsertFate[],
  parseRejected: readonly RejectedLine[],
): Decided & { rejectedLines: RejectedLine[]; inserted: number } {
  const { inserted, duplicates, conflicts } = summariseFates(fates);
  const conflictLines: RejectedLine[] = parsed.flatMap((r, i) =>
    fates[i] === 'conflict'
      ? [{ line: r.line, reason: ingestReason('conflict', { parameter: r.parameter, time: formatCompactLocalTime(r.time) }) }]
      : [],
  );
  const rejectedLines = [...parseRejected, ...conflictLines].sort((a, b) => a.line - b.line);
  if (inserted > 0) {
    if (rejectedLines.length === 0) return { outcome: 'accepted', reasons: [], rejectedLines, inserted };
    const lines = parsed.length + parseRejected.length;
    return {
      outcome: 'partial',
      reasons: [ingestReason('lines_rejected', { rejected: rejectedLines.length, total: lines })],
      rejectedLines,
      inserted,
    };
  }
  if (duplicates > 0) return { outcome: 'duplicate', reasons: [ingestReason('all_duplicate')], rejectedLines, inserted };
  if (conflicts > 0 && parseRejected.length === 0) {
    return { outcome: 'rejected', reasons: [ingestReason('all_conflict')], rejectedLines, inserted };
  }
  return { outcome: 'rejected', reasons: [ingestReason('no_valid_lines')], rejectedLines, inserted };
}

/** A file with readings dated ahead of receipt is at best `partial`, with the reason `clock_ahead` (DOMAIN.md §2). */
export function withClockAhead<D extends Decided>(decided: D, aheadReadings: number): D {
  if (aheadReadings === 0 || (decided.outcome !== 'accepted' && decided.outcome !== 'partial')) return decided;
  return { ...decided, outcome: 'partial', reasons: [...decided.reasons, ingestReason('clock_ahead')] };
}

/** A file ready to be recorded: its ledger fields so far, its readings (without file id) and how lines parsed. */
type Work = {
  base: Base;
  station: StationRow | null;
  rows: ReadingInsert[];
  parsed: readonly ParsedReading[];
  parseRejected: readonly RejectedLine[];
  /** Outcome decided before touching readings (file-level rejection, duplicate content). */
  fixed: Decided | null;
};
type Pending = Work & { resolve: (r: IngestResult) => void; reject: (e: unknown) => void };

/**
 * Group commit. The ledger chain serialises appends, and a commit waits for the disk (≈10 ms on slow disks), so one
 * transaction per file caps a process at ~100 files/s. Files arriving while a batch commits wait and go together in
 * the next one: one transaction, one commit, each file still its own ledger row.
 */
const MAX_BATCH_FILES = 200;
const MAX_BATCH_READINGS = 20_000;
const queue: Pending[] = [];
let draining = false;

function submit(work: Work): Promise<IngestResult> {
  return new Promise<IngestResult>((resolve, reject) => {
    queue.push({ ...work, resolve, reject });
    if (!draining) void drain();
  });
}

async function drain(): Promise<void> {
  draining = true;
  try {
    while (queue.length > 0) {
      const batch: Pending[] = [];
      let readings = 0;
      while (
        queue.length > 0 &&
        batch.length < MAX_BATCH_FILES &&
        (batch.length === 0 || readings + queue[0]!.rows.length <= MAX_BATCH_READINGS)
      ) {
        const next = queue.shift()!;
        readings += next.rows.length;
        batch.push(next);
      }
      await commitIsolated(batch);
    }
  } finally {
    draining = false;
  }
}

/** Commits a batch; if it fails, each file alone, so one bad file cannot sink the others. */
async function commitIsolated(batch: Pending[]): Promise<void> {
  try {
    const results = await commitBatch(batch);
    batch.forEach((p, i) => p.resolve(results[i]!));
    return;
  } catch (e) {
    if (batch.length === 1) {
      await recordFailure(batch[0]!, e);
      return;
    }
  }
  for (const p of batch) await commitIsolated([p]);
}

/**
 * A file whose transaction failed on its own: deterministic failures must not make the sender retry forever, so it is
 * recorded as rejected with the cause. If even that fails (database down), the caller gets the error and keeps the
 * file for a retry.
 */
async function recordFailure(p: Pending, e: unknown): Promise<void> {
  const reason = ingestReason('internal_error', { message: dbText(e instanceof Error ? e.message : String(e), 300) });
  try {
    const [r] = await commitBatch([
      { ...p, rows: [], parsed: [], parseRejected: [], fixed: { outcome: 'rejected', reasons: [reason] } },
    ]);
    p.resolve(r!);
  } catch {
    p.reject(e);
  }
}

/**
 * One transaction: ledger lock and ids, every file's readings (with its file id), then the ledger rows, recompute jobs
 * and station receipt times in one statement. A crash before COMMIT leaves neither readings nor ledger rows (the raw
 * bytes are already stored), so nothing is half-recorded.
 */
async function commitBatch(batch: readonly Work[]): Promise<IngestResult[]> {
  return withTransaction(async (client) => {
    const reserved = await reserveLedgerIds(
      client,
      batch.length,
      batch.map((w) => w.base.sha256),
    );
    // Same content already stored for the station (checked under the lock, so two copies in flight cannot both pass).
    const work = batch.map((w): Work => {
      const earlier = w.station && !w.fixed ? reserved.storedFiles.get(`${w.station.id}:${w.base.sha256}`) : undefined;
      if (earlier === undefined) return w;
      const reasons = [ingestReason('same_content', { fileId: earlier })];
      return { ...w, rows: [], parsed: [], parseRejected: [], fixed: { outcome: 'duplicate', reasons } };
    });
    const all: ReadingInsert[] = work.flatMap((w, i) => w.rows.map((r) => ({ ...r, fileId: reserved.ids[i]! })));
    const fates = all.length > 0 ? await insertReadingsOn(client, all) : [];
    let offset = 0;
    const fields: LedgerFields[] = [];
    const results: IngestResult[] = [];
    const jobs: NonNullable<LedgerExtras['jobs']>[number][] = [];
    const receipts: NonNullable<LedgerExtras['stationReceipts']>[number][] = [];
    work.forEach((w, i) => {
      const own = fates.slice(offset, offset + w.rows.length);
      offset += w.rows.length;
      const decided = w.fixed
        ? { ...w.fixed, rejectedLines: [...w.parseRejected], inserted: 0 }
        : withClockAhead(decideOutcome(w.parsed, own, w.parseRejected), w.rows.filter((r, k) => own[k] === 'inserted' && isAheadRow(r)).length);
      const inserted = w.rows.filter((_, k) => own[k] === 'inserted');
      if (w.station) {
        // Clock-ahead readings are never valid: they change no hour, day, AQI or KPI, so no recompute for them.
        const current = inserted.filter((r) => !isAheadRow(r));
        jobs.push(
          ...recomputeJobs(
            w.station.id,
            current.map((r) => r.time),
          ),
        );
        const dataAt = current.length > 0 ? new Date(Math.max(...current.map((r) => r.time.getTime()))) : null;
        receipts.push({ stationId: w.station.id, fileAt: w.base.receivedAt, dataAt });
      }
      const rejectedLines = decided.rejectedLines.map((l): LedgerRejectedLine => {
        const r = storable(l.reason);
        return { line: l.line, reason: dbText(renderIngestReason(r)), code: r.code, params: r.params };
      });
      const reasonCodes = decided.reasons.map(storable);
      const reasons = reasonCodes.map(renderIngestReason);
      fields.push({
        ...w.base,
        outcome: decided.outcome,
        reasons,
        reasonCodes,
        rejectedLines,
        stationId: w.station?.id ?? null,
        readingCount: decided.inserted,
      });
      results.push({
        fileId: reserved.ids[i]!,
        outcome: decided.outcome,
        // A rejection before the station was accepted names no station.
        station: w.station?.code ?? null,
        readings: decided.inserted,
        rejectedLines,
        reasons,
        reasonCodes,
      });
    });
    // Forwarding outbox (DOMAIN.md §10), in the ledger's statement and transaction: no file is accepted or partial
    // without being queued.
    const forward = results.filter((r) => r.outcome === 'accepted' || r.outcome === 'partial').map((r) => r.fileId);
    await insertLedgerRows(client, reserved, fields, new Date(), {
      jobs,
      stationReceipts: receipts,
      forwardFileIds: forward,
    });
    return results;
  });
}
/**
 * A recompute job becomes due this long after the first file that touched its (station, hour): files arriving
 * meanwhile (a logger's backlog, several files a second) collapse into it on the dedupe key instead of each paying
 * for a recompute. The first file's due time stands (the queue keeps the earlier run_at), so a steady stream cannot
 * postpone it. Readings themselves are queryable at commit; only flags and averages wait.
 */
export const RECOMPUTE_DEBOUNCE_MS = 2000;

/** One recompute job per affected (station, hour); pending duplicates collapse on the dedupe key. */
function recomputeJobs(stationId: number, times: readonly Date[]): NonNullable<LedgerExtras['jobs']> {
  const runAt = new Date(Date.now() + RECOMPUTE_DEBOUNCE_MS);
  return affectedHourEnds(times).map((end) => {
    const payload: RecomputePayload = {
      stationId,
      from: new Date(end.getTime() - 3_600_000).toISOString(),
      to: end.toISOString(),
    };
    return { kind: RECOMPUTE_JOB, payload, dedupeKey: `${RECOMPUTE_JOB}:${stationId}:${payload.to}`, runAt };
  });
}
