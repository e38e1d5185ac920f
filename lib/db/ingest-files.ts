import { createHash } from 'node:crypto';
import type pg from 'pg';
import { LOCAL_TIME_ZONE } from '../domain/time';
import type { ReasonParams, StoredReason } from '../domain/ingest/reasons';
import { pool } from './client';
import { SqlConditions } from './sql-conditions';
import { withTransaction, type Tx } from './transaction';

/**
 * The ingest ledger: one row per received file, hash-chained (row_hash = sha256(prev_hash + canonical JSON of the
 * row's immutable fields)). Rows are appended only under a transaction-level advisory lock that also covers the id
 * reservation, so id order is chain order. Since 2026-12 a row also stores its reasons as codes (reason_codes, and
 * code/params on each rejected line); rows recorded before hold text only and keep their original hash.
 */
export type IngestOutcome = 'accepted' | 'partial' | 'rejected' | 'duplicate';
export const INGEST_OUTCOMES: readonly IngestOutcome[] = ['accepted', 'partial', 'rejected', 'duplicate'];

/** A rejected line: its English text and, for rows recorded with codes, the reason's code and parameters. */
export type RejectedLine = { line: number; reason: string; code?: string; params?: ReasonParams };

export type IngestFileRow = {
  id: number;
  name: string;
  size: number;
  sha256: string;
  source: string;
  account: string | null;
  remoteAddress: string | null;
  receivedAt: Date;
  outcome: IngestOutcome;
  reasons: string[];
  /** The reasons as codes, one per entry of `reasons`; null for rows recorded before codes were stored. */
  reasonCodes: StoredReason[] | null;
  rejectedLines: RejectedLine[];
  stationId: number | null;
  stationCode: string | null;
  readingCount: number;
};

/** The fields covered by the hash chain. */
export type LedgerFields = Omit<IngestFileRow, 'id' | 'stationCode' | 'reasonCodes'> & {
  /** Absent/null: a row in the original text-only form (its hash covers no codes). */
  reasonCodes?: readonly StoredReason[] | null;
};

export const GENESIS_HASH = '0'.repeat(64);

/** Lock key of the ledger append (any constant; "ledger" in ASCII). */
export const LEDGER_LOCK_KEY = 0x6c6564676572;

/** Parameters with their keys sorted (jsonb does not keep the order they were written in). */
function canonicalParams(p: ReasonParams | undefined): ReasonParams | null {
  return p === undefined ? null : Object.fromEntries(Object.keys(p).sort().map((k) => [k, p[k]!]));
}

/**
 * Canonical JSON: fixed key order, ISO time with milliseconds. A text-only row (no reasonCodes) hashes exactly as
 * before codes existed: rejected lines reduced to {line, reason}. A row with codes adds them (lines and file reasons).
 */
export function canonicalLedgerJson(f: LedgerFields): string {
  const head = {
    name: f.name,
    size: f.size,
    sha256: f.sha256,
    source: f.source,
    account: f.account,
    remoteAddress: f.remoteAddress,
    receivedAt: f.receivedAt.toISOString(),
    outcome: f.outcome,
    reasons: f.reasons,
  };
  const tail = { stationId: f.stationId, readingCount: f.readingCount };
  if (f.reasonCodes == null) {
    return JSON.stringify({ ...head, rejectedLines: f.rejectedLines.map((l) => ({ line: l.line, reason: l.reason })), ...tail });
  }
  return JSON.stringify({
    ...head,
    rejectedLines: f.rejectedLines.map((l) => ({ line: l.line, reason: l.reason, code: l.code ?? null, params: canonicalParams(l.params) })),
    ...tail,
    reasonCodes: f.reasonCodes.map((r) => ({ code: r.code, params: canonicalParams(r.params) })),
  });
}

export function ledgerRowHash(prevHash: string, f: LedgerFields): string {
  return createHash('sha256').update(prevHash).update(canonicalLedgerJson(f)).digest('hex');
}

