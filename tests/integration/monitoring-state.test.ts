import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';

import { disconnectDb, pool } from '@/lib/db/client';
import { createFacility } from '@/lib/db/facilities';
import { latestForStations, listReceiptDays, listSlotReceipts } from '@/lib/db/monitoring';
import { listOutages, outageStats } from '@/lib/db/outages';
import { insertReadings, type DeviceStatus } from '@/lib/db/readings';
import { createStation, findStationByCode, touchStationReceipt, type StationRow } from '@/lib/db/stations';
import { localDayKey } from '@/lib/domain/time';
import { computeLiveStates, refreshStationStates } from '@/lib/services/stations';

const run = Math.random().toString(36).slice(2, 8).toUpperCase();
const MIN = 60_000;
const now = new Date(Math.floor(Date.now() / (5 * MIN)) * 5 * MIN);
const ago = (m: number) => new Date(now.getTime() - m * MIN);

let stations: Record<'good' | 'exceeding' | 'approaching' | 'error' | 'calib' | 'offline' | 'disabled', StationRow>;

async function mk(suffix: string, facilityId: number): Promise<StationRow> {
  return createStation({
    code: `MON${run}_${suffix}`,
    fileCode: `MON${run}_${suffix}`,
    name: `Monitoring ${suffix}`,
    kind: 'wastewater',
    facilityId,
    lat: 21.2,
    lon: 106.1,
    activeFrom: ago(3 * 24 * 60),
    parameters: [
      { parameter: 'COD', unit: 'mg/L', limitMax: 100 },
      { parameter: 'PH', unit: '-', limitMin: 6, limitMax: 9 },
    ],
  });
}

async function send(s: StationRow, at: Date, cod: number, status: DeviceStatus = '00') {
  await insertReadings([
    { stationId: s.id, parameter: 'COD', time: at, value: cod, deviceStatus: status, fileId: null },
    { stationId: s.id, parameter: 'PH', time: at, value: 7, deviceStatus: '00', fileId: null },
  ]);
  await touchStationReceipt(s.id, at, at);
}

beforeAll(async () => {
  const f = await createFacility({ code: `MONF${run}`, name: `Facility ${run}` });
  const entries = await Promise.all(
    (['good', 'exceeding', 'approaching', 'error', 'calib', 'offline', 'disabled'] as const).map(async (k) => [k, await mk(k.toUpperCase(), f.id)] as const),
  );
  stations = Object.fromEntries(entries) as typeof stations;
  // History: an hour of 5-minute readings for the good station, with one slot missing.
  for (let m = 60; m >= 5; m -= 5) if (m !== 30) await send(stations.good, ago(m), 40);
  await send(stations.good, ago(0), 40);
  await send(stations.exceeding, ago(0), 150);
  await send(stations.approaching, ago(0), 85);
  await send(stations.error, ago(0), 40, '02');
  await send(stations.calib, ago(0), 500, '01');
  await send(stations.offline, ago(120), 40);
  await send(stations.disabled, ago(0), 40);
  await pool().query(`UPDATE station SET enabled = false WHERE id = $1`, [stations.disabled.id]);
});

afterAll(async () => {
  await disconnectDb();
});

describe('station state (DOMAIN.md §7) from the database', () => {
  it('computes every state in one batch', async () => {
    const rows = await Promise.all(Object.values(stations).map((s) => findStationByCode(s.code)));
    const live = await computeLiveStates(rows.filter((r): r is StationRow => r !== null), now);
    const stateOf = (k: keyof typeof stations) => live.get(stations[k].id)?.state;
    expect(stateOf('good')).toBe('good');
    expect(stateOf('exceeding')).toBe('exceeding');
    expect(stateOf('approaching')).toBe('approaching');
    expect(stateOf('error')).toBe('device_error');
    expect(stateOf('calib')).toBe('calibrating');
    expect(stateOf('offline')).toBe('offline');
    expect(stateOf('disabled')).toBe('not_in_use');
    const ex = live.get(stations.exceeding.id)?.latest.find((l) => l.parameter === 'COD');
    expect(ex).toMatchObject({ value: 150, level: 'exceeding', limit: { min: null, max: 100 } });
  });

  it('latestForStations returns the newest value per parameter', async () => {
    const m = await latestForStations([stations.good.id, stations.offline.id]);
    expect(m.get(stations.good.id)?.map((r) => [r.parameter, r.time.getTime()])).toEqual([
      ['COD', now.getTime()],
      ['PH', now.getTime()],
    ]);
    expect(m.get(stations.offline.id)?.[0]?.time).toEqual(ago(120));
  });
});

describe('outage log', () => {
  it('opens an outage for an offline station, once, and closes it when a file arrives', async () => {
    await refreshStationStates(now);
    await refreshStationStates(now);
    let outages = await listOutages(stations.offline.id, ago(1000));
    expect(outages).toHaveLength(1);
    expect(outages[0]).toMatchObject({ startedAt: ago(100), endedAt: null, cause: 'offline' });
    expect(await listOutages(stations.good.id, ago(1000))).toHaveLength(0);

    const later = new Date(now.getTime() + 2 * MIN);
    await send(stations.offline, later, 40);
    await refreshStationStates(new Date(later.getTime() + MIN));
    outages = await listOutages(stations.offline.id, ago(1000));
    expect(outages).toHaveLength(1);
    expect(outages[0]?.endedAt).toEqual(later);
    const stats = await outageStats([stations.offline.id], ago(1000), later);
    expect(stats.get(stations.offline.id)).toEqual({ count: 1, minutes: 102, open: false });
  });
});

describe('receipt', () => {
  it('rolls readings and slots up per local day and lists slot receipt times', async () => {
    await refreshStationStates(now, { fullReceipt: true });
    const rows = await listReceiptDays([stations.good.id], localDayKey(ago(60)), localDayKey(now));
    const total = rows.reduce((a, r) => a + r.readings, 0);
    expect(total).toBe(12 * 2); // 11 of 12 slots in the hour + the newest, 2 parameters each
    expect(rows.reduce((a, r) => a + r.slots, 0)).toBe(12);
    const slots = await listSlotReceipts(stations.good.id, ago(60), new Date(now.getTime() + MIN));
    expect(slots.has(ago(30).getTime())).toBe(false);
    expect(slots.has(ago(25).getTime())).toBe(true);
  });
});
