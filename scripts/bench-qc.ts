/**
 * `npm run bench:qc` — QC and average maintenance figures (issue 4) against DATABASE_URL, on stations of its own:
 *  1. recompute one station-month from raw: 8 parameters × 8,640 readings (target ≤ 1 s), first pass and again;
 *  2. readings/s through QC + averages (first pass);
 *  3. ingest throughput with QC off vs on (each file's recompute job run as the worker does; target drop ≤ 30 %).
 * Options: --files N (default 400), --days N (default 30). Prints one line per figure.
 */
import 'dotenv/config';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

process.env.DEMO ??= '0';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : def;
  return Number.isFinite(v) && v > 0 ? v : def;
};

const PARAMS = ['FLOW', 'TEMP', 'PH', 'COD', 'TSS', 'NH4', 'TN', 'TP'] as const;
const BASE: Record<(typeof PARAMS)[number], number> = { FLOW: 120, TEMP: 28, PH: 7.2, COD: 45, TSS: 30, NH4: 3, TN: 12, TP: 2 };
const MIN = 60_000;

async function main(): Promise<void> {
  const { disconnectDb, pool } = await import('../lib/db/client');
  const { insertReadings } = await import('../lib/db/readings');
  const { createFacilityService } = await import('../lib/services/facilities');
  const { createStationService } = await import('../lib/services/stations');
  const { ingestFile } = await import('../lib/services/ingest-file');
  const { recomputeStationPeriod, runRecomputeJob } = await import('../lib/services/recompute');
  const { completeJob, RECOMPUTE_JOB } = await import('../lib/services/jobs');
  const { formatCompactLocalTime } = await import('../lib/domain/time');
  const { findParameter } = await import('../lib/domain/parameters');
  const unitOf = (p: string) => findParameter('wastewater', p)?.unit ?? '-';

  const run = Date.now().toString(36).toUpperCase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qt-bench-qc-'));
  const facility = await createFacilityService({ code: `BQC${run}`, name: `Bench QC ${run}` });
  const mkStation = async (suffix: string) => {
    const s = await createStationService({
      code: `BQC${run}_${suffix}`,
      fileCode: `BQC${run}_${suffix}`,
      name: `Bench ${suffix}`,
      kind: 'wastewater',
      facilityCode: facility.code,
      lat: 21.2,
      lon: 106.2,
      intervalMinutes: 5,
      graceMinutes: 15,
      activeFrom: new Date(0),
      parameters: PARAMS.map((code) => ({ code })),
    });
    return s;
  };
  // Noise with a few spikes and calibrations, so every test has work to do.
  let seed = 42;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const value = (p: (typeof PARAMS)[number], i: number) => {
    const base = BASE[p];
    if (i % 1009 === 0) return base * 20;
    return Number((base * (1 + 0.1 * Math.sin(i / 40) + 0.05 * (rnd() - 0.5))).toFixed(3));
  };

  // 1–2. One station-month from raw.
  const days = arg('days', 30);
  const month = await mkStation('M');
  const slots = days * 288;
  const start = Date.UTC(2025, 0, 1, 17, 5); // 2025-01-02 00:05 local
  const rows = [];
  for (let i = 0; i < slots; i++) {
    for (const p of PARAMS) {
      rows.push({ stationId: month.id, parameter: p, time: new Date(start + i * 5 * MIN), value: value(p, i), deviceStatus: i % 2000 === 7 ? ('01' as const) : ('00' as const), fileId: null });
    }
  }
  await insertReadings(rows);
  await pool().query('ANALYZE reading');
  const from = new Date(start - 5 * MIN);
  const to = new Date(start + (slots - 1) * 5 * MIN);
  let t0 = performance.now();
  const first = await recomputeStationPeriod(month.id, from, to, { enqueueDerived: false });
  const firstMs = performance.now() - t0;
  t0 = performance.now();
  const again = await recomputeStationPeriod(month.id, from, to, { enqueueDerived: false });
  const againMs = performance.now() - t0;
  console.log(`station-month from raw (${PARAMS.length} parameters × ${slots} readings = ${rows.length}): first pass ${firstMs.toFixed(0)} ms (${first.flagsChanged} flags written, ${first.hours} hours, ${first.days} days); recompute again ${againMs.toFixed(0)} ms (${again.flagsChanged} flags changed); target ≤ 1000 ms`);
  console.log(`QC + averages throughput: ${Math.round(rows.length / (firstMs / 1000))} readings/s (first pass), ${Math.round(rows.length / (againMs / 1000))} readings/s (recompute)`);

  // 3. Ingest with QC off vs on. One file per 5-minute slot, 8 parameters each, as a logger sends them.
  const files = arg('files', 400);
  const fileText = (t: number, i: number) =>
    Buffer.from(PARAMS.map((p) => `${p}\t${value(p, i)}\t${unitOf(p)}\t${formatCompactLocalTime(new Date(t))}\t00`).join('\r\n') + '\r\n');
  const ingestAll = async (suffix: string, withQc: boolean) => {
    const s = await mkStation(suffix);
    const fileCode = `BQC${run}_${suffix}`;
    const t1 = Date.UTC(2025, 2, 1, 17, 5);
    const began = performance.now();
    let jobs = 0;
    for (let i = 0; i < files; i++) {
      const t = t1 + i * 5 * MIN;
      const r = await ingestFile({ name: `BG_${fileCode}_${formatCompactLocalTime(new Date(t))}.txt`, bytes: fileText(t, i), source: 'api', dataDir, now: new Date(t + MIN) });
      if (r.outcome !== 'accepted') throw new Error(`bench file not accepted: ${r.outcome} ${r.reasons.join('; ')}`);
      if (!withQc) continue;
      // What the worker's job loop does for the job this file enqueued.
      const claimed = await pool().query<{ id: number; payload: unknown }>(
        `UPDATE job SET locked_at = now(), locked_by = 'bench', attempts = attempts + 1, dedupe_key = NULL
         WHERE id IN (SELECT id FROM job WHERE kind = $1 AND done_at IS NULL AND locked_at IS NULL AND payload->>'stationId' = $2 FOR UPDATE SKIP LOCKED)
         RETURNING id, payload`,
        [RECOMPUTE_JOB, String(s.id)],
      );
      for (const j of claimed.rows) {
        await runRecomputeJob(j.payload);
        await completeJob(j.id);
        jobs += 1;
      }
    }
    const ms = performance.now() - began;
    return { filesPerSec: files / (ms / 1000), readingsPerSec: (files * PARAMS.length) / (ms / 1000), jobs };
  };
  const off = await ingestAll('OFF', false);
  const on = await ingestAll('ON', true);
  const drop = 1 - on.filesPerSec / off.filesPerSec;
  console.log(`ingest, QC off: ${off.filesPerSec.toFixed(1)} files/s (${Math.round(off.readingsPerSec)} readings/s)`);
  console.log(`ingest, QC on : ${on.filesPerSec.toFixed(1)} files/s (${Math.round(on.readingsPerSec)} readings/s, ${on.jobs} recompute jobs)`);
  console.log(`throughput ratio on/off: ${(on.filesPerSec / off.filesPerSec).toFixed(2)} (drop ${(drop * 100).toFixed(1)} %; target ≤ 30 %)`);
  console.log(`(stations ${facility.code}_*: left in the database; their data are ordinary readings)`);
  await disconnectDb();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
