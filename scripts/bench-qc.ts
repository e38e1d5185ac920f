/**
 * `npm run bench:qc` — QC and average maintenance figures (issue 4) against DATABASE_URL, on stations of its own:
 *  1. recompute one station-month from raw: 8 parameters × 8,640 readings (target ≤ 1 s), first pass and again;
 *  2. readings/s through QC + averages (first pass);
 *  3. ingest throughput with QC off vs on (target drop ≤ 30 %), two ways:
 *     a. as the worker runs: 8 stations sending concurrently while a job loop (claim → recompute → complete, as
 *        worker/job-loop.ts does, limited to the bench's stations) runs beside ingest; the clock stops when every file
 *        is stored and, with QC on, every recompute job is done;
 *     b. worst case: one station, each file's recompute job run to completion before the next file is sent.
 * Options: --files N (3a, default 2000), --worst-files N (3b, default 200), --days N (default 30), --months N (1–2,
 * default 3: station-months measured one after another, median printed). One line per figure.
 */
import 'dotenv/config';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromLocalParts } from '../lib/domain/time';

process.env.DEMO ??= '0';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : def;
  return Number.isFinite(v) && v > 0 ? v : def;
};

const PARAMS = ['FLOW', 'TEMP', 'PH', 'COD', 'TSS', 'NH4', 'TN', 'TP'] as const;
const BASE: Record<(typeof PARAMS)[number], number> = {
  FLOW: 120,
  TEMP: 28,
  PH: 7.2,
  COD: 45,
  TSS: 30,
  NH4: 3,
  TN: 12,
  TP: 2,
};
const MIN = 60_000;