/** Timestamps are stored with millisecond precision; hash what will be read back. */
function truncateMs(d: Date): Date {
  return new Date(Math.floor(d.getTime()));
}

/**
 * In the caller's transaction (withTransaction): takes the ledger lock, reserves `count` ids (ascending) and finds
 * which of `shas` were already stored. The caller then writes whatever references the ids (readings) and calls
 * insertLedgerRows; the lock is held until commit, so ids are assigned in chain order.
 */
export async function reserveLedgerIds(
  client: Tx,
  count = 1,
  shas: readonly string[] = [],
): Promise<LedgerReservation> {
  // One round trip. READ COMMITTED takes a fresh snapshot per statement, so the SELECTs after the lock see every row
  // committed before it was granted. Hashes are inlined only after checking they are hex.
  const n = Math.max(1, Math.floor(count));
  const hex = [...new Set(shas)].filter((h) => /^[0-9a-f]{64}$/.test(h));
  const res = (await client.query(
    `SELECT pg_advisory_xact_lock(${LEDGER_LOCK_KEY});
     SELECT COALESCE((SELECT row_hash FROM ingest_file ORDER BY id DESC LIMIT 1), '${GENESIS_HASH}') AS prev,
            ARRAY(SELECT nextval(pg_get_serial_sequence('ingest_file', 'id'))::int FROM generate_series(1, ${n})) AS ids;
     SELECT sha256, station_id, min(id)::int AS id FROM ingest_file
     WHERE ${hex.length > 0 ? `sha256 IN (${hex.map((h) => `'${h}'`).join(', ')})` : 'false'}
       AND outcome IN ('accepted', 'partial') AND station_id IS NOT NULL
     GROUP BY 1, 2`,
  )) as unknown as pg.QueryResult[];
  const row = res[1]?.rows[0] as { ids: number[]; prev: string } | undefined;
  if (!row || row.ids.length !== n) throw new Error('ledger: could not reserve ids');
  const stored = new Map<string, number>();
  for (const r of (res[2]?.rows ?? []) as { sha256: string; station_id: number; id: number }[]) {
    stored.set(`${r.station_id}:${r.sha256}`, r.id);
  }
  return { ids: [...row.ids].sort((a, b) => a - b), prevHash: row.prev, storedFiles: stored };
}

export type LedgerReservation = {
  ids: number[];
  prevHash: string;
  /** Earlier accepted/partial files among the given hashes: `${stationId}:${sha256}` → ledger id. */
  storedFiles: Map<string, number>;
};

/** Side effects written in the same statement as the ledger rows (one round trip while the ledger lock is held). */
export type LedgerExtras = {
  /** Jobs to enqueue; a pending job with the same dedupe key keeps its row (earlier run_at wins). */
  jobs?: readonly { kind: string; payload: Record<string, unknown>; dedupeKey: string; runAt?: Date }[];
  /** Moves station.last_file_at / last_data_at forward (never back). */
  stationReceipts?: readonly { stationId: number; fileAt: Date; dataAt: Date | null }[];
  /**
   * Files to queue for every enabled forwarding target (DOMAIN.md §10): the same rows as
   * lib/db/forwarding.ts enqueueForwardJobsOn writes, in this statement to save a round trip under the ledger lock.
   */
  forwardFileIds?: readonly number[];
};

/**
 * Inserts ledger rows for the reserved ids, in order, chaining each to the one before (the first to the reservation's
 * prevHash), plus the extras. Returns the row hashes.
 */
