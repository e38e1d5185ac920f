/**
 * trend_warning alerts (issue 20) through the stored path: readings → lib/services/forecast evaluateTrendWarnings →
 * alert rows and events (lib/db/alerts), as an episode per DOMAIN.md §8.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addReadings, makeFacility, makeStation } from './api-fixtures';
import { pool } from '@/lib/db/client';
import { evaluateTrendWarnings } from '@/lib/services/forecast';

const MIN = 60_000;
const T = Date.parse('2026-11-02T10:00:00+07:00');
const OPTS = { horizonMinutes: 120, clearMinutes: 30 };

/** Readings every 5 minutes over (from, to], value = f(minutes after from). */
const series = (from: number, to: number, f: (m: number) => number) =>
  Array.from({ length: Math.round((to - from) / (5 * MIN)) }, (_, i) => ({ time: new Date(from + (i + 1) * 5 * MIN), value: f((i + 1) * 5) }));

async function alertsOf(code: string) {
  const r = await pool().query(
    `SELECT a.id, a.kind::text AS kind, a.state::text AS state, a.parameter, a.count, a.peak_value AS "peakValue", a.limit_value AS "limitValue",
            a.opened_at AS "openedAt", a.resolved_at AS "resolvedAt"
     FROM alert a JOIN station s ON s.id = a.station_id WHERE s.code = $1 AND a.kind = 'trend_warning' ORDER BY a.id`,
    [code],
  );
  return r.rows;
}

let rising: string;
let above: string;

beforeAll(async () => {
  const f = await makeFacility();
  // COD limit max 100 (the fixture's station).
  rising = (await makeStation(f.code)).code;
  above = (await makeStation(f.code)).code;
  await addReadings(rising, 'COD', series(T - 60 * MIN, T, (m) => 70 + (20 * m) / 60)); // 71.7 … 90, +20/h: 100 in 30 min
  await addReadings(above, 'COD', series(T - 60 * MIN, T, (m) => 101 + (20 * m) / 60)); // already beyond the limit
});

describe('trend warnings', () => {
  it('opens one episode when a valid trend reaches the limit within 2 h, never when the value is already beyond it', async () => {
    const s = await evaluateTrendWarnings(new Date(T), OPTS);
    expect(s.opened).toBe(1);
    const [a, ...more] = await alertsOf(rising);
    expect(more).toHaveLength(0);
    expect(a).toMatchObject({ kind: 'trend_warning', state: 'open', parameter: 'COD', count: 1, limitValue: 100 });
    expect(a.peakValue).toBeCloseTo(90, 6);
    expect(new Date(a.openedAt).getTime()).toBe(T);
    const ev = await pool().query(`SELECT type::text AS type, data FROM alert_event WHERE alert_id = $1`, [a.id]);
    expect(ev.rows).toEqual([{ type: 'opened', data: expect.objectContaining({ side: 'max', minutesToLimit: 30 }) }]);
    expect(await alertsOf(above)).toHaveLength(0);
  });

  it('repeats update the same episode (count, peak)', async () => {
    await addReadings(rising, 'COD', [{ time: new Date(T + 5 * MIN), value: 92 }]);
    const s = await evaluateTrendWarnings(new Date(T + 5 * MIN), OPTS);
    expect(s.repeated).toBe(1);
    const alerts = await alertsOf(rising);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ state: 'open', count: 2, peakValue: 92 });
  });

  it('resolves only after the trend has stayed clear for the clear time (30 min)', async () => {
    // The value levels off at 92: no trend any more.
    await addReadings(rising, 'COD', series(T + 5 * MIN, T + 90 * MIN, () => 92));
    await evaluateTrendWarnings(new Date(T + 90 * MIN - 1), { ...OPTS, clearMinutes: 24 * 60 });
    expect((await alertsOf(rising))[0].state).toBe('open');
    const s = await evaluateTrendWarnings(new Date(T + 90 * MIN), OPTS);
    expect(s.resolved).toBe(1);
    const [a] = await alertsOf(rising);
    expect(a.state).toBe('resolved');
    expect(new Date(a.resolvedAt).getTime()).toBe(T + 90 * MIN);
  });
});
