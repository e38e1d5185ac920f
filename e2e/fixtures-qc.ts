/**
 * QC data for e2e/qc.spec.ts on top of the shared UI fixture: two hours of COD readings at the first station of
 * facility A with one value outside the fail span, run through QC and averages (no worker in the browser tests).
 */
import { insertReadings } from '../lib/db/readings';
import { recomputeStationPeriod } from '../lib/services/qc';
import type { FixtureStation } from './fixtures';

export type QcFixture = { failedAt: Date; from: Date; to: Date };

export async function addQcReadings(station: FixtureStation, now: Date = new Date()): Promise<QcFixture> {
  const step = 5 * 60_000;
  const newest = Math.floor(now.getTime() / step) * step - 30 * 60_000;
  const first = newest - 2 * 3_600_000;
  const failedAt = new Date(newest - 60 * 60_000);
  const rows = [];
  for (let t = first; t <= newest; t += step) {
    const value = t === failedAt.getTime() ? 2500 : 45 + ((t / step) % 7) * 1.5;
    rows.push({ stationId: station.id, parameter: 'COD', time: new Date(t), value, deviceStatus: '00' as const, fileId: null });
  }
  await insertReadings(rows);
  await recomputeStationPeriod(station.id, new Date(first - 3_600_000), new Date(newest), { enqueueDerived: false });
  return { failedAt, from: new Date(first), to: new Date(newest) };
}
