/**
 * The alert engine against real PostgreSQL: files → recompute → 'derived' → alerts open, repeat, resolve; one active
 * alert per key; late data reopen / resolve by recompute; maintenance suppresses; offline opens and closes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addReadings, makeFacility, makeStation, touchStation, uid, vn } from './api-fixtures';
import { disconnectDb, pool } from '@/lib/db/client';
import { findStationByCode } from '@/lib/db/stations';
import { formatCompactLocalTime } from '@/lib/domain/time';
import { evaluateConnectivity, evaluateStationHour } from '@/lib/services/alerts';
import { createMaintenanceWindow, getAlert, listAlerts, type AlertView } from '@/lib/services/alerts';
import { ingestFile } from '@/lib/services/ingest';
import { ensureBuiltinLimits } from '@/lib/services/limits';
import { recomputeStationPeriod } from '@/lib/services/qc';
import { derivedJob } from '@/worker/jobs/derived';
import { derivedSteps } from '@/worker/jobs/derived-steps';
import { setStationLimitBinding } from '@/lib/services/stations';

const STAFF = { facilityId: null };
const H = 3_600_000;
const log = () => undefined;

async function stationId(code: string): Promise<number> {
  const s = await findStationByCode(code);
  if (!s) throw new Error('no station');
  return s.id;
}

async function alertsOf(code: string, kind?: AlertView['kind'], includeSuppressed = false): Promise<AlertView[]> {
  return (await listAlerts({ station: code, kind, includeSuppressed, limit: 100 }, STAFF)).items.sort((a, b) => a.id - b.id);
}

/** Runs only the alerts step of a derived job for the hour ending at `to`. */
async function derivedAlerts(id: number, to: Date, now: Date): Promise<void> {
  const step = derivedSteps.find((s) => s.name === 'alerts');
  if (!step) throw new Error('alerts step not registered');
  await step.run({ stationId: id, from: new Date(to.getTime() - H), to }, { log, now: () => now });
}

const fileTime = (d: Date) => formatCompactLocalTime(new Date(Math.floor(d.getTime() / 60_000) * 60_000));

async function ingest(fileCode: string, at: Date, lines: [string, number, string, string?][]): Promise<void> {
  const t = fileTime(at);
  const body = lines.map(([p, v, u, st]) => `${p}\t${v}\t${u}\t${t}\t${st ?? '00'}`).join('\r\n');
  const r = await ingestFile({ name: `BG_${fileCode}_${t}.txt`, bytes: Buffer.from(body), source: 'import', now: new Date(at.getTime() + 60_000) });
  expect(r.outcome).toBe('accepted');
}

beforeAll(async () => {
  await ensureBuiltinLimits();
});

afterAll(async () => {
  await disconnectDb();
});

