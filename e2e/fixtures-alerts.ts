/**
 * Data for e2e/alerts.spec.ts, created through lib/db (no demo seed, nothing wiped): a wastewater station with a COD
 * limit, a day of readings above it (a few flagged), an open compliance exceedance with its 'opened' event, an alert at
 * another facility's station, and an inspector, a manager and that other facility's user. Also runnable on its own to
 * fill a development database: `DATABASE_URL=… npx tsx e2e/fixtures-alerts.ts`.
 */
import { insertAlertEvent, insertAlertIfNoneActive } from '../lib/db/alerts';
import { pool } from '../lib/db/client';
import { insertReadings, type DeviceStatus } from '../lib/db/readings';
import { touchStationReceipt } from '../lib/db/stations';
import { createUser, type Role } from '../lib/db/users';
import { startOfLocalDay } from '../lib/domain/time';
import { hashPassword } from '../lib/services/accounts';
import { createFacilityWithStation, uid } from '../tests/support/fixtures';
import { closeFixtureDb } from './fixtures';

export const ALERTS_PASSWORD = 'Mat-khau-e2e-alerts-1';
export const COD_LIMIT = 150;

export type AlertsFixtureUser = { email: string; password: string; role: Role; name: string };
export type AlertsFixture = {
  runId: string;
  station: { id: number; code: string; name: string };
  otherStation: { id: number; code: string; name: string };
  alertId: number;
  otherAlertId: number;
  average: number;
  peak: number;
  periodStart: Date;
  periodEnd: Date;
  inspector: AlertsFixtureUser;
  manager: AlertsFixtureUser;
  otherFacilityUser: AlertsFixtureUser;
};

const STEP_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

export async function createAlertsFixture(now: Date = new Date()): Promise<AlertsFixture> {
  const runId = uid();
  const cod = { parameter: 'COD', limitMax: COD_LIMIT };
  const { station } = await createFacilityWithStation({
    code: `AL${runId}`,
    name: `Công ty Giấy Việt Thắng ${runId}`,
    station: { name: `Trạm nước thải Việt Thắng ${runId}`, lat: 21.27, lon: 106.19, activeFrom: new Date(now.getTime() - 3 * DAY_MS), parameters: [cod, { parameter: 'PH', limitMin: 5.5, limitMax: 9 }] },
  });
  const { facility: other, station: otherStation } = await createFacilityWithStation({
    code: `AO${runId}`,
    name: `KCN Đình Trám ${runId}`,
    station: { name: `Trạm nước thải Đình Trám ${runId}`, lat: 21.28, lon: 106.11, parameters: [cod] },
  });

  // Yesterday (local day) above the limit; two calibration readings and one QC-suspect reading are flagged.
  const periodEnd = startOfLocalDay(now);
  const periodStart = new Date(periodEnd.getTime() - DAY_MS);
  const rows: { stationId: number; parameter: string; time: Date; value: number; deviceStatus: DeviceStatus; fileId: null }[] = [];
  let sum = 0;
  let n = 0;
  let peak = -Infinity;
  for (let t = periodStart.getTime() - 2 * 3_600_000; t <= periodEnd.getTime() + 2 * 3_600_000; t += STEP_MS) {
    const i = (t - periodStart.getTime()) / STEP_MS;
    const value = Number((168 + 14 * Math.sin(i / 20)).toFixed(1));
    const calibrating = i === 100 || i === 101;
    rows.push({ stationId: station.id, parameter: 'COD', time: new Date(t), value: calibrating ? 400 : value, deviceStatus: calibrating ? '01' : '00', fileId: null });
    if (!calibrating && t > periodStart.getTime() && t <= periodEnd.getTime()) {
      sum += value;
      n++;
      peak = Math.max(peak, value);
    }
  }
  await insertReadings(rows);
  await pool().query(`UPDATE reading SET qc_flag = CASE WHEN device_status = '00' THEN 1 ELSE 2 END WHERE station_id = $1`, [station.id]);
  await pool().query(`UPDATE reading SET qc_flag = 3, qc_reasons = '{spike}' WHERE station_id = $1 AND time = $2`, [station.id, new Date(periodStart.getTime() + 150 * STEP_MS)]);
  await touchStationReceipt(station.id, now, new Date(periodEnd.getTime() + 2 * 3_600_000));
  const average = Number((sum / n).toFixed(2));

  const openedAt = new Date(periodEnd.getTime() + 10 * 60_000);
  const { row } = await insertAlertIfNoneActive({
    stationId: station.id,
    parameter: 'COD',
    kind: 'compliance_exceedance',
    at: openedAt,
    value: peak,
    limitValue: COD_LIMIT,
    basis: '24h',
    averageValue: average,
    completeness: 1,
    limitDerivation: { standard: 'QCVN 40:2011/BTNMT', version: '2011', column: 'B', coefficients: { kq: 1, kf: 1 }, base: { max: COD_LIMIT } },
    periodStart,
    periodEnd,
    disposition: 'pending_review',
    reopenedByRecompute: false,
    suppressed: false,
  });
  await insertAlertEvent({ alertId: row.id, type: 'opened', actor: 'system', at: openedAt, data: { average, limit: COD_LIMIT } });

  const { row: otherRow } = await insertAlertIfNoneActive({
    stationId: otherStation.id,
    parameter: 'COD',
    kind: 'instant_exceedance',
    at: new Date(now.getTime() - 3_600_000),
    value: 190,
    limitValue: COD_LIMIT,
    basis: '5min',
    averageValue: null,
    completeness: null,
    limitDerivation: null,
    periodStart: null,
    periodEnd: null,
    disposition: null,
    reopenedByRecompute: false,
    suppressed: false,
  });
  await insertAlertEvent({ alertId: otherRow.id, type: 'opened', actor: 'system' });

  const passwordHash = await hashPassword(ALERTS_PASSWORD);
  const mk = async (role: Role, name: string, facilityId: number | null): Promise<AlertsFixtureUser> => {
    const u = await createUser({ email: `${role}.alerts.${runId.toLowerCase()}@e2e.quantrac.test`, name, passwordHash, role, facilityId });
    return { email: u.email, password: ALERTS_PASSWORD, role, name };
  };
  return {
    runId,
    station: { id: station.id, code: station.code, name: station.name },
    otherStation: { id: otherStation.id, code: otherStation.code, name: otherStation.name },
    alertId: row.id,
    otherAlertId: otherRow.id,
    average,
    peak,
    periodStart,
    periodEnd,
    inspector: await mk('inspector', `Thanh tra ${runId}`, null),
    manager: await mk('manager', `Lãnh đạo ${runId}`, null),
    otherFacilityUser: await mk('facility', `Cơ sở khác ${runId}`, other.id),
  };
}

// Standalone: fill a development database.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const f = await createAlertsFixture();
  console.log(JSON.stringify({ ...f, password: ALERTS_PASSWORD }, null, 2));
  await closeFixtureDb();
}
