/**
 * Test data for the browser specs, created through lib/db (no demo seed, nothing wiped): two facilities with their own
 * stations, an operator, a facility user and an admin, all with codes unique to this run. Also runnable on its own
 * to fill a development database: `DATABASE_URL=… npx tsx e2e/fixtures.ts` (prints the logins).
 */
import { expect, test, type Page } from '@playwright/test';
import { disconnectDb } from '../lib/db/client';
import { createFacility } from '../lib/db/facilities';
import { insertReadings, type DeviceStatus } from '../lib/db/readings';
import { createStation, touchStationReceipt } from '../lib/db/stations';
import { createUser, type Role } from '../lib/db/users';
import { findParameter, type StationKind } from '../lib/domain/parameters';
import { formatCompactLocalTime } from '../lib/domain/time';
import { ingestFile } from '../lib/services/ingest';
import { hashPassword } from '../lib/services/accounts';
import { uid } from '../tests/support/fixtures';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const PASSWORD = 'Mat-khau-e2e-1';

export type FixtureStation = { id: number; code: string; fileCode: string; name: string; kind: StationKind };
export type FixtureFacility = { id: number; code: string; name: string; stations: FixtureStation[] };
export type FixtureUser = { email: string; password: string; role: Role };

export type UiFixture = {
  runId: string;
  facilityA: FixtureFacility;
  facilityB: FixtureFacility;
  operator: FixtureUser;
  facilityUser: FixtureUser;
  admin: FixtureUser;
};

const WASTEWATER = ['FLOW', 'TEMP', 'PH', 'COD', 'TSS', 'NH4'] as const;
const AMBIENT = ['PM25', 'PM10', 'SO2', 'NO2', 'CO', 'O3'] as const;

function parametersFor(kind: StationKind, codes: readonly string[]) {
  return codes.map((code) => {
    const def = findParameter(kind, code);
    return { parameter: code, unit: def?.unit ?? '' };
  });
}

type StationSpec = { suffix: string; name: string; kind: StationKind; lat: number; lon: number };

async function makeFacility(runId: string, tag: string, name: string, specs: StationSpec[]): Promise<FixtureFacility> {
  const facility = await createFacility({ code: `${tag}${runId}`, name: `${name} ${runId}` });
  const stations: FixtureStation[] = [];
  for (const s of specs) {
    const code = `${tag}${runId}_${s.suffix}`;
    const st = await createStation({
      code,
      fileCode: `${facility.code}_${s.suffix}`,
      name: `${s.name} (${runId})`,
      kind: s.kind,
      facilityId: facility.id,
      lat: s.lat,
      lon: s.lon,
      parameters: parametersFor(s.kind, s.kind === 'ambient_air' ? AMBIENT : WASTEWATER),
    });
    stations.push({ id: st.id, code: st.code, fileCode: st.fileCode, name: st.name, kind: st.kind });
  }
  return { id: facility.id, code: facility.code, name: facility.name, stations };
}

/** Level and swing of each parameter's synthetic wave (others: 40 ± 10). */
const WAVES: Readonly<Record<string, readonly [level: number, swing: number]>> = {
  FLOW: [120, 30],
  TEMP: [28, 2],
  PH: [7.2, 0.3],
  COD: [45, 12],
  TSS: [30, 8],
  NH4: [3, 1],
  PM25: [35, 15],
  PM10: [60, 20],
  CO: [2500, 600],
};

/** A smooth, plausible value for a parameter at minute m (for charts). */
function syntheticValue(parameter: string, m: number): number {
  const [level, swing] = WAVES[parameter] ?? [40, 10];
  return level + swing * Math.sin(m / 90);
}

/** Readings every `interval` minutes over the last `hours`, and the station's last file time set to the newest. */
export async function addRecentReadings(station: FixtureStation, opts: { hours: number; now?: Date; intervalMinutes?: number }) {
  const now = opts.now ?? new Date();
  const step = (opts.intervalMinutes ?? 5) * 60_000;
  const newest = new Date(Math.floor(now.getTime() / step) * step);
  const params = station.kind === 'ambient_air' ? AMBIENT : WASTEWATER;
  const rows: { stationId: number; parameter: string; time: Date; value: number; deviceStatus: DeviceStatus; fileId: null }[] = [];
  for (let t = newest.getTime() - opts.hours * 3_600_000; t <= newest.getTime(); t += step) {
    const m = t / 60_000;
    for (const p of params) {
      rows.push({ stationId: station.id, parameter: p, time: new Date(t), value: Number(syntheticValue(p, m).toFixed(2)), deviceStatus: '00', fileId: null });
    }
  }
  await insertReadings(rows);
  await touchStationReceipt(station.id, now, newest);
}

