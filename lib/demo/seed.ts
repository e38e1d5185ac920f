/**
 * Seeds the demo network (lib/services/demo-network.ts): facilities, stations, FTP accounts, users and `historyDays`
 * of 5-minute history from the simulator, stored through the bulk reading path. Idempotent: only what is missing is
 * created; a second run creates nothing and returns the same logins and accounts.
 */
import { createFacility, findFacilityByCode } from '../db/facilities';
import { createFtpAccount, findFtpAccountByUsername } from '../db/ftp-accounts';
import { insertJobs } from '../db/jobs';
import { insertReadings, type ReadingInsert } from '../db/readings';
import { createStation, findStationByCode, touchStationReceipt } from '../db/stations';
import { createUser, findUserByEmail, type Role } from '../db/users';
import { floorToSlot, generateReadings, slotRng, slotTimes, SLOT_MINUTES } from './simulation';
import { affectedHourEnds } from '../domain/time';
import {
  DEMO_FACILITIES,
  DEMO_USERS,
  demoFtpAccounts,
  demoLogins,
  toSimStation,
  type DemoStation,
} from './network';
import { RECOMPUTE_JOB, type RecomputePayload } from '../services/jobs';
import { hashPassword } from '../services/accounts';
import { env } from '../env';

export type SeedDemoResult = {
  created: boolean;
  facilities: number;
  stations: number;
  readings: number;
  logins: { email: string; password: string; role: Role }[];
  ftpAccounts: { username: string; password: string; facility: string }[];
};

const BATCH = 20_000;

