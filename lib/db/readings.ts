import pg from 'pg';
import { pool } from './client';
import { inTransaction } from './transaction';
import { numberArrayLiteral, textArrayLiteral } from './pg-arrays';
import { epochMsSql } from './sql-time';

export type DeviceStatus = '00' | '01' | '02' | '03';

export type ReadingInsert = {
  stationId: number;
  parameter: string;
  time: Date;
  value: number;
  deviceStatus: DeviceStatus;
  fileId: number | null;
  qcReasons?: string[];
};

/** What happened to one input row (same order as the input). */
export type ReadingInsertFate = 'inserted' | 'duplicate' | 'conflict';

export type InsertReadingsResult = { inserted: number; duplicates: number; conflicts: number };

const BATCH = 5000;
/** Rows per COPY transaction on the bulk path (COPY's per-statement overhead is small, so bigger is faster). */
const COPY_BATCH = 50_000;
/** Below this, a bulk call uses the INSERT path (the COPY path costs an extra round trip for its pre-check). */
const COPY_MIN_ROWS = 2000;
const MONTH_MS_GUARD = 20 * 366 * 86_400_000;

/** Months (UTC, as year × 12 + month) whose partition is known to exist in this process. */
const knownPartitions = new Set<number>();

const monthIndex = (d: Date): number => d.getUTCFullYear() * 12 + d.getUTCMonth();

/**
 * Creates missing monthly partitions for the rows' times (outside any caller transaction: partition DDL takes strong
 * locks). Times more than 20 years away from now are left to the default partition rather than creating a partition
 * for a logger whose clock is wildly off.
 */
export async function ensurePartitions(times: readonly Date[], now: Date = new Date()): Promise<void> {
  const wanted = new Map<number, Date>();
  const nowMs = now.getTime();
  // Called for every file with a handful of times, mostly in one month: skip repeats of the previous time's month.
  let lastMonth = -1;
  for (const t of times) {
    const k = monthIndex(t);
    if (k === lastMonth) continue;
    lastMonth = k;
    if (knownPartitions.has(k) || wanted.has(k)) continue;
    if (Math.abs(t.getTime() - nowMs) > MONTH_MS_GUARD) continue;
    wanted.set(k, t);
  }
  for (const [k, t] of wanted) {
    // Concurrent callers in this process share one creation.
    let p = creating.get(k);
    if (!p) {
      p = createPartition(t).finally(() => creating.delete(k));
      creating.set(k, p);
    }
    await p;
    knownPartitions.add(k);
  }
}

const creating = new Map<number, Promise<void>>();

async function createPartition(t: Date): Promise<void> {
  try {
    await pool().query('SELECT ensure_reading_partition($1::timestamptz)', [t]);
  } catch (e) {
    // Two processes creating the same month: the loser sees duplicate_table; the partition exists, which is the goal.
    if ((e as { code?: string }).code !== '42P07') throw e;
  }
}

/** Forget cached partitions (tests that drop/recreate databases). */
export function clearPartitionCache(): void {
  knownPartitions.clear();
}

type Key = string;
const keyOf = (stationId: number, parameter: string, timeMs: number): Key => `${stationId}|${parameter}|${timeMs}`;

/** qc_reasons as one '|'-joined text (reason codes contain no '|'); '' = none. */
const reasonsText = (r: ReadingInsert): string => (r.qcReasons && r.qcReasons.length > 0 ? r.qcReasons.join('|') : '');

/**
 * Inserts on an open client (the caller owns the transaction; partitions must exist or rows go to the default one).
 * Insert-if-absent: an existing (station, parameter, time) with the same value is a duplicate no-op; with a different
 * value the stored one is kept and a reading_conflict row records the new one. Returns each row's fate in input order.
 */
