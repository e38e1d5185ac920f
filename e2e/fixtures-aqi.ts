/**
 * Data for the public-page journey: a department facility with one ambient station (hourly means → stored AQI through
 * lib/services/aqi) and one wastewater station, codes unique to the run. Uses lib/db like e2e/fixtures.ts.
 */
import { pool } from '../lib/db/client';
import { createFacility } from '../lib/db/facilities';
import { createStation } from '../lib/db/stations';
import { recomputeIndicesForChange } from '../lib/services/aqi';

const HOUR_MS = 3_600_000;

export type AqiFixture = {
  ambient: { id: number; code: string; name: string };
  wastewater: { id: number; code: string; name: string };
  /** AQI of the newest published hour (PM2.5 30 µg/m³ → 60, Trung bình, #FFFF00). */
  publishedAqi: number;
  /** AQI of the newest hour, still inside the publication delay (must not be shown). */
  unpublishedAqi: number;
};

async function putMeans(stationId: number, parameter: string, rows: { hourEnd: number; value: number }[]): Promise<void> {
  for (const r of rows) {
    await pool().query(
      `INSERT INTO avg_hour (station_id, parameter, hour_end, value, valid_count, expected_count, complete, min, max)
       VALUES ($1, $2, $3, $4, 12, 12, true, $4, $4) ON CONFLICT (station_id, parameter, hour_end) DO UPDATE SET value = EXCLUDED.value`,
      [stationId, parameter, new Date(r.hourEnd), r.value],
    );
  }
}

export async function createAqiFixture(now: Date = new Date()): Promise<AqiFixture> {
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`.toUpperCase();
  const facility = await createFacility({ code: `AQ${run}`, name: `Sở NN&MT ${run}` });
  const ambient = await createStation({
    code: `AQ${run}_KK`,
    fileCode: `AQ${run}_KK`,
    name: `Trạm không khí công khai ${run}`,
    kind: 'ambient_air',
    facilityId: facility.id,
    lat: 21.29,
    lon: 106.2,
    parameters: [{ parameter: 'PM25', unit: 'µg/m³' }, { parameter: 'PM10', unit: 'µg/m³' }],
  });
  const wastewater = await createStation({
    code: `AQ${run}_NT`,
    fileCode: `AQ${run}_NT`,
    name: `Trạm nước thải ${run}`,
    kind: 'wastewater',
    facilityId: facility.id,
    lat: 21.3,
    lon: 106.25,
    parameters: [{ parameter: 'COD', unit: 'mg/L' }],
  });
  const recent = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  // Four hours of 30 µg/m³ ending more than the 60-minute delay ago, then a high hour that is not public yet.
  await putMeans(ambient.id, 'PM25', [1, 2, 3, 4].map((k) => ({ hourEnd: recent - k * HOUR_MS, value: 30 })));
  await putMeans(ambient.id, 'PM25', [{ hourEnd: recent, value: 400 }]);
  await putMeans(wastewater.id, 'COD', [1, 2].map((k) => ({ hourEnd: recent - k * HOUR_MS, value: 50 })));
  await recomputeIndicesForChange(ambient.id, new Date(recent - 5 * HOUR_MS), new Date(recent), now);
  const r = await pool().query<{ aqi: number }>('SELECT aqi FROM aqi_hour WHERE station_id = $1 AND hour_end = $2', [ambient.id, new Date(recent)]);
  return {
    ambient: { id: ambient.id, code: ambient.code, name: ambient.name },
    wastewater: { id: wastewater.id, code: wastewater.code, name: wastewater.name },
    publishedAqi: 60,
    unpublishedAqi: r.rows[0]?.aqi ?? -1,
  };
}