export async function insertLedgerRows(
  client: pg.PoolClient,
  reserved: LedgerReservation,
  rows: readonly LedgerFields[],
  processedAt: Date,
  extras: LedgerExtras = {},
): Promise<string[]> {
  if (rows.length !== reserved.ids.length) throw new Error('ledger: rows and reserved ids differ in number');
  let prev = reserved.prevHash;
  const prevs: string[] = [];
  const hashes: string[] = [];
  const fields = rows.map((r) => ({ ...r, receivedAt: truncateMs(r.receivedAt) }));
  for (const f of fields) {
    prevs.push(prev);
    prev = ledgerRowHash(prev, f);
    hashes.push(prev);
  }
  // One row per dedupe key and per station: ON CONFLICT / UPDATE cannot touch the same row twice in one statement.
  const jobs = [...new Map((extras.jobs ?? []).map((j) => [j.dedupeKey, j])).values()];
  const receipts = new Map<number, { fileAt: Date; dataAt: Date | null }>();
  for (const r of extras.stationReceipts ?? []) {
    const cur = receipts.get(r.stationId);
    if (!cur) receipts.set(r.stationId, { fileAt: r.fileAt, dataAt: r.dataAt });
    else {
      if (r.fileAt > cur.fileAt) cur.fileAt = r.fileAt;
      if (r.dataAt && (!cur.dataAt || r.dataAt > cur.dataAt)) cur.dataAt = r.dataAt;
    }
  }
  await client.query(
    `WITH ledger AS (
       INSERT INTO ingest_file (id, name, size, sha256, source, account, remote_address, received_at, processed_at,
         outcome, reasons, rejected_lines, station_id, reading_count, prev_hash, row_hash, reason_codes)
       SELECT id, name, size, sha, source, account, addr, received, $9::timestamptz, outcome::"IngestOutcome",
         ARRAY(SELECT jsonb_array_elements_text(reasons::jsonb)), rejected::jsonb, station, readings, prev, hash, codes::jsonb
       FROM unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[],
         $10::text[], $11::text[], $12::text[], $13::int[], $14::int[], $15::text[], $16::text[], $25::text[])
         AS i(id, name, size, sha, source, account, addr, received, outcome, reasons, rejected, station, readings, prev, hash, codes)
     ), jobs AS (
       INSERT INTO job (kind, payload, run_at, dedupe_key)
       SELECT k, p::jsonb, COALESCE(r, now()), d FROM unnest($17::text[], $18::text[], $19::timestamptz[], $20::text[]) AS i(k, p, r, d)
       ON CONFLICT (dedupe_key) DO UPDATE SET run_at = LEAST(job.run_at, EXCLUDED.run_at)
     ), receipt AS (
       UPDATE station s SET
         last_file_at = GREATEST(COALESCE(s.last_file_at, i.f), i.f),
         last_data_at = CASE WHEN i.d IS NULL THEN s.last_data_at ELSE GREATEST(COALESCE(s.last_data_at, i.d), i.d) END
       FROM unnest($21::int[], $22::timestamptz[], $23::timestamptz[]) AS i(id, f, d)
       WHERE s.id = i.id
     ), forward AS (
       INSERT INTO forward_job (target_id, file_id)
       SELECT t.id, f.id FROM forward_target t CROSS JOIN unnest($24::int[]) AS f(id)
       WHERE t.enabled
       ON CONFLICT (target_id, file_id) DO NOTHING
     )
     SELECT 1`,
    [
      reserved.ids,
      fields.map((f) => f.name),
      fields.map((f) => f.size),
      fields.map((f) => f.sha256),
      fields.map((f) => f.source),
      fields.map((f) => f.account),
      fields.map((f) => f.remoteAddress),
      fields.map((f) => f.receivedAt),
      processedAt,
      fields.map((f) => f.outcome),
      fields.map((f) => JSON.stringify(f.reasons)),
      fields.map((f) => JSON.stringify(f.rejectedLines)),
      fields.map((f) => f.stationId),
      fields.map((f) => f.readingCount),
      prevs,
      hashes,
      jobs.map((j) => j.kind),
      jobs.map((j) => JSON.stringify(j.payload)),
      jobs.map((j) => j.runAt ?? null),
      jobs.map((j) => j.dedupeKey),
      [...receipts.keys()],
      [...receipts.values()].map((r) => r.fileAt),
      [...receipts.values()].map((r) => r.dataAt),
      [...(extras.forwardFileIds ?? [])],
      fields.map((f) => (f.reasonCodes == null ? null : JSON.stringify(f.reasonCodes))),
    ],
  );
  return hashes;
}