export async function insertReadingsOn(
  client: pg.PoolClient | pg.Client,
  rows: readonly ReadingInsert[],
): Promise<ReadingInsertFate[]> {
  const fates: ReadingInsertFate[] = [];
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    // Times travel as epoch milliseconds (exact in float8, and far cheaper than Date ↔ text on both sides). The usual
    // case — every row new — answers with one count; only when some row was not inserted do the inserted keys come
    // back (as three arrays), to tell inserted rows from duplicates and conflicts.
    const res = await client.query<{ n: number; s: number[] | null; p: string[] | null; t: number[] | null }>(
      `WITH ins AS (
         INSERT INTO reading (station_id, parameter, time, value, device_status, qc_reasons, file_id)
         SELECT s, p, timestamptz 'epoch' + t * interval '1 millisecond', v, d,
                CASE WHEN q = '' THEN ARRAY[]::text[] ELSE string_to_array(q, '|') END, f
         FROM unnest($1::int[], $2::text[], $3::float8[], $4::float8[], $5::text[], $6::text[], $7::int[])
           AS i(s, p, t, v, d, q, f)
         ON CONFLICT (station_id, parameter, time) DO NOTHING
         RETURNING station_id, parameter, time)
       SELECT count(*)::int AS n,
              CASE WHEN count(*) < $8 THEN array_agg(station_id) END AS s,
              CASE WHEN count(*) < $8 THEN array_agg(parameter) END AS p,
              CASE WHEN count(*) < $8 THEN array_agg(${epochMsSql('time')}) END AS t
       FROM ins`,
      [
        numberArrayLiteral(batch.map((r) => r.stationId)),
        textArrayLiteral(batch.map((r) => r.parameter)),
        numberArrayLiteral(batch.map((r) => r.time.getTime())),
        numberArrayLiteral(batch.map((r) => r.value)),
        textArrayLiteral(batch.map((r) => r.deviceStatus)),
        textArrayLiteral(batch.map(reasonsText)),
        numberArrayLiteral(batch.map((r) => r.fileId)),
        batch.length,
      ],
    );
    const out = res.rows[0];
    if (!out || out.n === batch.length) {
      for (let i = 0; i < batch.length; i++) fates.push('inserted');
      continue;
    }
    // A key may appear twice in one batch; RETURNING lists it once, so the first occurrence is the inserted one.
    const insertedKeys = new Set<Key>();
    const s = out.s ?? [];
    const p = out.p ?? [];
    const t = out.t ?? [];
    for (let i = 0; i < s.length; i++) insertedKeys.add(keyOf(s[i]!, p[i]!, Math.round(t[i]!)));
    const batchFates = await classifyNotInserted(client, batch, insertedKeys);
    for (const f of batchFates) fates.push(f);
  }
  return fates;
}

/** The QC reason of a reading dated ahead of its receipt (DOMAIN.md §2); such a reading never keeps a slot from a real one. */
const CLOCK_AHEAD = 'clock_ahead';
const isAhead = (r: ReadingInsert): boolean => (r.qcReasons ?? []).includes(CLOCK_AHEAD);

/**
 * Fates of a batch whose inserted keys are known: the rest are duplicates (same value stored) or conflicts (recorded
 * in reading_conflict, the stored value kept). One exception: a stored clock-ahead reading does not keep its slot from
 * a real (on-time) one. The real value takes the slot ('inserted') and the clock-ahead one moves to reading_conflict
 * with reason 'clock_ahead' (kept as evidence, marked reviewed by the system), so a logger clock set forward cannot
 * occupy the times of values not yet sent.
 */
