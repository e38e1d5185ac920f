/**
 * Demo simulator: generates Circular-10 files for the demo stations (lib/services/demo-network.ts) and uploads them
 * over real FTP, one session per facility account, into `<fileCode>/YYYY/MM/DD/`, like dataloggers in the field.
 *
 *   npm run simulate -- [--live] [--backfill MIN] [--stations CODE,CODE] [--from ISO] [--to ISO] [--speed N] [--seed N]
 *                       [--ftp-host H] [--ftp-port P] [--out DIR] [--unit-style field|canonical]
 *
 * --live           every 5 minutes (aligned to the clock) send the current slot of every station; runs until stopped.
 * --backfill MIN   live mode: on start, also send the slots of the last MIN minutes (default 10), covering the time
 *                  between the demo seed and the simulator's start; slots already stored come back as duplicates.
 * --from/--to      replay mode (default: the last hour): every slot in [from, to).
 * --speed N        replay pace in simulated minutes per real second (1440 = a day per minute); 0 = as fast as
 *                  possible (default).
 * --seed N         other values than the demo history (default: the demo seeds, so live files continue the history).
 * --out DIR        write the files under DIR instead of uploading (same folder layout).
 * Events come from the seeded plan: exceedances, calibration (01), device errors (02), flat lines, spikes, gaps,
 * malformed lines, and link outages after which the held files are sent late in one burst. Unsent files (worker not
 * up yet, connection lost) stay queued and are retried with back-off, as a datalogger would.
 */
import 'dotenv/config';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { Client } from 'basic-ftp';
import { env } from '../lib/env';
import {
  floorToSlot,
  generateReadings,
  hashSeed,
  releasedLateSlots,
  renderFile,
  slotRng,
  slotTimes,
  SLOT_MINUTES,
  type SimStation,
} from '../lib/demo/simulation';
import { DEMO_FACILITIES, DEMO_PROVINCE_CODE, toSimStation } from '../lib/demo/network';
import { formatTime, localDayKey, parseIsoInstant } from '../lib/domain/time';

const SLOT_MS = SLOT_MINUTES * 60_000;
const MAX_PENDING = 20_000;
const log = (line: string) => console.log(`[simulate] ${line}`);

type Args = {
  live: boolean;
  stations: string[] | null;
  from: Date | null;
  to: Date | null;
  speed: number;
  seed: number | null;
  backfill: number;
  host: string;
  port: number;
  out: string | null;
  unitStyle: 'field' | 'canonical';
};

function fail(message: string): never {
  console.error(`simulate: ${message}`);
  process.exit(2);
}

function parseDate(label: string, v: string | undefined): Date | null {
  if (v === undefined) return null;
  // No offset = Vietnam local time, as everywhere in the product (not this machine's zone).
  return parseIsoInstant(v) ?? fail(`${label}: not an ISO 8601 date/time: ${v}`);
}

function parseNumber(label: string, v: string | undefined): number | null {
  if (v === undefined) return null;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) fail(`${label}: not a non-negative number: ${v}`);
  return n;
}