export async function seedDemo(opts: {
  now: Date;
  historyDays?: number;
  log?: (line: string) => void;
}): Promise<SeedDemoResult> {
  const log = opts.log ?? (() => undefined);
  const historyDays = opts.historyDays ?? 7;
  const t0 = Date.now();
  const activeFrom = new Date(floorToSlot(opts.now).getTime() - historyDays * 86_400_000);
  let createdAny = false;

  const facilityIds = new Map<string, number>();
  const newStations: { id: number; def: DemoStation }[] = [];
  let stationCount = 0;
  const step = (label: string) => log(`demo seed: ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

  const missing: { def: DemoStation; facilityId: number }[] = [];
  for (const f of DEMO_FACILITIES) {
    let facility = await findFacilityByCode(f.code);
    if (!facility) {
      // The department's name is configurable (DEMO_DEPARTMENT): a province other than the demo's own.
      const name = f.code === 'STNMT' ? env().DEMO_DEPARTMENT : f.name;
      facility = await createFacility({ code: f.code, name, address: f.address });
      createdAny = true;
    }
    facilityIds.set(f.code, facility.id);
    for (const s of f.stations) {
      stationCount += 1;
      if (!(await findStationByCode(s.code))) missing.push({ def: s, facilityId: facility.id });
    }
  }
  // In parallel: each nested create is a few round trips (~0.2 s sequentially).
  const created = await Promise.all(
    missing.map(async ({ def: s, facilityId }) => {
      const sim = toSimStation(s);
      const row = await createStation({
        code: s.code,
        fileCode: s.fileCode,
        name: s.name,
        kind: s.kind,
        facilityId,
        lat: s.lat,
        lon: s.lon,
        intervalMinutes: SLOT_MINUTES,
        activeFrom,
        parameters: sim.parameters.map((p) => ({
          parameter: p.code,
          unit: p.unit,
          limitMin: p.limitMin ?? null,
          limitMax: p.limitMax ?? null,
        })),
      });
      return { id: row.id, def: s };
    }),
  );
  newStations.push(...created);
  if (created.length > 0) createdAny = true;
  if (newStations.length > 0) step(`${DEMO_FACILITIES.length} facilities and ${newStations.length} stations created`);

  // bcrypt (~0.2 s a hash, CPU) runs while the history insert waits on the database.
  let history: Promise<number> = Promise.resolve(0);
  if (newStations.length > 0 && historyDays > 0) {
    log(`demo seed: generating ${historyDays} day(s) of 5-minute history for ${newStations.length} stations…`);
    history = seedHistory(newStations, activeFrom, opts.now, log);
  }
  // Settled even if account creation throws first, so a failed insert never goes unhandled.
  const historySettled = history.then(
    (n) => ({ ok: true as const, n }),
    (e: unknown) => ({ ok: false as const, e }),
  );
  try {
    const accountsCreated = await createAccounts(facilityIds);
    if (accountsCreated > 0) {
      createdAny = true;
      step(`${accountsCreated} FTP accounts and users created`);
    }
  } finally {
    await historySettled;
  }

  const h = await historySettled;
  if (!h.ok) throw h.e;
  const readings = h.n;
  if (createdAny) log(`demo seed: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  return {
    created: createdAny,
    facilities: DEMO_FACILITIES.length,
    stations: stationCount,
    readings,
    logins: demoLogins(),
    ftpAccounts: demoFtpAccounts(),
  };
}

/** FTP accounts and users that do not exist yet; returns how many were created. */
async function createAccounts(facilityIds: ReadonlyMap<string, number>): Promise<number> {
  let created = 0;
  for (const f of DEMO_FACILITIES) {
    const facilityId = facilityIds.get(f.code);
    if (facilityId === undefined || (await findFtpAccountByUsername(f.ftp.username))) continue;
    await createFtpAccount({ username: f.ftp.username, passwordHash: await hashPassword(f.ftp.password), facilityId });
    created += 1;
  }
  // Demo users share one password: one hash serves them all.
  const hashes = new Map<string, string>();
  for (const u of DEMO_USERS) {
    if (await findUserByEmail(u.email)) continue;
    const facilityId = u.facilityCode ? (facilityIds.get(u.facilityCode) ?? null) : null;
    let hash = hashes.get(u.password);
    if (!hash) {
      hash = await hashPassword(u.password);
      hashes.set(u.password, hash);
    }
    await createUser({ email: u.email, name: u.name, passwordHash: hash, role: u.role, facilityId });
    created += 1;
  }
  return created;
}

/** Generates and bulk-inserts the history; returns the number of readings inserted. */
async function seedHistory(
  stations: { id: number; def: DemoStation }[],
  from: Date,
  now: Date,
  log: (line: string) => void,
): Promise<number> {
  // Slots up to and including the current one: the history ends where the live simulator takes over.
  const slots = slotTimes(from, new Date(floorToSlot(now).getTime() + 1));
  let buffer: ReadingInsert[] = [];
  let inserted = 0;
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  // Up to three batches in flight while the next is generated: the database does the work on its own cores.
  const flush = async () => {
    const rows = buffer;
    buffer = [];
    while (inFlight.size >= 3) await Promise.race(inFlight);
    if (failure) throw failure;
    const p: Promise<void> = insertReadings(rows).then(
      (r) => {
        inserted += r.inserted;
      },
      (e: unknown) => {
        failure ??= e;
      },
    );
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };

  let done = 0;
  for (const { id, def } of stations) {
    const sim = toSimStation(def);
    const known = new Set(sim.parameters.map((p) => p.code));
    let last: Date | null = null;
    for (const t of slots) {
      const slot = generateReadings(sim, t, slotRng(sim, t));
      if (slot.gap) continue;
      // Malformed lines would be rejected by the receiver: the history holds only what ingest would store.
      for (const r of slot.readings) {
        if (r.text !== undefined || r.extra || !known.has(r.parameter)) continue;
        buffer.push({
          stationId: id,
          parameter: r.parameter,
          time: t,
          value: r.value,
          deviceStatus: r.status,
          fileId: null,
        });
      }
      last = t;
      if (buffer.length >= BATCH) await flush();
    }
    if (last) await touchStationReceipt(id, last, last);
    // Same recompute jobs as ingest enqueues, so QC flags and aggregates of the history are derived like live data.
    const jobs = affectedHourEnds(slots).map((end) => {
      const payload: RecomputePayload = {
        stationId: id,
        from: new Date(end.getTime() - 3_600_000).toISOString(),
        to: end.toISOString(),
      };
      return { kind: RECOMPUTE_JOB, payload, dedupeKey: `${RECOMPUTE_JOB}:${id}:${payload.to}` };
    });
    await insertJobs(jobs);
    done += 1;
    if (done % 5 === 0 || done === stations.length)
      log(`demo seed: ${done}/${stations.length} stations generated, ${inserted} readings stored so far`);
  }
  if (buffer.length > 0) await flush();
  await Promise.all(inFlight);
  if (failure) throw failure;
  return inserted;
}