async function classifyNotInserted(
  client: pg.PoolClient | pg.Client,
  batch: readonly ReadingInsert[],
  insertedKeys: Set<Key>,
): Promise<ReadingInsertFate[]> {
  const batchFates: (ReadingInsertFate | null)[] = batch.map((r) => {
    const k = keyOf(r.stationId, r.parameter, r.time.getTime());
    if (insertedKeys.has(k)) {
      insertedKeys.delete(k);
      return 'inserted';
    }
    return null;
  });
  const pending = batch.flatMap((r, i) => (batchFates[i] === null ? [{ r, i }] : []));
  if (pending.length > 0) {
    const stored = await client.query<{
      station_id: number;
      parameter: string;
      t: number;
      value: number;
      ahead: boolean;
      file_id: number | null;
    }>(
      `SELECT r.station_id, r.parameter, ${epochMsSql('r.time')} AS t, r.value,
              '${CLOCK_AHEAD}' = ANY(COALESCE(r.qc_reasons, '{}')) AS ahead, r.file_id
       FROM unnest($1::int[], $2::text[], $3::timestamptz[]) AS i(s, p, t)
       JOIN reading r ON r.station_id = i.s AND r.parameter = i.p AND r.time = i.t
       FOR UPDATE OF r`,
      [pending.map((x) => x.r.stationId), pending.map((x) => x.r.parameter), pending.map((x) => x.r.time)],
    );
    const storedRow = new Map(stored.rows.map((s) => [keyOf(s.station_id, s.parameter, Math.round(s.t)), s]));
    const conflicts: { r: ReadingInsert; storedValue: number }[] = [];
    const displaced: { r: ReadingInsert; aheadValue: number; aheadFileId: number | null }[] = [];
    for (const { r, i } of pending) {
      const k = keyOf(r.stationId, r.parameter, r.time.getTime());
      const sv = storedRow.get(k);
      if (sv && sv.ahead && !isAhead(r)) {
        // The real value for a slot a clock-ahead reading held: it takes the slot (once; a repeat is then a duplicate).
        batchFates[i] = 'inserted';
        displaced.push({ r, aheadValue: sv.value, aheadFileId: sv.file_id });
        storedRow.set(k, { ...sv, value: r.value, ahead: false, file_id: r.fileId });
        continue;
      }
      // Not visible would mean a concurrent insert not yet committed by another writer: call it a conflict to be
      // reviewed rather than claiming the values are equal.
      if (sv !== undefined && sameValue(sv.value, r.value)) batchFates[i] = 'duplicate';
      else {
        batchFates[i] = 'conflict';
        conflicts.push({ r, storedValue: sv?.value ?? Number.NaN });
      }
    }
    if (displaced.length > 0) {
      // Each key appears at most once here: a second real row for it sees the first as stored and not ahead.
      await client.query(
        `UPDATE reading r
         SET value = i.v, device_status = i.d, qc_flag = 2,
             qc_reasons = CASE WHEN i.q = '' THEN ARRAY[]::text[] ELSE string_to_array(i.q, '|') END,
             file_id = i.f, received_at = now()
         FROM unnest($1::int[], $2::text[], $3::timestamptz[], $4::float8[], $5::text[], $6::text[], $7::int[])
           AS i(s, p, t, v, d, q, f)
         WHERE r.station_id = i.s AND r.parameter = i.p AND r.time = i.t`,
        [
          displaced.map((x) => x.r.stationId),
          displaced.map((x) => x.r.parameter),
          displaced.map((x) => x.r.time),
          displaced.map((x) => x.r.value),
          displaced.map((x) => x.r.deviceStatus),
          displaced.map((x) => reasonsText(x.r)),
          displaced.map((x) => x.r.fileId),
        ],
      );
      await client.query(
        `INSERT INTO reading_conflict (station_id, parameter, time, stored_value, new_value, file_id, reason, resolved_at, resolved_by)
         SELECT s, p, t, sv, nv, f, '${CLOCK_AHEAD}', now(), 'system:ingest'
         FROM unnest($1::int[], $2::text[], $3::timestamptz[], $4::float8[], $5::float8[], $6::int[]) AS i(s, p, t, sv, nv, f)`,
        [
          displaced.map((x) => x.r.stationId),
          displaced.map((x) => x.r.parameter),
          displaced.map((x) => x.r.time),
          displaced.map((x) => x.r.value),
          displaced.map((x) => x.aheadValue),
          displaced.map((x) => x.aheadFileId),
        ],
      );
    }
    if (conflicts.length > 0) {
      await client.query(
        `INSERT INTO reading_conflict (station_id, parameter, time, stored_value, new_value, file_id)
         SELECT * FROM unnest($1::int[], $2::text[], $3::timestamptz[], $4::float8[], $5::float8[], $6::int[])`,
        [
          conflicts.map((c) => c.r.stationId),
          conflicts.map((c) => c.r.parameter),
          conflicts.map((c) => c.r.time),
          conflicts.map((c) => c.storedValue),
          conflicts.map((c) => c.r.value),
          conflicts.map((c) => c.r.fileId),
        ],
      );
    }
  }
  return batchFates.map((f) => f ?? 'conflict');
}