function readArgs(): Args {
  const { values } = parseArgs({
    options: {
      live: { type: 'boolean', default: false },
      stations: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      speed: { type: 'string' },
      seed: { type: 'string' },
      backfill: { type: 'string' },
      'ftp-host': { type: 'string' },
      'ftp-port': { type: 'string' },
      out: { type: 'string' },
      'unit-style': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(
      'npm run simulate -- [--live] [--backfill MIN] [--stations CODE,CODE] [--from ISO] [--to ISO] [--speed N] [--seed N] [--ftp-host H] [--ftp-port P] [--out DIR] [--unit-style field|canonical]',
    );
    process.exit(0);
  }
  const unitStyle = values['unit-style'] ?? 'field';
  if (unitStyle !== 'field' && unitStyle !== 'canonical') fail('--unit-style must be field or canonical');
  const needFtp = values.out === undefined;
  const cfg = needFtp && (values['ftp-host'] === undefined || values['ftp-port'] === undefined) ? env() : null;
  const host = values['ftp-host'] ?? (cfg && cfg.FTP_HOST !== '0.0.0.0' ? cfg.FTP_HOST : '127.0.0.1');
  return {
    live: values.live ?? false,
    stations: values.stations
      ? values.stations
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : null,
    from: parseDate('--from', values.from),
    to: parseDate('--to', values.to),
    speed: parseNumber('--speed', values.speed) ?? 0,
    seed: parseNumber('--seed', values.seed),
    backfill: parseNumber('--backfill', values.backfill) ?? 10,
    host,
    port: parseNumber('--ftp-port', values['ftp-port']) ?? cfg?.FTP_PORT ?? 2121,
    out: values.out ?? null,
    unitStyle,
  };
}

type Upload = { dir: string; name: string; content: string; late: boolean };
type Station = { sim: SimStation; facility: string };

/** Remote folder of a slot's file: `<fileCode>/YYYY/MM/DD` (local date). */
function remoteDir(sim: SimStation, t: Date): string {
  return `/${sim.fileCode}/${localDayKey(t).replaceAll('-', '/')}`;
}

function fileFor(sim: SimStation, t: Date, unitStyle: Args['unitStyle'], late: boolean): Upload | null {
  const data = generateReadings(sim, t, slotRng(sim, t));
  if (data.gap || data.readings.length === 0) return null;
  const f = renderFile(sim, t, data.readings, DEMO_PROVINCE_CODE, { unitStyle });
  return { dir: remoteDir(sim, t), name: f.name, content: f.content, late };
}

type SlotPlan = { uploads: Map<string, Upload[]>; files: number; late: number; held: number; gaps: number };

/** What every station sends at slot t: its current file (unless in a gap or link outage) plus released late files. */
function planSlot(stations: readonly Station[], t: Date, unitStyle: Args['unitStyle']): SlotPlan {
  const plan: SlotPlan = { uploads: new Map(), files: 0, late: 0, held: 0, gaps: 0 };
  for (const { sim, facility } of stations) {
    const list = plan.uploads.get(facility) ?? [];
    plan.uploads.set(facility, list);
    const data = generateReadings(sim, t, slotRng(sim, t));
    if (data.gap) plan.gaps++;
    else if (data.linkDown) plan.held++;
    else {
      const f = fileFor(sim, t, unitStyle, false);
      if (f) list.push(f);
    }
    for (const lt of releasedLateSlots(sim, t)) {
      const f = fileFor(sim, lt, unitStyle, true);
      if (f) {
        list.push(f);
        plan.late++;
      }
    }
  }
  for (const l of plan.uploads.values()) plan.files += l.length;
  return plan;
}

/** One FTP session per facility account; failed files stay queued and are retried (store and forward). */
class FacilityUploader {
  private client: Client | null = null;
  private readonly dirs = new Set<string>();
  private readonly pending: Upload[] = [];
  dropped = 0;

  constructor(
    readonly facility: string,
    private readonly account: { username: string; password: string },
    private readonly host: string,
    private readonly port: number,
  ) {}

  get queued(): number {
    return this.pending.length;
  }

  enqueue(files: readonly Upload[]): void {
    this.pending.push(...files);
    if (this.pending.length > MAX_PENDING)
      this.dropped += this.pending.splice(0, this.pending.length - MAX_PENDING).length;
  }

  private async connect(): Promise<Client> {
    if (this.client && !this.client.closed) return this.client;
    const c = new Client(15_000);
    await c.access({ host: this.host, port: this.port, user: this.account.username, password: this.account.password });
    this.client = c;
    this.dirs.clear();
    return c;
  }

  close(): void {
    this.client?.close();
    this.client = null;
  }

  /** Sends queued files in order; on an error closes the session and returns (the rest stays queued). */
  async flush(): Promise<{ sent: number; error: string | null }> {
    let sent = 0;
    try {
      while (this.pending.length > 0) {
        const f = this.pending[0]!;
        const c = await this.connect();
        if (!this.dirs.has(f.dir)) {
          await c.ensureDir(f.dir);
          this.dirs.add(f.dir);
        }
        await c.uploadFrom(Readable.from(Buffer.from(f.content, 'utf8')), `${f.dir}/${f.name}`);
        this.pending.shift();
        sent++;
      }
      return { sent, error: null };
    } catch (e) {
      this.close();
      return { sent, error: e instanceof Error ? e.message : String(e) };
    }
  }
}

class FolderWriter {
  constructor(private readonly root: string) {}
  async write(files: readonly Upload[]): Promise<number> {
    for (const f of files) {
      const dir = path.join(this.root, ...f.dir.split('/').filter(Boolean));
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, f.name), f.content);
    }
    return files.length;
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(resolve, Math.max(0, ms));
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });

function stamp(t: Date): string {
  return `${localDayKey(t)} ${formatTime(t)} +07`;
}

