import { DEFAULT_COMPLETE_RATIO, requiredCount, type HourlyAverage } from '../domain/averages';
import { pool } from './client';

/**
 * On-the-fly averages for the API until the averages engine (stored, incrementally maintained aggregates) exists.
 * Hour h (local time; Vietnam's offset is whole hours, so UTC hour boundaries are local ones) holds readings with time
 * in (h−1:00, h:00] and is labelled by its end. A reading counts when device_status = '00' and qc_flag is 1, 2 or 3:
 * not_evaluated (2) counts for now because QC does not run yet — once it does, only good (1) and suspect (3) count.
 */
export type HourlyBucket = {
  /** End of the hour (the label). */
  hourEnd: Date;
  /** Readings of any status in the hour. */
  receivedCount: number;
  validCount: number;
  mean: number | null;
  min: number | null;
  max: number | null;
};

type DbBucket = { label: Date; received: number; valid: number; mean: number | null; min: number | null; max: number | null };

const HOUR_MS = 3_600_000;

/** Hourly buckets with a label in [fromLabel, toLabel) that hold at least one reading, in label order. */
export async function listHourlyBuckets(stationId: number, parameter: string, fromLabel: Date, toLabel: Date): Promise<HourlyBucket[]> {
  const r = await pool().query<DbBucket>(
    `SELECT label, count(*)::int AS received, count(*) FILTER (WHERE ok)::int AS valid,
            avg(value) FILTER (WHERE ok) AS mean, min(value) FILTER (WHERE ok) AS min, max(value) FILTER (WHERE ok) AS max
     FROM (
       SELECT date_trunc('hour', time - interval '1 millisecond', 'UTC') + interval '1 hour' AS label, value,
              (device_status = '00' AND qc_flag IN (1, 2, 3)) AS ok
       FROM reading
       WHERE station_id = $1 AND parameter = $2 AND time > $3 AND time <= $4
     ) r
     GROUP BY label
     HAVING label >= $5 AND label < $6
     ORDER BY label`,
    [stationId, parameter, new Date(fromLabel.getTime() - HOUR_MS), toLabel, fromLabel, toLabel],
  );
  return r.rows.map((x) => ({
    hourEnd: x.label,
    receivedCount: x.received,
    validCount: x.valid,
    mean: x.mean,
    min: x.min,
    max: x.max,
  }));
}

/**
 * SQL buckets as the averages module's hourly averages (lib/domain/averages.ts decides expected counts and
 * completeness; its computeDaily / computeEightHour roll them up).
 */
export function toHourlyAverages(buckets: readonly HourlyBucket[], intervalMinutes: number, completeRatio = DEFAULT_COMPLETE_RATIO): HourlyAverage[] {
  const expected = intervalMinutes > 0 ? Math.floor(60 / intervalMinutes) : 0;
  const required = requiredCount(expected, completeRatio);
  return buckets.map((b) => ({
    hourEnd: b.hourEnd.getTime(),
    value: b.validCount > 0 ? b.mean : null,
    validCount: b.validCount,
    expectedCount: expected,
    complete: b.validCount > 0 && b.validCount >= required,
    min: b.validCount > 0 ? b.min : null,
    max: b.validCount > 0 ? b.max : null,
  }));
}