describe('5-minute rules from ingested files', () => {
  it('episodes: instant exceedance opens at the first value beyond, confirms after 3, ends after 30 min clear; approaching stays below the limit; re-running is idempotent', async () => {
    const f = await makeFacility();
    const s = await makeStation(f.code); // COD max 100 (station fallback limit)
    const id = await stationId(s.code);
    // 10:05 … 10:55: one approaching value, three beyond the limit, then 35 minutes clear.
    const values = [90, 120, 140, 130, 50, 50, 50, 50, 50, 50, 50];
    for (const [i, v] of values.entries()) await ingest(s.fileCode, vn(`2026-03-10T10:${String(5 * (i + 1)).padStart(2, '0')}:00`), [['COD', v, 'mg/L']]);
    await recomputeStationPeriod(id, vn('2026-03-10T10:00:00'), vn('2026-03-10T11:00:00'), { enqueueDerived: false });
    const now = vn('2026-03-10T11:01:00');
    // The whole derived job (alerts + any other registered steps), as the worker runs it.
    await derivedJob({ stationId: id, from: vn('2026-03-10T10:00:00').toISOString(), to: vn('2026-03-10T11:00:00').toISOString() }, { log, now: () => now });

    const [instant, ...more] = await alertsOf(s.code, 'instant_exceedance');
    expect(more).toHaveLength(0);
    expect(instant).toMatchObject({ parameter: 'COD', state: 'resolved', count: 3, peakValue: 140, limit: 100, basis: '5min', confirmed: true, historical: false });
    expect(instant!.openedAt).toEqual(vn('2026-03-10T10:10:00'));
    expect(instant!.confirmedAt).toEqual(vn('2026-03-10T10:20:00'));
    expect(instant!.resolvedAt).toEqual(vn('2026-03-10T10:25:00'));
    expect(instant!.durationMs).toBe(15 * 60_000);
    expect((await getAlert(instant!.id, STAFF)).events.map((e) => e.type)).toEqual(['opened', 'repeat', 'repeat', 'resolved']);
    // Approaching is only the 90: the values beyond the limit are not "approaching"; it ended brief (under 15 min).
    const [approaching] = await alertsOf(s.code, 'approaching');
    expect(approaching).toMatchObject({ state: 'resolved', count: 1, peakValue: 90, confirmed: false });
    expect(approaching!.openedAt).toEqual(vn('2026-03-10T10:05:00'));

    await derivedAlerts(id, vn('2026-03-10T11:00:00'), now);
    const again = await alertsOf(s.code);
    expect(again).toHaveLength(2);
    expect(again.find((a) => a.kind === 'instant_exceedance')?.count).toBe(3);
  });

  it('data arriving more than 24 h late raise historical alerts; a brief exceedance stays listed unconfirmed', async () => {
    const f = await makeFacility();
    const s = await makeStation(f.code);
    const id = await stationId(s.code);
    for (const [i, v] of [50, 120, 130, 50].entries()) await ingest(s.fileCode, vn(`2026-03-10T10:${String(5 * (i + 1)).padStart(2, '0')}:00`), [['COD', v, 'mg/L']]);
    await recomputeStationPeriod(id, vn('2026-03-10T10:00:00'), vn('2026-03-10T11:00:00'), { enqueueDerived: false });
    await derivedAlerts(id, vn('2026-03-10T11:00:00'), vn('2026-03-11T11:00:01'));
    const [instant] = await alertsOf(s.code, 'instant_exceedance');
    expect(instant).toMatchObject({ state: 'open', count: 2, peakValue: 130, confirmed: false, historical: true });
    expect(instant!.openedAt).toEqual(vn('2026-03-10T10:10:00'));
  });

  it('device error (3 × status 02) and calibration longer than 2 h open and clear', async () => {
    const f = await makeFacility();
    const s = await makeStation(f.code);
    const id = await stationId(s.code);
    const start = vn('2026-03-11T08:00:00').getTime();
    const at = (i: number) => new Date(start + i * 5 * 60_000);
    await addReadings(s.code, 'TSS', [1, 2, 3].map((i) => ({ time: at(i), value: 0, status: '02' as const })));
    await addReadings(s.code, 'PH', Array.from({ length: 26 }, (_, i) => ({ time: at(i + 1), value: 7, status: '01' as const })));
    for (const end of [9, 10, 11].map((h) => vn(`2026-03-11T${String(h).padStart(2, '0')}:00:00`))) await derivedAlerts(id, end, new Date(end.getTime() + 60_000));
    const [dev] = await alertsOf(s.code, 'device_error');
    expect(dev).toMatchObject({ parameter: 'TSS', state: 'open', count: 1 });
    expect(dev!.openedAt).toEqual(at(3));
    const [cal] = await alertsOf(s.code, 'calibration_overrun');
    expect(cal).toMatchObject({ parameter: 'PH', state: 'open' });
    expect(cal!.openedAt).toEqual(at(25)); // 2 h after the first 01 reading (at(1))

    await addReadings(s.code, 'TSS', [{ time: at(27), value: 20 }]);
    await addReadings(s.code, 'PH', [{ time: at(27), value: 7 }]);
    await derivedAlerts(id, vn('2026-03-11T11:00:00'), vn('2026-03-11T11:00:00'));
    expect((await alertsOf(s.code, 'device_error'))[0]?.state).toBe('resolved');
    expect((await alertsOf(s.code, 'calibration_overrun'))[0]?.state).toBe('resolved');
  });
});

