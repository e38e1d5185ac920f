import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';

import { disconnectDb, pool } from '@/lib/db/client';
import { listChartAverages, listChartRawDownsampled } from '@/lib/db/monitoring';
import { insertReadings, type ReadingInsert } from '@/lib/db/readings';
import { findStationByCode, listStations, type StationRow } from '@/lib/db/stations';
import { MAX_CHART_POINTS } from '@/lib/domain/downsample';
import { DAY_MS as DAY, HOUR_MS as HOUR, MINUTE_MS as MIN, startOfLocalDay } from '@/lib/domain/time';
import { computeLiveStates } from '@/lib/services/stations';
import { createFacilityWithStation, uid } from '../support/fixtures';

// A fixed 30-day window on 5-minute slots (readings at the window's start count, at its end do not).
const to = new Date(Math.floor(Date.now() / (5 * MIN)) * 5 * MIN);
const from = new Date(to.getTime() - 30 * DAY);
const spikeAt = from.getTime() + 12 * DAY + 35 * MIN;
const dipAt = from.getTime() + 20 * DAY + 5 * MIN;
const failAt = from.getTime() + 3 * DAY;
const suspectAt = from.getTime() + 3 * DAY + 5 * MIN;

let station: StationRow;

beforeAll(async () => {
  ({ station } = await createFacilityWithStation({
    code: uid('MC'),
    station: {
      activeFrom: new Date(from.getTime() - 400 * DAY),
      parameters: [
        { parameter: 'COD', limitMax: 100 },
        { parameter: 'PH', limitMin: 6, limitMax: 9 },
      ],
    },
  }));
  const rows: ReadingInsert[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += 5 * MIN) {
    const v = t === spikeAt ? 900 : t === dipAt ? -50 : 40 + 10 * Math.sin(t / 3_600_000);
    rows.push({ stationId: station.id, parameter: 'COD', time: new Date(t), value: v, deviceStatus: '00', fileId: null });
  }
  // One reading exactly at `to` (outside the window).
  rows.push({ stationId: station.id, parameter: 'COD', time: to, value: 5000, deviceStatus: '00', fileId: null });
  await insertReadings(rows);
  await pool().query(`UPDATE reading SET qc_flag = CASE WHEN time = $2 THEN 4 WHEN time = $3 THEN 3 ELSE 1 END WHERE station_id = $1`, [
    station.id,
    new Date(failAt),
    new Date(suspectAt),
  ]);
  // A year of stored hourly means for PH (as the recompute job keeps them), one hour far above the rest.
  await pool().query(
    `INSERT INTO avg_hour (station_id, parameter, hour_end, value, valid_count, expected_count, complete, min, max)
     SELECT $1, 'PH', h, CASE WHEN h = $4 THEN 13 ELSE 7 END, 12, 12, true, 6.5, CASE WHEN h = $4 THEN 13.5 ELSE 7.5 END
     FROM generate_series($2::timestamptz, $3::timestamptz, interval '1 hour') AS h`,
    [station.id, new Date(to.getTime() - 365 * DAY + HOUR), to, new Date(to.getTime() - 100 * DAY)],
  );
  await pool().query(
    `INSERT INTO avg_day (station_id, parameter, day, value, valid_count, expected_count, complete, min, max)
     SELECT $1, 'PH', d::date, 7, 24, 24, true, 6.5, 7.5 FROM generate_series(($2::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, ($3::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, interval '1 day') AS d`,
    [station.id, new Date(to.getTime() - 10 * DAY), to],
  );
});

afterAll(async () => {
  await disconnectDb();
});

