/**
 * Monitoring test data (self-contained, unique codes per run): one facility with a station over its COD limit, one
 * within limits, and one with a 1-minute interval and 1-minute grace whose last file is 45 s old, so it turns offline
 * about 75 s after the fixture is made. Plus an operator login.
 */
import { createFacility } from '../lib/db/facilities';
import { insertReadings, type ReadingInsert } from '../lib/db/readings';
import { createStation, touchStationReceipt } from '../lib/db/stations';
import { createUser } from '../lib/db/users';
import { hashPassword } from '../lib/services/accounts';
import { recomputeStationPeriod } from '../lib/services/qc';
import { PASSWORD, type FixtureUser } from './fixtures';

export type MonitoringStation = { id: number; code: string; name: string };
export type MonitoringFixture = {
  runId: string;
  facility: { code: string; name: string };
  exceeding: MonitoringStation;
  good: MonitoringStation;
  stopping: MonitoringStation;
  operator: FixtureUser;
  /** When the stopping station's interval + grace runs out. */
  stoppingOfflineAt: Date;
};

const MIN = 60_000;

function runId(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`.toUpperCase();
}

async function history(stationId: number, now: Date, cod: (i: number) => number, hours = 24): Promise<void> {
  const step = 5 * MIN;
  const newest = Math.floor(now.getTime() / step) * step;
  const rows: ReadingInsert[] = [];
  const n = (hours * 60) / 5;
  for (let i = n; i >= 0; i--) {
    const time = new Date(newest - i * step);
    rows.push({ stationId, parameter: 'COD', time, value: cod(i), deviceStatus: '00', fileId: null });
    rows.push({ stationId, parameter: 'PH', time, value: 7.1 + 0.2 * Math.sin(i / 10), deviceStatus: '00', fileId: null });
  }
  await insertReadings(rows);
  await touchStationReceipt(stationId, now, new Date(newest));
}

export async function createMonitoringFixture(now: Date = new Date()): Promise<MonitoringFixture> {
  const id = runId();
  const facility = await createFacility({ code: `MF${id}`, name: `Công ty Giám sát ${id}` });
  const mk = async (suffix: string, name: string, lat: number, lon: number, opts: { intervalMinutes?: number; graceMinutes?: number } = {}) => {
    const s = await createStation({
      code: `MF${id}_${suffix}`,
      fileCode: `MF${id}_${suffix}`,
      name: `${name} ${id}`,
      kind: 'wastewater',
      facilityId: facility.id,
      lat,
      lon,
      activeFrom: new Date(now.getTime() - 2 * 86_400_000),
      ...opts,
      parameters: [
        { parameter: 'COD', unit: 'mg/L', limitMax: 100 },
        { parameter: 'PH', unit: '-', limitMin: 6, limitMax: 9 },
      ],
    });
    return { id: s.id, code: s.code, name: s.name };
  };
  const exceeding = await mk('NT01', 'Trạm vượt ngưỡng', 21.31, 106.24);
  const good = await mk('NT02', 'Trạm bình thường', 21.2, 106.33);
  const stopping = await mk('NT03', 'Trạm sắp mất kết nối', 21.36, 106.42, { intervalMinutes: 1, graceMinutes: 1 });

  await history(exceeding.id, now, (i) => (i === 0 ? 150 : 45 + 10 * Math.sin(i / 12)));
  await history(good.id, now, (i) => 40 + 5 * Math.sin(i / 12));
  // QC flags and stored hourly/daily means for the history, as the worker's recompute job keeps them (the 1 h and 24 h
  // charts read them); the newest values stay unevaluated, as they are before their successor arrives.
  for (const s of [exceeding, good]) await recomputeStationPeriod(s.id, new Date(now.getTime() - 25 * 60 * MIN), new Date(now.getTime() - 30 * MIN));
  const lastFile = new Date(now.getTime() - 45_000);
  await insertReadings([
    { stationId: stopping.id, parameter: 'COD', time: new Date(Math.floor(lastFile.getTime() / MIN) * MIN), value: 30, deviceStatus: '00', fileId: null },
  ]);
  await touchStationReceipt(stopping.id, lastFile, new Date(Math.floor(lastFile.getTime() / MIN) * MIN));

  const u = await createUser({
    email: `mon.operator.${id.toLowerCase()}@e2e.quantrac.test`,
    name: `Vận hành ${id}`,
    passwordHash: await hashPassword(PASSWORD),
    role: 'operator',
    facilityId: null,
  });
  return {
    runId: id,
    facility: { code: facility.code, name: facility.name },
    exceeding,
    good,
    stopping,
    operator: { email: u.email, password: PASSWORD, role: 'operator' },
    stoppingOfflineAt: new Date(lastFile.getTime() + 2 * MIN),
  };
}