/** Appends one ledger row in its own transaction. */
export async function appendLedgerRow(
  fields: LedgerFields,
  processedAt: Date,
  extras: LedgerExtras = {},
): Promise<number> {
  return withTransaction(async (tx) => {
    const reserved = await reserveLedgerIds(tx, 1);
    await insertLedgerRows(tx, reserved, [fields], processedAt, extras);
    return reserved.ids[0]!;
  });
}

/**
 * The ledger row of this very upload (same bytes, name, receiver and receipt time), if it was already recorded: a
 * spooled file retried after a crash or a lost COMMIT reply must not get a second row.
 */
export async function findLedgerRowForUpload(u: {
  sha256: string;
  name: string;
  source: string;
  receivedAt: Date;
}): Promise<IngestFileRow | null> {
  const r = await pool().query<DbRow>(
    `${SELECT_ROW} WHERE f.sha256 = $1 AND f.name = $2 AND f.source = $3 AND f.received_at = $4 ORDER BY f.id LIMIT 1`,
    [u.sha256, u.name, u.source, truncateMs(u.receivedAt)],
  );
  const row = r.rows[0];
  return row ? toRow(row) : null;
}

/** The id of an earlier accepted/partial ledger row with the same content for the same station, if any. */
export async function findStoredFileBySha(sha256: string, stationId: number): Promise<number | null> {
  const r = await pool().query<{ id: number }>(
    `SELECT id FROM ingest_file WHERE sha256 = $1 AND station_id = $2 AND outcome IN ('accepted', 'partial')
     ORDER BY id LIMIT 1`,
    [sha256, stationId],
  );
  return r.rows[0]?.id ?? null;
}

/** The ledger's array and JSON columns as selected, before toRow checks them. */
type StoredJson = { reasons: string[] | null; reasonCodes: unknown; rejectedLines: unknown };
type CheckedJson = Pick<IngestFileRow, keyof StoredJson>;
type DbRow = Omit<IngestFileRow, keyof StoredJson> & StoredJson;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Stored parameters; values other than strings and numbers are dropped (such a row then fails verification). */
function toParams(v: unknown): ReasonParams {
  if (!isRecord(v)) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'));
}

function toRejectedLines(v: unknown): RejectedLine[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((x: unknown) => {
    if (isRecord(x) && 'line' in x && 'reason' in x) {
      const line: RejectedLine = { line: Number(x.line), reason: String(x.reason) };
      return [typeof x.code === 'string' ? { ...line, code: x.code, params: toParams(x.params) } : line];
    }
    return [];
  });
}

/** reason_codes as stored: null for text-only rows; anything malformed is kept recognisably (it will not verify). */
function toReasonCodes(v: unknown): StoredReason[] | null {
  if (v === null || v === undefined) return null;
  if (!Array.isArray(v)) return [{ code: '', params: {} }];
  return v.map((x: unknown) => (isRecord(x) && typeof x.code === 'string' ? { code: x.code, params: toParams(x.params) } : { code: '', params: {} }));
}

/** Checks the JSON columns of a selected row; the other columns pass through. */
function toRow<R extends StoredJson>(r: R): Omit<R, keyof StoredJson> & CheckedJson {
  return {
    ...r,
    reasons: r.reasons ?? [],
    reasonCodes: toReasonCodes(r.reasonCodes),
    rejectedLines: toRejectedLines(r.rejectedLines),
  };
}

