// Test-only helpers shared by the QC tests.
import type { DeviceStatus, QcReading } from './types';

/** 2024-05-24 10:00 in Vietnam (03:00 UTC). */
export const T0 = Date.UTC(2024, 4, 24, 3, 0);
export const MIN = 60_000;

/** A regular series from T0; a value written as `[v, '01']` carries that device status. */
export function series(values: readonly (number | null | readonly [number | null, DeviceStatus])[], stepMinutes = 5): QcReading[] {
  return values.map((v, i) => {
    const [value, deviceStatus] = Array.isArray(v) ? (v as readonly [number | null, DeviceStatus]) : [v as number | null, '00' as const];
    return { time: T0 + i * stepMinutes * MIN, value, deviceStatus };
  });
}

/** A series at explicit minute offsets from T0. */
export function at(points: readonly (readonly [minutes: number, value: number | null])[]): QcReading[] {
  return points.map(([m, value]) => ({ time: T0 + m * MIN, value, deviceStatus: '00' }));
}
