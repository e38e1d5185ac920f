/**
 * Exact numbers (issue 17) through the real services and PostgreSQL: a period is judged by the limit version in force
 * at its start (DOMAIN.md §6).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addReadings, makeFacility, makeStation, vn } from './api-fixtures';
import { disconnectDb } from '@/lib/db/client';
import { findStationByCode } from '@/lib/db/stations';
import { listAlerts } from '@/lib/services/alerts';
import { ensureBuiltinLimits } from '@/lib/services/limits';
import { setStationLimitBinding } from '@/lib/services/stations';
import { derivedSteps } from '@/worker/jobs/derived-steps';

const STAFF = { facilityId: null };
const H = 3_600_000;
const log = () => undefined;

async function stationId(code: string): Promise<number> {
  const s = await findStationByCode(code);
  if (!s) throw new Error('no station');
  return s.id;
}

async function runAlerts(id: number, to: Date, now: Date): Promise<void> {
  const step = derivedSteps.find((s) => s.name === 'alerts');
  if (!step) throw new Error('alerts step not registered');
  await step.run({ stationId: id, from: new Date(to.getTime() - H), to }, { log, now: () => now });
}

/** One valid PM2.5 reading every 5 minutes over the local day `day` (hours 01:00 … 24:00). */
const dayOf = (day: string, value: number) =>
  Array.from({ length: 288 }, (_, i) => ({ time: new Date(vn(`${day}T00:00:00`).getTime() + (i + 1) * 5 * 60_000), value }));

beforeAll(async () => {
  await ensureBuiltinLimits();
});

afterAll(async () => {
  await disconnectDb();
});

describe('a period is judged by the limit version in force at its start', () => {
  async function ambientStation() {
    const f = await makeFacility();
    const s = await makeStation(f.code, { kind: 'ambient_air', parameters: [{ code: 'PM25' }] });
    await setStationLimitBinding({ stationCode: s.code, standardCode: 'QCVN05:2023', column: 'all', coefficients: {}, actor: 'test' });
    return { ...s, id: await stationId(s.code) };
  }

  it('PM2.5 daily mean 47 on 31/12/2025 is judged against 50 (in force that day), not the 45 from 01/01/2026', async () => {
    const s = await ambientStation();
    await addReadings(s.code, 'PM25', dayOf('2025-12-31', 47));
    await runAlerts(s.id, vn('2026-01-01T00:00:00'), vn('2026-01-01T00:10:00'));
    const alerts = (await listAlerts({ station: s.code, kind: 'compliance_exceedance', limit: 100 }, STAFF)).items;
    expect(alerts.filter((a) => a.basis === '24h')).toEqual([]);
  });

  it('the same mean on 01/01/2026 exceeds the 45 in force from that day', async () => {
    const s = await ambientStation();
    await addReadings(s.code, 'PM25', dayOf('2026-01-01', 47));
    await runAlerts(s.id, vn('2026-01-02T00:00:00'), vn('2026-01-02T00:10:00'));
    const alerts = (await listAlerts({ station: s.code, kind: 'compliance_exceedance', limit: 100 }, STAFF)).items;
    const daily = alerts.filter((a) => a.basis === '24h');
    expect(daily).toHaveLength(1);
    expect(daily[0]).toMatchObject({ parameter: 'PM25', limit: 45, averageValue: 47 });
  });
});