async function main(): Promise<void> {
  const { disconnectDb, pool } = await import('../lib/db/client');
  const { insertReadings } = await import('../lib/db/readings');
  const { createFacilityService } = await import('../lib/services/accounts');
  const { createStationService } = await import('../lib/services/stations');
  const { ingestFile } = await import('../lib/services/ingest');
  const { recomputeStationPeriod, runRecomputeJob } = await import('../lib/services/qc');
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

  const cpus = os.cpus();
  console.log(
    `bench:qc: ${cpus.length} × ${cpus[0]?.model ?? '?'}, load ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );

  // CPU time of this process and of this database's PostgreSQL backends (/proc, same machine only): unlike wall time,
  // it hardly depends on what else the machine is running.
  const pgBackendCpuMs = async (): Promise<number | null> => {
    const r = await pool().query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
    );
    let ms = 0;
    for (const { pid } of r.rows) {
      try {
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        ms += ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in USER_HZ (100) ticks
      } catch {
        return null; // PostgreSQL on another machine
      }
    }
    return ms;
  };
  const cpuNow = async () => ({ node: process.cpuUsage(), pg: await pgBackendCpuMs() });
  const cpuSince = async (c: Awaited<ReturnType<typeof cpuNow>>) => {
    const n = process.cpuUsage(c.node);
    const pg = await pgBackendCpuMs();
    const nodeMs = (n.user + n.system) / 1000;
    return pg === null || c.pg === null
      ? `node ${nodeMs.toFixed(0)} ms`
      : `node ${nodeMs.toFixed(0)} ms + PostgreSQL ${(pg - c.pg).toFixed(0)} ms = ${(nodeMs + pg - c.pg).toFixed(0)} ms`;
  };

  // 1–2. Station-months from raw: --months of them (default 3), each on a station of its own, so a single pass that
  // meets autovacuum or a checkpoint shows as one figure among several; the median is the one to quote.
  const days = arg('days', 30);
  const months = arg('months', 3);
  const slots = days * 288;
  const start = fromLocalParts({ year: 2025, month: 1, day: 2, minute: 5 }).getTime();
  const from = new Date(start - 5 * MIN);
  const to = new Date(start + (slots - 1) * 5 * MIN);
  const readingsPerMonth = slots * PARAMS.length;
  const firsts: number[] = [];
  const agains: number[] = [];
  for (let m = 0; m < months; m++) {
    const month = await mkStation(`M${m}`);
    const rows = [];
    for (let i = 0; i < slots; i++) {
      for (const p of PARAMS) {
        rows.push({
          stationId: month.id,
          parameter: p,
          time: new Date(start + i * 5 * MIN),
          value: value(p, i),
          deviceStatus: i % 2000 === 7 ? ('01' as const) : ('00' as const),
          fileId: null,
        });
      }
    }
    await insertReadings(rows);
    await pool().query('ANALYZE reading');
    let c0 = await cpuNow();
    let t0 = performance.now();
    const first = await recomputeStationPeriod(month.id, from, to, { enqueueDerived: false });
    const firstMs = performance.now() - t0;
    const firstCpu = await cpuSince(c0);
    c0 = await cpuNow();
    t0 = performance.now();
    const again = await recomputeStationPeriod(month.id, from, to, { enqueueDerived: false });
    const againMs = performance.now() - t0;
    const againCpu = await cpuSince(c0);
    firsts.push(firstMs);
    agains.push(againMs);
    console.log(
      `station-month ${m + 1}/${months} from raw (${PARAMS.length} parameters × ${slots} readings = ${rows.length}): first pass ${firstMs.toFixed(0)} ms (${first.flagsChanged} flags written, ${first.hours} hours, ${first.days} days); recompute again ${againMs.toFixed(0)} ms (${again.flagsChanged} flags changed)`,
    );
    console.log(`  CPU time (what a quiet machine's wall time approaches): first pass ${firstCpu}; again ${againCpu}`);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const firstMs = median(firsts);
  const againMs = median(agains);
  console.log(
    `station-month from raw, median of ${months}: first pass ${firstMs.toFixed(0)} ms (range ${Math.min(...firsts).toFixed(0)}–${Math.max(...firsts).toFixed(0)}), recompute again ${againMs.toFixed(0)} ms (range ${Math.min(...agains).toFixed(0)}–${Math.max(...agains).toFixed(0)}); target ≤ 1000 ms`,
  );
  console.log(
    `QC + averages throughput: ${Math.round(readingsPerMonth / (firstMs / 1000))} readings/s (first pass), ${Math.round(readingsPerMonth / (againMs / 1000))} readings/s (recompute)`,
  );

  // 3. Ingest with QC off vs on. One file per 5-minute slot, 8 parameters each, as a logger sends them.
  const files = arg('files', 2000);
  // The worst case runs one recompute per file: fewer files keep it short.
  const worstFiles = arg('worst-files', 200);
  const fileText = (t: number, i: number) =>
    Buffer.from(
      PARAMS.map((p) => `${p}\t${value(p, i)}\t${unitOf(p)}\t${formatCompactLocalTime(new Date(t))}\t00`).join('\r\n') +
        '\r\n',
    );
  const ingestAll = async (suffix: string, withQc: boolean) => {
    const s = await mkStation(suffix);
    const fileCode = `BQC${run}_${suffix}`;
    const t1 = fromLocalParts({ year: 2025, month: 3, day: 2, minute: 5 }).getTime();
    const began = performance.now();
    let jobs = 0;
    for (let i = 0; i < worstFiles; i++) {
      const t = t1 + i * 5 * MIN;
      const r = await ingestFile({
        name: `BG_${fileCode}_${formatCompactLocalTime(new Date(t))}.txt`,
        bytes: fileText(t, i),
        source: 'api',
        dataDir,
        now: new Date(t + MIN),
      });
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
    return { filesPerSec: worstFiles / (ms / 1000), readingsPerSec: (worstFiles * PARAMS.length) / (ms / 1000), jobs };
  };

  /** 3a: STREAMS stations send concurrently; with QC, a job loop runs beside ingest until the queue is empty. */
  const STREAMS = 8;
  const ingestConcurrent = async (suffix: string, withQc: boolean) => {
    const stations = await Promise.all(Array.from({ length: STREAMS }, (_, k) => mkStation(`${suffix}${k}`)));
    const ids = stations.map((s) => String(s.id));
    const t1 = fromLocalParts({ year: 2025, month: 4, day: 2, minute: 5 }).getTime();
    const perStation = Math.ceil(files / STREAMS);
    let sending = true;
    let jobs = 0;
    const c1 = await cpuNow();
    const began = performance.now();
    const loop = withQc
      ? (async () => {
          for (;;) {
            const claimed = await pool().query<{ id: number; payload: unknown }>(
              `UPDATE job SET locked_at = now(), locked_by = 'bench', attempts = attempts + 1, dedupe_key = NULL
               WHERE id IN (SELECT id FROM job WHERE kind = $1 AND done_at IS NULL AND locked_at IS NULL AND run_at <= now()
                 AND payload->>'stationId' = ANY($2::text[]) ORDER BY run_at, id LIMIT 20 FOR UPDATE SKIP LOCKED)
               RETURNING id, payload`,
              [RECOMPUTE_JOB, ids],
            );
            for (const j of claimed.rows) {
              await runRecomputeJob(j.payload);
              await completeJob(j.id);
              jobs += 1;
            }
            if (claimed.rows.length === 0) {
              if (!sending) {
                // Done when no job of these stations is left, including ones not yet due (ingest debounces them).
                const left = await pool().query<{ n: number }>(
                  `SELECT count(*)::int AS n FROM job WHERE kind = $1 AND done_at IS NULL AND payload->>'stationId' = ANY($2::text[])`,
                  [RECOMPUTE_JOB, ids],
                );
                if (left.rows[0]!.n === 0) return;
              }
              await new Promise((r) => setTimeout(r, 200));
            }
          }
        })()
      : Promise.resolve();
    await Promise.all(
      stations.map(async (s, k) => {
        for (let i = 0; i < perStation; i++) {
          const t = t1 + i * 5 * MIN;
          const name = `BG_${s.code}_${formatCompactLocalTime(new Date(t))}.txt`;
          const r = await ingestFile({
            name,
            bytes: fileText(t, i + k),
            source: 'api',
            dataDir,
            now: new Date(t + MIN),
          });
          if (r.outcome !== 'accepted')
            throw new Error(`bench file not accepted: ${r.outcome} ${r.reasons.join('; ')}`);
        }
      }),
    );
    sending = false;
    await loop;
    const ms = performance.now() - began;
    const cpu = await cpuSince(c1);
    const n = perStation * STREAMS;
    return { filesPerSec: n / (ms / 1000), readingsPerSec: (n * PARAMS.length) / (ms / 1000), jobs, cpu, files: n };
  };

  const cOff = await ingestConcurrent('COFF', false);
  const cOn = await ingestConcurrent('CON', true);
  const cDrop = 1 - cOn.filesPerSec / cOff.filesPerSec;
  console.log(
    `ingest as the worker runs it (${STREAMS} stations concurrently, job loop beside ingest), QC off: ${cOff.filesPerSec.toFixed(1)} files/s (${Math.round(cOff.readingsPerSec)} readings/s); CPU for ${cOff.files} files: ${cOff.cpu}`,
  );
  console.log(
    `ingest as the worker runs it, QC on (until every recompute job is done): ${cOn.filesPerSec.toFixed(1)} files/s (${Math.round(cOn.readingsPerSec)} readings/s, ${cOn.jobs} recompute jobs after coalescing); CPU for ${cOn.files} files: ${cOn.cpu}`,
  );
  console.log(
    `throughput ratio on/off: ${(cOn.filesPerSec / cOff.filesPerSec).toFixed(2)} (drop ${(cDrop * 100).toFixed(1)} %; target ≤ 30 %)`,
  );

  const off = await ingestAll('OFF', false);
  const on = await ingestAll('ON', true);
  const drop = 1 - on.filesPerSec / off.filesPerSec;
  console.log(
    `worst case (1 station, each file's recompute job run before the next file), QC off: ${off.filesPerSec.toFixed(1)} files/s (${Math.round(off.readingsPerSec)} readings/s)`,
  );
  console.log(
    `worst case, QC on: ${on.filesPerSec.toFixed(1)} files/s (${Math.round(on.readingsPerSec)} readings/s, ${on.jobs} recompute jobs)`,
  );
  console.log(
    `worst-case throughput ratio on/off: ${(on.filesPerSec / off.filesPerSec).toFixed(2)} (drop ${(drop * 100).toFixed(1)} %)`,
  );
  console.log(`(stations ${facility.code}_*: left in the database; their data are ordinary readings)`);
  await disconnectDb();
  // The raw copies of the bench's files (the readings stay in the database, as said above).
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
