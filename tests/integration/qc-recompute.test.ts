import { afterAll, describe, expect, it } from 'vitest';
import { daysOf, drain, flagsOf, HOUR, hoursOf, ingestRows, MIN, newStation, series, vn, type Row } from './qc-support';
import { disconnectDb, pool } from '@/lib/db/client';
import { qcConfigFor, runQc } from '@/lib/domain/qc';
import { QC_FLAGS } from '@/lib/domain/qc-flags';
import { createOverlayService, revokeOverlayService } from '@/lib/services/qc';
import { recomputeStationPeriod, runRecomputeJob } from '@/lib/services/qc';
import { computeDaily } from '@/lib/domain/averages';
import { RECOMPUTE_JOB } from '@/lib/services/jobs';
import { jobLockTimeoutSeconds } from '@/lib/db/jobs';
import { claimPendingRecomputeJobs, completeCoalescedJobs, releaseCoalescedJobs } from '@/lib/db/qc';

afterAll(async () => {
  await disconnectDb();
});

const staff = { facilityId: null };

/** The flags runQc gives the whole stored series of a parameter: what hour-by-hour processing must reproduce. */
async function expectedFlags(stationId: number, parameter: string) {
  const r = await pool().query<{ time: Date; value: number; device_status: '00' | '01' | '02' | '03'; qc_reasons: string[] }>(
    `SELECT time, value, device_status, qc_reasons FROM reading WHERE station_id = $1 AND parameter = $2 ORDER BY time`,
    [stationId, parameter],
  );
  // Input reasons other than QC's own (clock_ahead) are kept by runQc; feed only those.
  const own = /^(gross_range|flat_line|spike|rate_of_change|zero|missing|device_)/;
  const s = r.rows.map((x) => ({ time: x.time.getTime(), value: x.value, deviceStatus: x.device_status, reasons: x.qc_reasons.filter((q) => !own.test(q)) }));
  return runQc(s, qcConfigFor('wastewater', parameter), { intervalMinutes: 5 }).map((res, i) => ({ parameter, time: s[i]!.time, flag: res.flag, reasons: res.reasons }));
}