/** Values parsed from the same text are bit-identical; the tolerance only absorbs unit-conversion rounding. */
function sameValue(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

export function summariseFates(fates: readonly ReadingInsertFate[]): InsertReadingsResult {
  const out = { inserted: 0, duplicates: 0, conflicts: 0 };
  for (const f of fates) {
    if (f === 'inserted') out.inserted++;
    else if (f === 'duplicate') out.duplicates++;
    else out.conflicts++;
  }
  return out;
}

/** COPY text format: backslash, tab, newline and carriage return escaped. */
const copyText = (s: string): string =>
  s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

/** A text[] literal for COPY: each element double-quoted, then COPY-escaped. */
const copyArray = (xs: readonly string[] | undefined): string =>
  !xs || xs.length === 0 ? '{}' : copyText(`{${xs.map((x) => `"${x.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`);

/** One COPY line; `timeText` formats times, caching them (the parameters of one instant share it). */
const copyLine = (r: ReadingInsert, timeText: (d: Date) => string): string =>
  `${r.stationId}\t${copyText(r.parameter)}\t${timeText(r.time)}\t${r.value}\t${r.deviceStatus}\t${copyArray(r.qcReasons)}\t${r.fileId ?? '\\N'}\n`;

type CopyConnection = { sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void };
type CopyQuery = pg.Query & { handleCopyInResponse(connection: CopyConnection): void };

/**
 * `COPY reading … FROM STDIN` of the rows on an open client (node-pg's protocol hooks; no extra package). Lines are
 * built as the data is sent (~64 KB CopyData messages), so the server starts on the first rows while later ones are
 * still being formatted.
 */
function copyFromStdin(client: pg.PoolClient, sql: string, rows: readonly ReadingInsert[]): Promise<number> {
  const times = new Map<number, string>();
  const timeText = (d: Date) => {
    const ms = d.getTime();
    let t = times.get(ms);
    if (t === undefined) {
      t = d.toISOString();
      times.set(ms, t);
    }
    return t;
  };
  return new Promise<number>((resolve, reject) => {
    const q = new pg.Query(sql, undefined, (err: Error | undefined, res: { rowCount: number | null } | undefined) =>
      err ? reject(err) : resolve(res?.rowCount ?? 0),
    ) as CopyQuery;
    q.handleCopyInResponse = (connection) => {
      let chunk = '';
      for (const r of rows) {
        chunk += copyLine(r, timeText);
        if (chunk.length >= 65_536) {
          connection.sendCopyFromChunk(Buffer.from(chunk));
          chunk = '';
        }
      }
      if (chunk.length > 0) connection.sendCopyFromChunk(Buffer.from(chunk));
      connection.endCopyFrom();
    };
    client.query(q);
  });
}

/**
 * True when none of the rows can collide: no key twice among them and, per (station, parameter), nothing stored in
 * their time span (one index probe each). Then a plain COPY inserts every row.
 */
async function copyIsSafe(client: pg.PoolClient, rows: readonly ReadingInsert[]): Promise<boolean> {
  const spans = new Map<string, { s: number; p: string; lo: number; hi: number; keys: Set<number> }>();
  for (const r of rows) {
    const k = `${r.stationId}|${r.parameter}`;
    const t = r.time.getTime();
    let g = spans.get(k);
    if (!g) {
      g = { s: r.stationId, p: r.parameter, lo: t, hi: t, keys: new Set() };
      spans.set(k, g);
    }
    if (g.keys.has(t)) return false;
    g.keys.add(t);
    if (t < g.lo) g.lo = t;
    if (t > g.hi) g.hi = t;
  }
  const groups = [...spans.values()];
  const res = await client.query<{ taken: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM unnest($1::int[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS g(s, p, lo, hi)
       WHERE EXISTS (SELECT 1 FROM reading r WHERE r.station_id = g.s AND r.parameter = g.p AND r.time >= g.lo AND r.time <= g.hi)
     ) AS taken`,
    [
      groups.map((g) => g.s),
      groups.map((g) => g.p),
      groups.map((g) => new Date(g.lo)),
      groups.map((g) => new Date(g.hi)),
    ],
  );
  return res.rows[0]?.taken === false;
}

/**
 * Bulk path (also used by the demo seed for history): insert-if-absent; same value again = duplicate no-op; different
 * value = keep first, record a reading_conflict row. Creates month partitions as needed. One transaction per batch.
 * A batch that cannot collide with stored rows (the usual case for history and new data) goes in with COPY; otherwise,
 * or if a concurrent writer got there first, it takes the insert-if-absent path.
 */
export async function insertReadings(rows: ReadingInsert[]): Promise<InsertReadingsResult> {
  if (rows.length === 0) return { inserted: 0, duplicates: 0, conflicts: 0 };
  await ensurePartitions(rows.map((r) => r.time));
  const total = { inserted: 0, duplicates: 0, conflicts: 0 };
  const add = (s: InsertReadingsResult) => {
    total.inserted += s.inserted;
    total.duplicates += s.duplicates;
    total.conflicts += s.conflicts;
  };
  const client = await pool().connect();
  const viaInsert = async (part: readonly ReadingInsert[]) => {
    for (let start = 0; start < part.length; start += BATCH) {
      add(
        summariseFates(await inTransaction(client, () => insertReadingsOn(client, part.slice(start, start + BATCH)))),
      );
    }
  };
  try {
    if (rows.length < COPY_MIN_ROWS) {
      await viaInsert(rows);
      return total;
    }
    for (let start = 0; start < rows.length; start += COPY_BATCH) {
      const part = rows.slice(start, start + COPY_BATCH);
      let copied: number | null = null;
      try {
        copied = await inTransaction(client, async () => {
          if (!(await copyIsSafe(client, part))) return null;
          return copyFromStdin(
            client,
            'COPY reading (station_id, parameter, time, value, device_status, qc_reasons, file_id) FROM STDIN',
            part,
          );
        });
      } catch (e) {
        // 23505: a concurrent writer stored one of these keys after the check; the insert-if-absent path sorts it out.
        if ((e as { code?: string }).code !== '23505') throw e;
      }
      if (copied === part.length) add({ inserted: copied, duplicates: 0, conflicts: 0 });
      else await viaInsert(part);
    }
  } finally {
    client.release();
  }
  return total;
}

export type RawReadingRow = { time: Date; value: number; deviceStatus: string; qcFlag: number; qcReasons: string[] };
/** A stored reading with its parameter, for reads that span parameters. */
export type ParameterReadingRow = { parameter: string } & RawReadingRow;

/**
 * The select list of a RawReadingRow from `reading` (as `alias` when given), each column named as its field: rows
 * need no mapping (a chart read returns up to 100,000 of them).
 */
export function rawReadingColumns(alias?: string): string {
  const c = alias ? `${alias}.` : '';
  return `${c}time, ${c}value, ${c}device_status AS "deviceStatus", ${c}qc_flag AS "qcFlag", COALESCE(${c}qc_reasons, '{}') AS "qcReasons"`;
}

/** Raw readings of one parameter in [from, to), ordered by time. */
export async function listRawReadings(
  stationId: number,
  parameter: string,
  from: Date,
  to: Date,
  limit = 100_000,
): Promise<RawReadingRow[]> {
  const r = await pool().query<RawReadingRow>(
    `SELECT ${rawReadingColumns()} FROM reading
     WHERE station_id = $1 AND parameter = $2 AND time >= $3 AND time < $4
     ORDER BY time LIMIT $5`,
    [stationId, parameter, from, to, Math.max(0, Math.floor(limit))],
  );
  return r.rows;
}

/**
 * The newest reading of each enabled parameter of the station, never a clock-ahead one (a logger clock set forward must
 * not hide the current value): one index probe per parameter. The recent months are
 * tried first (partition pruning keeps it to one or two partitions); only a parameter silent for longer falls back to
 * probing every month.
 */
export async function latestReadings(stationId: number): Promise<ParameterReadingRow[]> {
  const r = await pool().query<ParameterReadingRow>(
    `SELECT sp.parameter, ${rawReadingColumns('l')}
     FROM station_parameter sp
     CROSS JOIN LATERAL (
       (SELECT time, value, device_status, qc_flag, qc_reasons FROM reading
        WHERE station_id = sp.station_id AND parameter = sp.parameter AND time >= now() - interval '40 days'
          AND NOT ('clock_ahead' = ANY(COALESCE(qc_reasons, '{}')))
        ORDER BY time DESC LIMIT 1)
       UNION ALL
       (SELECT time, value, device_status, qc_flag, qc_reasons FROM reading
        WHERE station_id = sp.station_id AND parameter = sp.parameter
          AND NOT ('clock_ahead' = ANY(COALESCE(qc_reasons, '{}')))
        ORDER BY time DESC LIMIT 1)
       LIMIT 1
     ) l
     WHERE sp.station_id = $1 AND sp.enabled
     ORDER BY sp.id`,
    [stationId],
  );
  return r.rows;
}