async function main(): Promise<void> {
  const args = readArgs();
  const stop = new AbortController();
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => stop.abort());

  const all: Station[] = DEMO_FACILITIES.flatMap((f) =>
    f.stations.map((s) => {
      const sim = toSimStation(s);
      return { facility: f.code, sim: args.seed === null ? sim : { ...sim, seed: hashSeed(args.seed, s.code) } };
    }),
  );
  const stations = args.stations
    ? all.filter((s) => args.stations!.includes(s.sim.code) || args.stations!.includes(s.sim.fileCode))
    : all;
  if (args.stations) {
    const unknown = args.stations.filter((c) => !all.some((s) => s.sim.code === c || s.sim.fileCode === c));
    if (unknown.length > 0) fail(`unknown station(s): ${unknown.join(', ')}`);
  }
  if (stations.length === 0) fail('no stations selected');

  const writer = args.out ? new FolderWriter(path.resolve(args.out)) : null;
  const uploaders = new Map<string, FacilityUploader>();
  for (const f of DEMO_FACILITIES) {
    if (stations.some((s) => s.facility === f.code))
      uploaders.set(f.code, new FacilityUploader(f.code, f.ftp, args.host, args.port));
  }
  const target = writer ? `folder ${args.out}` : `ftp://${args.host}:${args.port}`;

  /** Sends one batch; with `patienceMs`, retries failed sessions with back-off for that long. */
  const send = async (
    plan: SlotPlan,
    patienceMs: number,
  ): Promise<{ sent: number; pending: number; error: string | null }> => {
    if (writer) {
      const sent = await writer.write([...plan.uploads.values()].flat());
      return { sent, pending: 0, error: null };
    }
    for (const [facility, files] of plan.uploads) uploaders.get(facility)?.enqueue(files);
    let sent = 0;
    let error: string | null = null;
    let delay = 1000;
    const deadline = Date.now() + patienceMs;
    for (;;) {
      const results = await Promise.all([...uploaders.values()].map((u) => u.flush()));
      sent += results.reduce((a, r) => a + r.sent, 0);
      error = results.find((r) => r.error)?.error ?? null;
      if (!error || Date.now() + delay > deadline || stop.signal.aborted) break;
      await sleep(delay, stop.signal);
      delay = Math.min(30_000, delay * 2);
    }
    const pending = [...uploaders.values()].reduce((a, u) => a + u.queued, 0);
    return { sent, pending, error };
  };

  const report = (t: Date, plan: SlotPlan, r: { sent: number; pending: number; error: string | null }, ms: number) => {
    const parts = [`${stamp(t)}: ${r.sent} files sent`];
    if (plan.late) parts.push(`${plan.late} late`);
    if (plan.held) parts.push(`${plan.held} held (link down)`);
    if (plan.gaps) parts.push(`${plan.gaps} in a gap`);
    if (r.pending) parts.push(`${r.pending} queued for retry`);
    let line = `${parts.join(', ')} (${ms} ms)`;
    if (r.error) line += ` — ${target}: ${r.error}`;
    log(line);
  };

  try {
    if (args.live) {
      log(`live: ${stations.length} stations → ${target}, a file per station every ${SLOT_MINUTES} minutes`);
      let next = floorToSlot(new Date(Date.now() - args.backfill * 60_000)).getTime();
      while (!stop.signal.aborted) {
        const current = floorToSlot(new Date()).getTime();
        // After a pause (laptop sleep) send the missed slots too, at most an hour of them.
        const from = Math.max(next, current - Math.max(11, Math.ceil(args.backfill / SLOT_MINUTES)) * SLOT_MS);
        for (let t = from; t <= current && !stop.signal.aborted; t += SLOT_MS) {
          const started = Date.now();
          const plan = planSlot(stations, new Date(t), args.unitStyle);
          const r = await send(plan, 60_000);
          report(new Date(t), plan, r, Date.now() - started);
        }
        next = current + SLOT_MS;
        // Loggers send just after the slot closes.
        await sleep(next + 3_000 - Date.now(), stop.signal);
      }
    } else {
      const to = args.to ?? new Date();
      const from = args.from ?? new Date(to.getTime() - 3_600_000);
      if (from >= to) fail('--from must be before --to');
      const slots = slotTimes(from, to);
      log(
        `replay: ${slots.length} slots × ${stations.length} stations (${stamp(from)} → ${stamp(to)}) → ${target}${args.speed ? `, ${args.speed} simulated min/s` : ''}`,
      );
      const t0 = Date.now();
      let total = 0;
      for (const [i, t] of slots.entries()) {
        if (stop.signal.aborted) break;
        const started = Date.now();
        const plan = planSlot(stations, t, args.unitStyle);
        const r = await send(plan, 120_000);
        total += r.sent;
        report(t, plan, r, Date.now() - started);
        if (args.speed > 0) await sleep(t0 + ((i + 1) * SLOT_MINUTES * 1000) / args.speed - Date.now(), stop.signal);
      }
      const left = writer ? 0 : [...uploaders.values()].reduce((a, u) => a + u.queued, 0);
      log(
        `done: ${total} files in ${((Date.now() - t0) / 1000).toFixed(1)} s${left ? `, ${left} could not be sent` : ''}`,
      );
      if (left > 0) process.exitCode = 1;
    }
  } finally {
    for (const u of uploaders.values()) {
      if (u.dropped) log(`${u.facility}: ${u.dropped} files dropped (queue full)`);
      u.close();
    }
  }
}

main().catch((e: unknown) => {
  console.error(`simulate: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