describe('recompute job: QC flags', () => {
  it('writes flags and reasons, keeps ingest reasons, and equals runQc over the whole series', async () => {
    const st = await newStation();
    const cod: Row[] = series('2026-03-10T08:05:00', 24);
    cod[17] = { ...cod[17]!, value: 900 }; // 09:30 spike
    cod[20] = { ...cod[20]!, reasons: ['clock_ahead'] };
    const ph: Row[] = series('2026-03-10T08:05:00', 24, 7).map((r, i) => ({ ...r, value: 7 + (i % 5) * 0.1 }));
    ph[10] = { ...ph[10]!, value: 15 }; // outside the fail span 0–14
    ph[12] = { ...ph[12]!, status: '01', value: 4 }; // calibrating
    await ingestRows(st.id, 'COD', cod);
    await ingestRows(st.id, 'PH', ph);
    expect(await drain(st.id)).toBeGreaterThan(0);

    const flags = await flagsOf(st.id);
    const at = (p: string, t: Date) => flags.find((f) => f.parameter === p && f.time === t.getTime())!;
    expect(at('COD', cod[17]!.time)).toMatchObject({ flag: QC_FLAGS.fail });
    expect(at('COD', cod[17]!.time).reasons).toContain('spike_fail');
    expect(at('COD', cod[20]!.time).reasons).toContain('clock_ahead');
    expect(at('PH', ph[10]!.time).reasons).toContain('gross_range_fail');
    expect(at('PH', ph[12]!.time)).toMatchObject({ flag: QC_FLAGS.not_evaluated, reasons: ['device_calibrating'] });
    // No measured reading is left unprocessed.
    expect(flags.filter((f) => f.flag === QC_FLAGS.not_evaluated && f.reasons.length === 0)).toEqual([]);
    expect(flags).toEqual([...(await expectedFlags(st.id, 'COD')), ...(await expectedFlags(st.id, 'PH'))]);

    // Follow-up work for the other engines: one 'derived' job per recomputed hour.
    const derived = await pool().query(`SELECT dedupe_key, payload FROM job WHERE kind = 'derived' AND payload->>'stationId' = $1`, [String(st.id)]);
    const keys = derived.rows.map((r) => r.dedupe_key as string);
    expect(keys).toContain(`derived:${st.id}:${vn('2026-03-10T10:00:00').toISOString()}`);
    expect(derived.rows[0].payload).toMatchObject({ stationId: st.id });
  });

  it('a late reading re-evaluates its predecessor in the previous hour (spike awaited its successor)', async () => {
    const st = await newStation();
    const rows = series('2026-03-12T08:05:00', 24); // … 10:00
    rows[23] = { ...rows[23]!, value: 900 }; // newest reading is a spike, successor unknown
    await ingestRows(st.id, 'COD', rows);
    await drain(st.id);
    const newest = rows[23]!.time.getTime();
    const before = (await flagsOf(st.id)).find((f) => f.time === newest)!;
    expect(before.flag).toBe(QC_FLAGS.good); // spike not evaluated yet: gross range etc. pass
    const hourBefore = (await hoursOf(st.id)).find((h) => h.hourEnd === newest)!;

    await ingestRows(st.id, 'COD', [{ time: vn('2026-03-12T10:05:00'), value: 51 }]);
    expect(await drain(st.id)).toBe(1); // only the job of the hour ending 11:00
    const after = (await flagsOf(st.id)).find((f) => f.time === newest)!;
    expect(after.flag).toBe(QC_FLAGS.fail);
    expect(after.reasons).toContain('spike_fail');
    const hourAfter = (await hoursOf(st.id)).find((h) => h.hourEnd === newest)!;
    expect(hourAfter.validCount).toBe(hourBefore.validCount - 1);
    expect(hourAfter.max).toBeLessThan(900);
    expect(await flagsOf(st.id)).toEqual(await expectedFlags(st.id, 'COD'));
  });

  it('a backlog of hourly jobs runs as one period (the first job takes over the others)', async () => {
    const st = await newStation();
    await ingestRows(st.id, 'COD', series('2026-03-14T00:05:00', 48 * 12));
    const pending = await pool().query(`SELECT count(*)::int AS n FROM job WHERE kind = 'recompute' AND done_at IS NULL AND payload->>'stationId' = $1`, [String(st.id)]);
    expect(pending.rows[0].n).toBe(48);
    expect(await drain(st.id)).toBe(1);
    expect((await hoursOf(st.id)).filter((h) => h.parameter === 'COD')).toHaveLength(48);
    expect((await daysOf(st.id)).map((d) => [d.day, d.validCount, d.complete])).toEqual([
      ['2026-03-14', 24, true],
      ['2026-03-15', 24, true],
    ]);
    const coalesced = await pool().query(
      `SELECT count(*)::int AS n FROM job WHERE kind = 'recompute' AND locked_by = 'coalesced' AND done_at IS NOT NULL AND locked_at IS NULL AND payload->>'stationId' = $1`,
      [String(st.id)],
    );
    expect(coalesced.rows[0].n).toBe(47);
  });

  it('coalesced jobs: claimed at once (no other worker takes them, dedupe key cleared), handed back on failure, done with the work', async () => {
    const st = await newStation();
    await ingestRows(st.id, 'COD', series('2026-03-16T00:05:00', 6 * 12));
    // Not due for an hour: job loops of other test files (they claim due jobs of every station) leave them alone, while
    // a recompute still coalesces them (never tried yet).
    await pool().query(`UPDATE job SET run_at = now() + interval '1 hour' WHERE kind = 'recompute' AND payload->>'stationId' = $1`, [
      String(st.id),
    ]);
    const jobs = async () =>
      (
        await pool().query<{ id: number; locked_by: string | null; locked: boolean; done: boolean; dedupe_key: string | null }>(
          `SELECT id, locked_by, locked_at IS NOT NULL AS locked, done_at IS NOT NULL AS done, dedupe_key FROM job
           WHERE kind = 'recompute' AND payload->>'stationId' = $1 ORDER BY id`,
          [String(st.id)],
        )
      ).rows;
    expect(await jobs()).toHaveLength(6);
    const claimed = await claimPendingRecomputeJobs(pool(), RECOMPUTE_JOB, st.id, vn('2026-03-16T03:00:00'), 2 * HOUR);
    // Hours ending 01:00 … 05:00 are within 2 h of 03:00.
    expect(claimed.map((c) => c.to)).toEqual(['01', '02', '03', '04', '05'].map((h) => vn(`2026-03-16T${h}:00:00`).toISOString()));
    const ids = claimed.map((c) => c.id);
    expect((await jobs()).filter((j) => ids.includes(j.id))).toEqual(
      ids.map((id) => ({ id, locked_by: 'coalescing', locked: true, done: false, dedupe_key: null })),
    );
    // Visible at once (read on another connection) as locked: by the job loop's claim condition, scoped to this station
    // (a real claim here would take other test files' jobs), only the job left could be taken once due.
    const claimable = await pool().query<{ id: number }>(
      `SELECT id FROM job WHERE kind = 'recompute' AND payload->>'stationId' = $1 AND done_at IS NULL
         AND (locked_at IS NULL OR locked_at < now() - make_interval(secs => $2)) ORDER BY id`,
      [String(st.id), jobLockTimeoutSeconds()],
    );
    const all = (await jobs()).map((j) => j.id);
    expect(claimable.rows.map((r) => r.id)).toEqual(all.filter((id) => !ids.includes(id)));
    expect(claimable.rows).toHaveLength(1);

    await releaseCoalescedJobs(pool(), ids);
    expect((await jobs()).filter((j) => ids.includes(j.id)).every((j) => !j.locked && !j.done)).toBe(true);
    const again = await claimPendingRecomputeJobs(pool(), RECOMPUTE_JOB, st.id, vn('2026-03-16T03:00:00'), 2 * HOUR);
    expect(again.map((c) => c.id)).toEqual(ids);
    await completeCoalescedJobs(pool(), ids);
    expect((await jobs()).filter((j) => ids.includes(j.id))).toEqual(
      ids.map((id) => ({ id, locked_by: 'coalesced', locked: false, done: true, dedupe_key: null })),
    );
  });
});