export async function createUiFixture(opts: { withReadings?: boolean } = {}): Promise<UiFixture> {
  const runId = uid();
  const facilityA = await makeFacility(runId, 'FA', 'Công ty TNHH Đình Trám', [
    { suffix: 'NT01', name: 'Trạm nước thải Đình Trám', kind: 'wastewater', lat: 21.285, lon: 106.115 },
    { suffix: 'NT02', name: 'Trạm nước thải Vân Trung', kind: 'wastewater', lat: 21.245, lon: 106.14 },
  ]);
  const facilityB = await makeFacility(runId, 'FB', 'KCN Quế Võ', [
    { suffix: 'NT01', name: 'Trạm XLNT KCN Quế Võ', kind: 'wastewater', lat: 21.155, lon: 106.155 },
    { suffix: 'KK01', name: 'Trạm không khí Quế Võ', kind: 'ambient_air', lat: 21.17, lon: 106.1 },
  ]);
  const passwordHash = await hashPassword(PASSWORD);
  const mk = async (role: Role, name: string, facilityId: number | null): Promise<FixtureUser> => {
    const u = await createUser({ email: `${role}.${runId.toLowerCase()}@e2e.quantrac.test`, name, passwordHash, role, facilityId });
    return { email: u.email, password: PASSWORD, role };
  };
  const operator = await mk('operator', `Vận hành ${runId}`, null);
  const facilityUser = await mk('facility', `Cơ sở ${runId}`, facilityA.id);
  const admin = await mk('admin', `Quản trị ${runId}`, null);

  const first = facilityA.stations[0];
  if (first) {
    if (opts.withReadings) await addRecentReadings(first, { hours: 24 });
    else await touchStationReceipt(first.id, new Date(), null);
  }
  return { runId, facilityA, facilityB, operator, facilityUser, admin };
}

export async function closeFixtureDb(): Promise<void> {
  await disconnectDb();
}

/**
 * The spec file's own data: `create` runs once before its tests, and the database connection is closed after them.
 * The returned object is filled in by then, so read it inside tests (not at module level). Several per file are fine.
 */
export function fixturePerFile<T extends object>(create: () => Promise<T>): T {
  const fx = {} as T;
  test.beforeAll(async () => {
    Object.assign(fx, await create());
  });
  test.afterAll(closeFixtureDb);
  return fx;
}

/** Signs in through the login form and waits for the map. */
export async function login(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel(/Mật khẩu|Password/).fill(user.password);
  await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
  await expect(page).toHaveURL(/\/map$/);
}

/**
 * A few files through the real ingest pipeline (accepted, partial, rejected), so the ledger has rows.
 * Raw bytes go to a temporary folder.
 */
export async function addLedgerFiles(station: FixtureStation, now: Date = new Date()): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'qt-e2e-raw-'));
  const at = new Date(Math.floor(now.getTime() / 300_000) * 300_000 + 60_000);
  const stamp = formatCompactLocalTime(at);
  const good = `COD\t45.30\tmg/L\t${stamp}\t00\nPH\t7.12\t-\t${stamp}\t00\n`;
  const partial = `COD\t46.10\tmg/L\t${stamp}\t00\nTSS\tabc\tmg/L\t${stamp}\t00\n`;
  await ingestFile({ name: `BN_${station.fileCode}_${stamp}.txt`, bytes: Buffer.from(good), source: 'ftp', account: 'e2e', dataDir, now });
  await ingestFile({ name: `BN_${station.fileCode}_${formatCompactLocalTime(new Date(at.getTime() - 300_000))}.txt`, bytes: Buffer.from(partial.replaceAll(stamp, formatCompactLocalTime(new Date(at.getTime() - 300_000)))), source: 'ftp', account: 'e2e', dataDir, now });
  await ingestFile({ name: `BN_NOSUCH_STATION_${stamp}.txt`, bytes: Buffer.from(good), source: 'ftp', account: 'e2e', dataDir, now });
}

// Standalone: fill a development database.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const f = await createUiFixture({ withReadings: true });
  const a1 = f.facilityA.stations[0];
  if (a1) await addLedgerFiles(a1);
  console.log(JSON.stringify({ runId: f.runId, password: PASSWORD, operator: f.operator.email, facilityUser: f.facilityUser.email, admin: f.admin.email, stationsA: f.facilityA.stations.map((s) => s.code), stationsB: f.facilityB.stations.map((s) => s.code) }, null, 2));
  await closeFixtureDb();
}