describe('compliance on the hourly basis (emission, QCVN 19:2009 B bound with coefficients)', () => {
  async function emissionStation() {
    const f = await makeFacility();
    const s = await makeStation(f.code, { kind: 'emission', parameters: [{ code: 'NOX' }, { code: 'SO2' }, { code: 'O2' }] });
    await setStationLimitBinding({ stationCode: s.code, standardCode: 'QCVN19:2009', column: 'B', coefficients: { kp: 1, kv: 1 }, actor: 'test' });
    return { ...s, id: await stationId(s.code) };
  }
  const hour = (h: number, n: number, value: number, startMin = 5) =>
    Array.from({ length: n }, (_, i) => ({ time: new Date(vn(`2026-03-12T${String(h - 1).padStart(2, '0')}:00:00`).getTime() + (startMin + 5 * i) * 60_000), value }));
  const endOf = (h: number) => vn(`2026-03-12T${String(h).padStart(2, '0')}:00:00`);

  it('opens pending review with average, completeness and derivation; repeats; resolves; late data reopen it', async () => {
    const s = await emissionStation();
    await addReadings(s.code, 'NOX', [...hour(10, 12, 900), ...hour(11, 12, 900), ...hour(12, 9, 800)]);
    for (const h of [10, 11, 12]) await derivedAlerts(s.id, endOf(h), new Date(endOf(h).getTime() + 5 * 60_000));

    let [a] = await alertsOf(s.code, 'compliance_exceedance');
    expect(a).toMatchObject({ parameter: 'NOX', state: 'resolved', count: 2, basis: '1h', limit: 850, averageValue: 900, disposition: 'pending_review', reopenedByRecompute: false, resolvedByRecompute: false });
    expect(a!.openedAt).toEqual(endOf(10));
    expect(a!.resolvedAt).toEqual(endOf(12));
    expect(a!.completeness).toBe(1);
    expect(a!.limitDerivation).toMatchObject({ standard: 'QCVN19:2009', column: 'B', coefficients: { kp: 1, kv: 1 }, base: { max: 850 } });

    // Three late readings of 2000 make hour 12 exceed: the clearing was wrong, the same alert reopens.
    await addReadings(s.code, 'NOX', hour(12, 3, 2000, 50));
    await derivedAlerts(s.id, endOf(12), endOf(15));
    [a] = await alertsOf(s.code, 'compliance_exceedance');
    expect(a).toMatchObject({ state: 'open', count: 3, reopenedByRecompute: true, resolvedAt: null, averageValue: 1100 });
    const detail = await getAlert(a!.id, STAFF);
    expect(detail.events.at(-1)).toMatchObject({ type: 'reopened', data: { byRecompute: true } });
  });

  it('a compliance exceedance follows its data: late readings update average and completeness of a resolved alert; a corrected period withdraws it; audited', async () => {
    const s = await emissionStation();
    await addReadings(s.code, 'SO2', [...hour(9, 9, 600), ...hour(10, 12, 100)]);
    for (const h of [9, 10]) await derivedAlerts(s.id, endOf(h), new Date(endOf(h).getTime() + 60_000));
    let [a] = await alertsOf(s.code, 'compliance_exceedance');
    expect(a).toMatchObject({ state: 'resolved', averageValue: 600, completeness: 0.75, count: 1 });

    await addReadings(s.code, 'SO2', hour(9, 3, 700, 50)); // (9 × 600 + 3 × 700) / 12 = 625
    await derivedAlerts(s.id, endOf(9), endOf(14));
    [a] = await alertsOf(s.code, 'compliance_exceedance');
    expect(a).toMatchObject({ state: 'resolved', averageValue: 625, completeness: 1, withdrawnAt: null });
    expect((await getAlert(a!.id, STAFF)).events.at(-1)).toMatchObject({ type: 'note', data: { reason: 'average recomputed', before: { completeness: 0.75 } } });

    // An overlay corrects the hour to 100 mg/Nm³: the period complies, the alert is withdrawn with the reason.
    await pool().query(`UPDATE reading SET value = 100 WHERE station_id = $1 AND parameter = 'SO2' AND time > $2 AND time <= $3`, [s.id, endOf(8), endOf(9)]);
    await derivedAlerts(s.id, endOf(9), endOf(15));
    [a] = await alertsOf(s.code, 'compliance_exceedance');
    expect(a).toMatchObject({ state: 'resolved', averageValue: 100, withdrawnReason: 'period_complies', resolvedByRecompute: true });
    expect(a!.withdrawnAt).toEqual(endOf(15));
    const audit = await pool().query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'alert' AND entity_id = $1 ORDER BY id`, [String(a!.id)]);
    expect(audit.rows.map((r) => r.action)).toEqual(['alert.recompute', 'alert.withdraw']);
    // Running it again changes nothing more.
    await derivedAlerts(s.id, endOf(9), endOf(16));
    expect((await pool().query(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'alert' AND entity_id = $1`, [String(a!.id)])).rows[0]).toEqual({ n: 2 });
  });

  it('an exceedance undone by late data resolves by recompute; one active alert per key is enforced by the database', async () => {
    const s = await emissionStation();
    await addReadings(s.code, 'SO2', hour(9, 9, 600));
    await derivedAlerts(s.id, endOf(9), new Date(endOf(9).getTime() + 60_000));
    let [a] = await alertsOf(s.code, 'compliance_exceedance');
    expect(a).toMatchObject({ state: 'open', parameter: 'SO2', limit: 500, count: 1 });

    await expect(
      pool().query(`INSERT INTO alert (station_id, parameter, kind, opened_at, last_seen_at) VALUES ($1, 'SO2', 'compliance_exceedance', now(), now())`, [s.id]),
    ).rejects.toThrow(/alert_one_active_key/);

    await addReadings(s.code, 'SO2', hour(9, 3, 0, 50)); // mean (9 × 600) / 12 = 450 ≤ 500
    await derivedAlerts(s.id, endOf(9), endOf(14));
    [a] = await alertsOf(s.code, 'compliance_exceedance');
    expect(a).toMatchObject({ state: 'resolved', resolvedByRecompute: true });
    expect((await getAlert(a!.id, STAFF)).events.at(-1)).toMatchObject({ type: 'resolved', data: { byRecompute: true } });
  });

  it('an incomplete hour decides nothing', async () => {
    const s = await emissionStation();
    await addReadings(s.code, 'NOX', hour(10, 8, 5000)); // 8 of 12 < 75 %
    await derivedAlerts(s.id, endOf(10), endOf(11));
    expect(await alertsOf(s.code, 'compliance_exceedance')).toEqual([]);
  });
});