describe('recompute job: averages', () => {
  it('a job longer than one recompute (42 days, two parts): every daily mean equals the one computed from the stored hours', async () => {
    const st = await newStation();
    await ingestRows(st.id, 'COD', series('2026-04-01T00:05:00', 42 * 288), false);
    await recomputeStationPeriod(st.id, vn('2026-04-01T00:00:00'), vn('2026-04-01T12:00:00'), { enqueueDerived: false });
    // From noon: the first part (40 days) ends at noon on 11/05, a day the second part completes.
    const stats = await runRecomputeJob({
      stationId: st.id,
      from: vn('2026-04-01T12:00:00').toISOString(),
      to: vn('2026-05-13T00:00:00').toISOString(),
    });
    expect(stats?.hours).toBeGreaterThanOrEqual(42 * 24 - 12);
    const hours = await hoursOf(st.id);
    expect(hours).toHaveLength(42 * 24);
    const days = await daysOf(st.id);
    expect(days).toHaveLength(42);
    // Including the day where the first part ends: its hours come from both parts.
    const expected = computeDaily(hours, {}).map((d) => ({ parameter: 'COD', day: d.day, value: d.value, validCount: d.validCount, expectedCount: d.expectedCount, complete: d.complete, min: d.min, max: d.max }));
    expect(days).toEqual(expected);
    expect(days.every((d) => d.complete && d.validCount === 24)).toBe(true);
  });

  it('hourly completeness: 9 of 12 valid is complete, 8 of 12 is not; daily from complete hours', async () => {
    const st = await newStation();
    const h10 = series('2026-03-11T09:05:00', 12, 40); // hour ending 10:00
    const h11 = series('2026-03-11T10:05:00', 12, 60); // hour ending 11:00
    [0, 4, 8].forEach((i) => (h10[i] = { ...h10[i]!, status: '01', value: 500 }));
    [0, 3, 6, 9].forEach((i) => (h11[i] = { ...h11[i]!, status: '02', value: 500 }));
    await ingestRows(st.id, 'COD', [...h10, ...h11]);
    await drain(st.id);
    const hours = (await hoursOf(st.id)).filter((h) => h.parameter === 'COD');
    const valid10 = h10.filter((r) => r.status === undefined).map((r) => r.value);
    const valid11 = h11.filter((r) => r.status === undefined).map((r) => r.value);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(hours).toHaveLength(2);
    expect(hours[0]).toMatchObject({ hourEnd: vn('2026-03-11T10:00:00').getTime(), validCount: 9, expectedCount: 12, complete: true, min: Math.min(...valid10), max: Math.max(...valid10) });
    expect(hours[0]!.value).toBeCloseTo(mean(valid10), 9);
    expect(hours[1]).toMatchObject({ hourEnd: vn('2026-03-11T11:00:00').getTime(), validCount: 8, expectedCount: 12, complete: false });
    expect(hours[1]!.value).toBeCloseTo(mean(valid11), 9);
    const days = (await daysOf(st.id)).filter((d) => d.parameter === 'COD');
    expect(days).toHaveLength(1);
    expect(days[0]).toMatchObject({ day: '2026-03-11', validCount: 1, expectedCount: 24, complete: false });
    expect(days[0]!.value).toBeCloseTo(mean(valid10), 9);
  });

  it('overlays: invalidation lowers the valid count (and completeness), a later restore and a revoke give it back', async () => {
    const st = await newStation();
    const rows = series('2026-03-13T09:05:00', 12);
    await ingestRows(st.id, 'COD', rows);
    await ingestRows(st.id, 'TSS', series('2026-03-13T09:05:00', 12, 30));
    await drain(st.id);
    const label = vn('2026-03-13T10:00:00').getTime();
    const hour = async (p: string) => (await hoursOf(st.id)).find((h) => h.parameter === p && h.hourEnd === label)!;
    expect(await hour('COD')).toMatchObject({ validCount: 12, complete: true });

    // [09:30, 09:50) holds 09:30, 09:35, 09:40, 09:45: four readings, COD only.
    const inv = await createOverlayService(st.code, staff, { parameters: ['cod'], from: vn('2026-03-13T09:30:00'), to: vn('2026-03-13T09:50:00'), action: 'invalidate', reason: 'probe cleaning' }, 'test');
    await drain(st.id);
    expect(await hour('COD')).toMatchObject({ validCount: 8, complete: false });
    expect(await hour('TSS')).toMatchObject({ validCount: 12 });
    const remaining = rows.filter((r) => r.time < vn('2026-03-13T09:30:00') || r.time >= vn('2026-03-13T09:50:00')).map((r) => r.value);
    expect((await hour('COD')).value).toBeCloseTo(remaining.reduce((a, b) => a + b, 0) / remaining.length, 9);

    await createOverlayService(st.code, staff, { from: vn('2026-03-13T09:30:00'), to: vn('2026-03-13T09:35:00'), action: 'restore', reason: 'checked' }, 'test');
    await drain(st.id);
    expect(await hour('COD')).toMatchObject({ validCount: 9, complete: true });

    await revokeOverlayService(st.code, staff, inv.id, 'test');
    await drain(st.id);
    expect(await hour('COD')).toMatchObject({ validCount: 12, complete: true });
    // Raw values never change.
    const raw = await pool().query(`SELECT value FROM reading WHERE station_id = $1 AND parameter = 'COD' ORDER BY time`, [st.id]);
    expect(raw.rows.map((r) => r.value)).toEqual(rows.map((r) => r.value));
    const audit = await pool().query(`SELECT action FROM audit_log WHERE entity = 'overlay' AND entity_id = $1 ORDER BY id`, [String(inv.id)]);
    expect(audit.rows.map((r) => r.action)).toEqual(['overlay.invalidate', 'overlay.revoke']);
  });

  it('is reproducible: hour-by-hour in any order, a full recompute, and a recompute from raw give the same result', async () => {
    const st = await newStation();
    // Two days with noise, spikes, a flat stretch, device statuses and a gap.
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const rows: Row[] = [];
    const t0 = vn('2026-03-16T00:05:00').getTime();
    for (let i = 0; i < 2 * 288; i++) {
      if (i >= 300 && i < 310) continue; // 50-minute gap
      const status = rnd() < 0.03 ? ('01' as const) : '00';
      const value = i >= 100 && i < 150 ? 42 : i % 97 === 0 ? 800 : 40 + rnd() * 20;
      rows.push({ time: new Date(t0 + i * 5 * MIN), value, status });
    }
    await ingestRows(st.id, 'COD', rows, false);
    // Hour by hour in a shuffled order, like late files.
    const hours = [...new Set(rows.map((r) => Math.ceil(r.time.getTime() / HOUR) * HOUR))];
    for (let i = hours.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [hours[i], hours[j]] = [hours[j]!, hours[i]!];
    }
    for (const h of hours) await recomputeStationPeriod(st.id, new Date(h - HOUR), new Date(h), { enqueueDerived: false });
    const flags1 = await flagsOf(st.id);
    const hours1 = await hoursOf(st.id);
    const days1 = await daysOf(st.id);
    expect(flags1).toEqual(await expectedFlags(st.id, 'COD'));
    expect(flags1.some((f) => f.reasons.includes('flat_line_fail'))).toBe(true);
    expect(flags1.some((f) => f.reasons.includes('spike_fail'))).toBe(true);

    const from = vn('2026-03-16T00:00:00');
    const to = vn('2026-03-18T00:00:00');
    const again = await recomputeStationPeriod(st.id, from, to, { enqueueDerived: false });
    expect(again.flagsChanged).toBe(0);
    expect(await flagsOf(st.id)).toEqual(flags1);
    expect(await hoursOf(st.id)).toEqual(hours1);
    expect(await daysOf(st.id)).toEqual(days1);

    // From raw: forget every derived value, then one recompute.
    await pool().query(`UPDATE reading SET qc_flag = 2, qc_reasons = '{}' WHERE station_id = $1`, [st.id]);
    await pool().query(`DELETE FROM avg_hour WHERE station_id = $1`, [st.id]);
    await pool().query(`DELETE FROM avg_day WHERE station_id = $1`, [st.id]);
    await recomputeStationPeriod(st.id, from, to, { enqueueDerived: false });
    expect(await flagsOf(st.id)).toEqual(flags1);
    expect(await hoursOf(st.id)).toEqual(hours1);
    expect(await daysOf(st.id)).toEqual(days1);
  });
});