/** ingest_file (as f, with its station as s) named as IngestFileRow's fields, minus the station code. */
const LEDGER_COLUMNS = `f.id, f.name, f.size, f.sha256, f.source, f.account, f.remote_address AS "remoteAddress",
  f.received_at AS "receivedAt", f.outcome::text AS outcome, f.reasons, f.reason_codes AS "reasonCodes",
  f.rejected_lines AS "rejectedLines", f.station_id AS "stationId"`;

const SELECT_ROW = `SELECT ${LEDGER_COLUMNS}, s.code AS "stationCode", f.reading_count AS "readingCount"
  FROM ingest_file f LEFT JOIN station s ON s.id = f.station_id`;

export type IngestFileFilter = {
  stationId?: number;
  /** Restricts to files of this facility's stations (facility users); null/undefined = all. */
  facilityId?: number | null;
  outcome?: IngestOutcome;
  /** received_at, inclusive. */
  from?: Date;
  /** received_at, exclusive. */
  to?: Date;
  limit: number;
  /** Returns rows with id < cursor (newest first). */
  cursor?: number;
};

export async function listIngestFiles(filter: IngestFileFilter): Promise<IngestFileRow[]> {
  const w = new SqlConditions();
  if (filter.stationId !== undefined) w.add('f.station_id = ?', filter.stationId);
  if (filter.facilityId != null) w.add('s.facility_id = ?', filter.facilityId);
  if (filter.outcome) w.add('f.outcome = ?::"IngestOutcome"', filter.outcome);
  if (filter.from) w.add('f.received_at >= ?', filter.from);
  if (filter.to) w.add('f.received_at < ?', filter.to);
  if (filter.cursor !== undefined) w.add('f.id < ?', filter.cursor);
  const limit = w.bind(Math.max(0, Math.floor(filter.limit)));
  const r = await pool().query<DbRow>(`${SELECT_ROW} ${w.where()} ORDER BY f.id DESC LIMIT ${limit}`, w.params);
  return r.rows.map(toRow);
}

export async function findIngestFile(id: number): Promise<IngestFileRow | null> {
  const r = await pool().query<DbRow>(`${SELECT_ROW} WHERE f.id = $1`, [id]);
  const row = r.rows[0];
  return row ? toRow(row) : null;
}

/** Files per local day and outcome, received in [from, to). */
export async function countIngestOutcomesByDay(filter: {
  from: Date;
  to: Date;
  facilityId?: number | null;
}): Promise<{ day: string; outcome: IngestOutcome; count: number }[]> {
  const params: unknown[] = [LOCAL_TIME_ZONE, filter.from, filter.to];
  let facility = '';
  if (filter.facilityId != null) {
    params.push(filter.facilityId);
    facility = `AND s.facility_id = $4`;
  }
  const r = await pool().query<{ day: string; outcome: IngestOutcome; count: number }>(
    `SELECT to_char(f.received_at AT TIME ZONE $1, 'YYYY-MM-DD') AS day, f.outcome::text AS outcome, count(*)::int AS count
     FROM ingest_file f LEFT JOIN station s ON s.id = f.station_id
     WHERE f.received_at >= $2 AND f.received_at < $3 ${facility}
     GROUP BY 1, 2 ORDER BY 1, 2`,
    params,
  );
  return r.rows;
}

/** Ledger rows with their stored hashes, in id order, for verification (keyset pages). */
export type LedgerRow = LedgerFields & { id: number; prevHash: string; rowHash: string };

export async function listLedgerRows(afterId: number, limit: number): Promise<LedgerRow[]> {
  const r = await pool().query<Omit<DbRow, 'stationCode'> & { prevHash: string; rowHash: string }>(
    `SELECT ${LEDGER_COLUMNS}, f.reading_count AS "readingCount", f.prev_hash AS "prevHash", f.row_hash AS "rowHash"
     FROM ingest_file f WHERE f.id > $1 ORDER BY f.id LIMIT $2`,
    [afterId, limit],
  );
  return r.rows.map(toRow);
}

