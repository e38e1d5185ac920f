import { afterAll, describe, expect, it, inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';

import { disconnectDb } from '@/lib/db/client';
import { insertReadings, type ReadingInsert } from '@/lib/db/readings';
import { resetEnv } from '@/lib/env';
import { recomputeStationPeriod } from '@/lib/services/qc';
import { DAY_MS as DAY, HOUR_MS as HOUR, MINUTE_MS as MIN } from '@/lib/domain/time';
import { ALL_STATIONS, limitsForStation, listReadingsService, readStationCharts } from '@/lib/services/stations';
import { createFacilityWithStation, uid } from '../support/fixtures';

afterAll(async () => {
  delete process.env.AVERAGE_COMPLETE_RATIO;
  resetEnv();
  await disconnectDb();
});

describe('one series read behind the readings API and the station page', () => {
  it('daily means and their completeness agree under a non-default AVERAGE_COMPLETE_RATIO', async () => {
    // 17 of 24 hours with data: complete at a ratio of 0.7 (17 ≥ 16.8), incomplete at the default 0.75 (17 < 18).
    process.env.AVERAGE_COMPLETE_RATIO = '0.7';
    resetEnv();
    const dayStart = Date.parse('2026-03-10T00:00:00+07:00');
    const { station } = await createFacilityWithStation({
      code: uid('SS'),
      station: { activeFrom: new Date(dayStart - DAY), parameters: [{ parameter: 'COD', limitMax: 100 }] },
    });
    const rows: ReadingInsert[] = [];
    // 39 and 41 in turn (a constant would be a flat line for QC): every hour's mean is 40.
    for (let t = dayStart + 5 * MIN, i = 0; t <= dayStart + 17 * HOUR; t += 5 * MIN, i++) {
      rows.push({ stationId: station.id, parameter: 'COD', time: new Date(t), value: i % 2 ? 41 : 39, deviceStatus: '00', fileId: null });
    }
    await insertReadings(rows);
    await recomputeStationPeriod(station.id, new Date(dayStart), new Date(dayStart + DAY));

    const from = new Date(dayStart);
    const to = new Date(dayStart + DAY);
    const api = await listReadingsService(station.code, ALL_STATIONS, { parameter: 'COD', from, to, resolution: '24h', limit: 10 });
    expect(api.items).toHaveLength(1);
    expect(api.items[0]).toMatchObject({ date: '2026-03-10', value: 40, validCount: 17, expectedCount: 24, complete: true });

    const limits = await limitsForStation(station, new Date(dayStart + DAY));
    const page = await readStationCharts(station, { from: new Date(dayStart - 1), to: new Date(dayStart + DAY), res: '24h' }, limits, new Date(dayStart + 2 * DAY));
    const cod = page.series.find((s) => s.parameter === 'COD');
    expect(cod?.points).toEqual([{ t: dayStart + DAY, v: 40, lo: 40, hi: 40 }]);
  });
});
