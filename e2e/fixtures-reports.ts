/**
 * Data for e2e/reports.spec.ts: a facility with one 5-minute wastewater station (COD, PH) active from 24/05/2024
 * 00:00 (+07:00) and a manager. On 24/05/2024: COD has 240 of 288 slots (83,3 %), all valid; PH has all 288 slots,
 * 72 of them failed QC (valid 75,0 %, below 80 %). COD's limit is 40 mg/L; 24/05 has stored daily means (COD 41,1,
 * PH 7,2) and one compliance exceedance of COD confirmed as a violation. Codes unique per run; nothing wiped.
 */
import { upsertDaily } from '../lib/db/averages';
import { pool } from '../lib/db/client';
import { insertReadings } from '../lib/db/readings';
import { createUser } from '../lib/db/users';
import { hashPassword } from '../lib/services/accounts';
import { createFacilityWithStation, uid } from '../tests/support/fixtures';
import { PASSWORD } from './fixtures';

export const REPORT_DAY = '24/05/2024';
const DAY0 = Date.parse('2024-05-23T17:00:00.000Z'); // 24/05/2024 00:00 +07:00

export type ReportsFixture = { stationCode: string; stationName: string; manager: { email: string; password: string } };

export async function createReportsFixture(): Promise<ReportsFixture> {
  const runId = uid();
  const { station } = await createFacilityWithStation({
    code: `FR${runId}`,
    name: `Cơ sở báo cáo ${runId}`,
    station: {
      name: `Trạm báo cáo ${runId}`,
      activeFrom: new Date(DAY0),
      parameters: [{ parameter: 'COD', limitMax: 40 }, 'PH'],
    },
  });
  const rows = [
    ...Array.from({ length: 240 }, (_, i) => ({ parameter: 'COD', i, value: 40 + (i % 10) / 4 })),
    ...Array.from({ length: 288 }, (_, i) => ({ parameter: 'PH', i, value: 7 + (i % 5) / 10 })),
  ];
  await insertReadings(
    rows.map((r) => ({
      stationId: station.id,
      parameter: r.parameter,
      time: new Date(DAY0 + r.i * 300_000),
      value: r.value,
      deviceStatus: '00' as const,
      fileId: null,
    })),
  );
  await pool().query(
    `UPDATE reading SET qc_flag = CASE WHEN parameter = 'PH' AND time >= $2 THEN 4 ELSE 1 END WHERE station_id = $1`,
    [station.id, new Date(DAY0 + 216 * 300_000)],
  );
  await upsertDaily(pool(), station.id, [
    {
      parameter: 'COD',
      day: '2024-05-24',
      value: 41.1,
      validCount: 20,
      expectedCount: 24,
      complete: true,
      min: 40.2,
      max: 42,
    },
    {
      parameter: 'PH',
      day: '2024-05-24',
      value: 7.2,
      validCount: 18,
      expectedCount: 24,
      complete: true,
      min: 7.1,
      max: 7.3,
    },
  ]);
  await pool().query(
    `INSERT INTO alert (station_id, parameter, kind, state, opened_at, last_seen_at, resolved_at, count, peak_value, limit_value, basis, average_value, disposition, disposition_note)
     VALUES ($1, 'COD', 'compliance_exceedance', 'resolved', $2, $3, $3, 1, 42.25, 40, '24h', 41.1, 'confirmed_violation', 'Biên bản kiểm tra')`,
    [station.id, new Date(DAY0 + 86_400_000), new Date(DAY0 + 86_400_000 + 3_600_000)],
  );
  const manager = await createUser({
    email: `manager.${runId.toLowerCase()}@e2e.quantrac.test`,
    name: `Quản lý ${runId}`,
    passwordHash: await hashPassword(PASSWORD),
    role: 'manager',
    facilityId: null,
  });
  return {
    stationCode: station.code,
    stationName: station.name,
    manager: { email: manager.email, password: PASSWORD },
  };
}