/** row_hash of the last row with id < id (genesis when none). */
export async function ledgerHashBefore(id: number): Promise<string> {
  const r = await pool().query<{ row_hash: string }>(
    `SELECT row_hash FROM ingest_file WHERE id < $1 ORDER BY id DESC LIMIT 1`,
    [id],
  );
  return r.rows[0]?.row_hash ?? GENESIS_HASH;
}

/** Filters of the ingest monitor page (all optional; combined with AND). */
export type IngestLedgerQuery = {
  stationId?: number;
  /**
   * Facility scope: files of this facility's stations, plus station-less files its own FTP accounts uploaded (a wrong
   * name or another facility's station), so a facility sees its own rejections. null/undefined = everything.
   */
  facilityId?: number | null;
  outcome?: IngestOutcome;
  source?: string;
  /** Case-insensitive substring of the file name. */
  nameContains?: string;
  /** received_at, inclusive. */
  from?: Date;
  /** received_at, exclusive. */
  to?: Date;
};

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function ledgerWhere(q: IngestLedgerQuery, params: unknown[] = []): SqlConditions {
  const w = new SqlConditions(params);
  if (q.stationId !== undefined) w.add('f.station_id = ?', q.stationId);
  if (q.facilityId != null) {
    w.add(
      `(s.facility_id = ? OR (f.station_id IS NULL AND f.source = 'ftp'
        AND f.account IN (SELECT a.username FROM ftp_account a WHERE a.facility_id = ?)))`,
      q.facilityId,
    );
  }
  if (q.outcome) w.add('f.outcome = ?::"IngestOutcome"', q.outcome);
  if (q.source) w.add('f.source = ?', q.source);
  if (q.nameContains) w.add(`f.name ILIKE '%' || ? || '%'`, escapeLike(q.nameContains));
  if (q.from) w.add('f.received_at >= ?', q.from);
  if (q.to) w.add('f.received_at < ?', q.to);
  return w;
}

/** A page of the ledger, newest first (id order is chain order); `cursor` returns rows with id < cursor. */
export async function searchIngestFiles(
  q: IngestLedgerQuery & { limit: number; cursor?: number },
): Promise<IngestFileRow[]> {
  const w = ledgerWhere(q);
  if (q.cursor !== undefined) w.add('f.id < ?', q.cursor);
  const limit = w.bind(Math.max(0, Math.floor(q.limit)));
  const r = await pool().query<DbRow>(`${SELECT_ROW} ${w.where()} ORDER BY f.id DESC LIMIT ${limit}`, w.params);
  return r.rows.map(toRow);
}

/** Files per local day and outcome for the same filters, received in [from, to). */
export async function countIngestFilesPerDay(
  q: IngestLedgerQuery & { from: Date; to: Date },
): Promise<{ day: string; outcome: IngestOutcome; count: number }[]> {
  const w = ledgerWhere(q, [LOCAL_TIME_ZONE]);
  const r = await pool().query<{ day: string; outcome: IngestOutcome; count: number }>(
    `SELECT to_char(f.received_at AT TIME ZONE $1, 'YYYY-MM-DD') AS day, f.outcome::text AS outcome, count(*)::int AS count
     FROM ingest_file f LEFT JOIN station s ON s.id = f.station_id
     ${w.where()}
     GROUP BY 1, 2 ORDER BY 1, 2`,
    w.params,
  );
  return r.rows;
}

/** One ledger row if it lies inside the facility scope (null facility = everything); null otherwise. */
export async function findIngestFileInScope(id: number, facilityId: number | null): Promise<IngestFileRow | null> {
  const w = ledgerWhere({ facilityId }).add('f.id = ?', id);
  const r = await pool().query<DbRow>(`${SELECT_ROW} ${w.where()}`, w.params);
  const row = r.rows[0];
  return row ? toRow(row) : null;
}
