import type pg from 'pg';
import { pool } from './client';

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
const MONTH_MS_GUARD = 20 * 366 * 86_400_000;

/** Months (UTC "YYYY-MM") whose partition is known to exist in this process. */
const knownPartitions = new Set<string>();

function monthKey(d: Date): string {
  return d.toISOString().slice(0, 7);
}

/**
 * Creates missing monthly partitions for the rows' times (outside any caller transaction: partition DDL takes strong
 * locks). Times more than 20 years away from now are left to the default partition rather than creating a partition
 * for a logger whose clock is wildly off.
 */
export async function ensurePartitions(times: readonly Date[], now: Date = new Date()): Promise<void> {
  const wanted = new Map<string, Date>();
  for (const t of times) {
    if (Math.abs(t.getTime() - now.getTime()) > MONTH_MS_GUARD) continue;
    const k = monthKey(t);
    if (!knownPartitions.has(k) && !wanted.has(k)) wanted.set(k, t);
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

const creating = new Map<string, Promise<void>>();

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
const keyOf = (stationId: number, parameter: string, time: Date): Key => `${stationId}|${parameter}|${time.getTime()}`;

/**
 * Inserts on an open client (the caller owns the transaction; partitions must exist or rows go to the default one).
 * Insert-if-absent: an existing (station, parameter, time) with the same value is a duplicate no-op; with a different
 * value the stored one is kept and a reading_conflict row records the new one. Returns each row's fate in input order.
 */
export async function insertReadingsOn(client: pg.PoolClient | pg.Client, rows: readonly ReadingInsert[]): Promise<ReadingInsertFate[]> {
  const fates: ReadingInsertFate[] = [];
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const res = await client.query<{ station_id: number; parameter: string; time: Date }>(
      `INSERT INTO reading (station_id, parameter, time, value, device_status, qc_reasons, file_id)
       SELECT s, p, t, v, d, CASE WHEN q IS NULL THEN ARRAY[]::text[] ELSE ARRAY(SELECT jsonb_array_elements_text(q::jsonb)) END, f
       FROM unnest($1::int[], $2::text[], $3::timestamptz[], $4::float8[], $5::text[], $6::text[], $7::int[])
         AS i(s, p, t, v, d, q, f)
       ON CONFLICT (station_id, parameter, time) DO NOTHING
       RETURNING station_id, parameter, time`,
      [
        batch.map((r) => r.stationId),
        batch.map((r) => r.parameter),
        batch.map((r) => r.time),
        batch.map((r) => r.value),
        batch.map((r) => r.deviceStatus),
        batch.map((r) => (r.qcReasons && r.qcReasons.length > 0 ? JSON.stringify(r.qcReasons) : null)),
        batch.map((r) => r.fileId),
      ],
    );
    // A key may appear twice in one batch; RETURNING lists it once, so the first occurrence is the inserted one.
    const insertedKeys = new Set(res.rows.map((r) => keyOf(r.station_id, r.parameter, r.time)));
    const batchFates: (ReadingInsertFate | null)[] = batch.map((r) => {
      const k = keyOf(r.stationId, r.parameter, r.time);
      if (insertedKeys.has(k)) {
        insertedKeys.delete(k);
        return 'inserted';
      }
      return null;
    });
    const pending = batch.flatMap((r, i) => (batchFates[i] === null ? [{ r, i }] : []));
    if (pending.length > 0) {
      const stored = await client.query<{ station_id: number; parameter: string; time: Date; value: number }>(
        `SELECT r.station_id, r.parameter, r.time, r.value
         FROM unnest($1::int[], $2::text[], $3::timestamptz[]) AS i(s, p, t)
         JOIN reading r ON r.station_id = i.s AND r.parameter = i.p AND r.time = i.t`,
        [pending.map((x) => x.r.stationId), pending.map((x) => x.r.parameter), pending.map((x) => x.r.time)],
      );
      const storedValue = new Map(stored.rows.map((s) => [keyOf(s.station_id, s.parameter, s.time), s.value]));
      const conflicts: { r: ReadingInsert; storedValue: number }[] = [];
      for (const { r, i } of pending) {
        const sv = storedValue.get(keyOf(r.stationId, r.parameter, r.time));
        // Not visible would mean a concurrent insert not yet committed by another writer: call it a conflict to be
        // reviewed rather than claiming the values are equal.
        if (sv !== undefined && sameValue(sv, r.value)) batchFates[i] = 'duplicate';
        else {
          batchFates[i] = 'conflict';
          conflicts.push({ r, storedValue: sv ?? Number.NaN });
        }
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
    for (const f of batchFates) fates.push(f ?? 'conflict');
  }
  return fates;
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

/**
 * Bulk path (also used by the demo seed for history): insert-if-absent; same value again = duplicate no-op; different
 * value = keep first, record a reading_conflict row. Creates month partitions as needed. One transaction per batch.
 */
export async function insertReadings(rows: ReadingInsert[]): Promise<InsertReadingsResult> {
  if (rows.length === 0) return { inserted: 0, duplicates: 0, conflicts: 0 };
  await ensurePartitions(rows.map((r) => r.time));
  const total = { inserted: 0, duplicates: 0, conflicts: 0 };
  const client = await pool().connect();
  try {
    for (let start = 0; start < rows.length; start += BATCH) {
      await client.query('BEGIN');
      try {
        const s = summariseFates(await insertReadingsOn(client, rows.slice(start, start + BATCH)));
        await client.query('COMMIT');
        total.inserted += s.inserted;
        total.duplicates += s.duplicates;
        total.conflicts += s.conflicts;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    }
  } finally {
    client.release();
  }
  return total;
}

export type RawReadingRow = { time: Date; value: number; deviceStatus: string; qcFlag: number; qcReasons: string[] };

type DbReading = { time: Date; value: number; device_status: string; qc_flag: number; qc_reasons: string[] | null };

/** Raw readings of one parameter in [from, to), ordered by time. */
export async function listRawReadings(
  stationId: number,
  parameter: string,
  from: Date,
  to: Date,
  limit = 100_000,
): Promise<RawReadingRow[]> {
  const r = await pool().query<DbReading>(
    `SELECT time, value, device_status, qc_flag, qc_reasons FROM reading
     WHERE station_id = $1 AND parameter = $2 AND time >= $3 AND time < $4
     ORDER BY time LIMIT $5`,
    [stationId, parameter, from, to, Math.max(0, Math.floor(limit))],
  );
  return r.rows.map((x) => ({
    time: x.time,
    value: x.value,
    deviceStatus: x.device_status,
    qcFlag: x.qc_flag,
    qcReasons: x.qc_reasons ?? [],
  }));
}

export type LatestReading = {
  parameter: string;
  time: Date;
  value: number;
  deviceStatus: string;
  qcFlag: number;
  qcReasons: string[];
};

/**
 * The newest reading of each enabled parameter of the station: one index probe per parameter. The recent months are
 * tried first (partition pruning keeps it to one or two partitions); only a parameter silent for longer falls back to
 * probing every month.
 */
export async function latestReadings(stationId: number): Promise<LatestReading[]> {
  const r = await pool().query<DbReading & { parameter: string }>(
    `SELECT sp.parameter, l.time, l.value, l.device_status, l.qc_flag, l.qc_reasons
     FROM station_parameter sp
     CROSS JOIN LATERAL (
       (SELECT time, value, device_status, qc_flag, qc_reasons FROM reading
        WHERE station_id = sp.station_id AND parameter = sp.parameter AND time >= now() - interval '40 days'
        ORDER BY time DESC LIMIT 1)
       UNION ALL
       (SELECT time, value, device_status, qc_flag, qc_reasons FROM reading
        WHERE station_id = sp.station_id AND parameter = sp.parameter
        ORDER BY time DESC LIMIT 1)
       LIMIT 1
     ) l
     WHERE sp.station_id = $1 AND sp.enabled
     ORDER BY sp.id`,
    [stationId],
  );
  return r.rows.map((x) => ({
    parameter: x.parameter,
    time: x.time,
    value: x.value,
    deviceStatus: x.device_status,
    qcFlag: x.qc_flag,
    qcReasons: x.qc_reasons ?? [],
  }));
}