describe('raw chart data, downsampled in SQL', () => {
  it('keeps at most 2,000 points per series, in time order, with the spike and the dip, and marks suspect/failed readings', async () => {
    const r = await listChartRawDownsampled(station.id, ['COD', 'PH'], from, to, MAX_CHART_POINTS);
    const cod = r.points.get('COD') ?? [];
    expect(r.counts.get('COD')).toBe(8640);
    expect(cod.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(cod.length).toBeGreaterThan(1500);
    expect(cod.map((p) => p.t)).toEqual([...cod.map((p) => p.t)].sort((a, b) => a - b));
    expect(cod).toContainEqual({ t: spikeAt, v: 900 });
    expect(cod).toContainEqual({ t: dipAt, v: -50 });
    expect(cod.some((p) => p.v === 5000)).toBe(false); // `to` is exclusive
    // The first bucket (30 days / 1,000) holds the first point: its lowest or highest reading, whichever comes first.
    expect(cod[0]?.t).toBeGreaterThanOrEqual(from.getTime());
    expect(cod[0]?.t).toBeLessThan(from.getTime() + (30 * DAY) / 1000);
    const marks = r.marks.get('COD') ?? [];
    expect(marks.map((m) => [m.t, m.f])).toEqual(expect.arrayContaining([[failAt, 4]]));
    expect(r.points.get('PH')).toEqual([]);
  });

  it('passes a short window through unchanged', async () => {
    const r = await listChartRawDownsampled(station.id, ['COD'], new Date(to.getTime() - DAY), to, MAX_CHART_POINTS);
    expect(r.points.get('COD')).toHaveLength(288);
    const marks = await listChartRawDownsampled(station.id, ['COD'], new Date(failAt), new Date(failAt + HOUR), MAX_CHART_POINTS);
    expect(marks.marks.get('COD')?.map((m) => [m.t, m.f])).toEqual([
      [failAt, 4],
      [suspectAt, 3],
    ]);
  });
});

describe('averaged chart data from the stored tables', () => {
  it('reads 30 days of hourly means as they are (labels in (from, to])', async () => {
    const m = await listChartAverages(station.id, ['PH'], new Date(to.getTime() - 30 * DAY), to, '1h', MAX_CHART_POINTS);
    const ph = m.get('PH') ?? [];
    expect(ph).toHaveLength(720);
    expect(ph.at(-1)).toMatchObject({ t: to.getTime(), mean: 7, min: 6.5, max: 7.5 });
  });

  it('groups a year of hours into at most 2,000 points that keep the highest hour', async () => {
    const m = await listChartAverages(station.id, ['PH'], new Date(to.getTime() - 365 * DAY), to, '1h', MAX_CHART_POINTS);
    const ph = m.get('PH') ?? [];
    expect(ph.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(ph.length).toBeGreaterThan(900);
    expect(ph.some((p) => p.mean === 13 && p.t === to.getTime() - 100 * DAY)).toBe(true);
    expect(Math.max(...ph.map((p) => p.max ?? 0))).toBe(13.5);
  });

  it('reads daily means from avg_day, labelled by the end of the local day', async () => {
    const m = await listChartAverages(station.id, ['PH'], new Date(to.getTime() - 7 * DAY), to, '24h', MAX_CHART_POINTS);
    const ph = m.get('PH') ?? [];
    expect(ph.length).toBeGreaterThanOrEqual(6);
    expect(ph.length).toBeLessThanOrEqual(7);
    for (const p of ph) {
      expect(startOfLocalDay(new Date(p.t)).getTime()).toBe(p.t); // local midnight
      expect(p.t).toBeGreaterThan(to.getTime() - 7 * DAY);
      expect(p.t).toBeLessThanOrEqual(to.getTime());
    }
  });
});

describe('listStations (one SQL statement)', () => {
  it('returns the same rows as findStationByCode, parameters in order', async () => {
    const [listed] = await listStations({ codes: [station.code] });
    expect(listed).toEqual(await findStationByCode(station.code));
    expect(listed?.parameters.map((p) => p.parameter)).toEqual(['COD', 'PH']);
    expect(await listStations({ facilityId: station.facility.id, kind: 'ambient_air' })).toEqual([]);
  });

  it('a station that never sent a file is offline', async () => {
    const live = await computeLiveStates([station], to);
    expect(live.get(station.id)?.state).toBe('offline'); // never touched: no file at all
  });
});