describe('maintenance and connectivity', () => {
  it('alerts raised inside a maintenance window are stored suppressed and hidden from lists', async () => {
    const f = await makeFacility();
    const s = await makeStation(f.code);
    const id = await stationId(s.code);
    await createMaintenanceWindow({ stationCode: s.code, from: vn('2026-03-13T09:00:00'), to: vn('2026-03-13T12:00:00'), reason: 'thay điện cực', actor: 'test' });
    await addReadings(s.code, 'COD', [{ time: vn('2026-03-13T10:05:00'), value: 95 }]);
    await derivedAlerts(id, vn('2026-03-13T11:00:00'), vn('2026-03-13T10:06:00'));
    expect(await alertsOf(s.code, 'approaching')).toEqual([]);
    const [hidden] = await alertsOf(s.code, 'approaching', true);
    expect(hidden).toMatchObject({ suppressed: true, state: 'open' });
  });

  it('offline opens after interval + grace without files and resolves (back online) when files return', async () => {
    const f = await makeFacility();
    const s = await makeStation(f.code);
    const id = await stationId(s.code);
    const last = new Date(Date.now() - 60 * 60_000);
    await touchStation(s.code, last);
    const now = new Date();
    await evaluateConnectivity({ now, stationIds: [id] });
    await evaluateConnectivity({ now: new Date(now.getTime() + 60_000), stationIds: [id] });
    let [a] = await alertsOf(s.code, 'offline');
    expect(a).toMatchObject({ state: 'open', parameter: null, count: 1 });
    expect(a!.openedAt).toEqual(new Date(last.getTime() + 20 * 60_000));

    await touchStation(s.code, new Date(now.getTime() + 90_000));
    await evaluateConnectivity({ now: new Date(now.getTime() + 120_000), stationIds: [id] });
    [a] = await alertsOf(s.code, 'offline');
    expect(a!.state).toBe('resolved');
    expect((await getAlert(a!.id, STAFF)).events.at(-1)).toMatchObject({ type: 'resolved', data: { backOnline: true } });
  });
});

void uid;
void evaluateStationHour;
