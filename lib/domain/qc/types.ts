import type { DeviceStatus } from '../qc-flags';
import { QC_FLAGS, type QcFlagCode } from './flags';

export type { DeviceStatus } from '../qc-flags';

/** One reading of one station parameter as QC sees it; a series is sorted by strictly increasing time. */
export type QcReading = {
  /** Epoch milliseconds. */
  time: number;
  value: number | null;
  deviceStatus: DeviceStatus;
  /** Reasons set before QC (e.g. `clock_ahead` by the parser); kept in the result. */
  reasons?: readonly string[];
};

export type QcOptions = {
  /** The station's nominal interval; flat-line windows are counted in whole intervals like ioos_qc. */
  intervalMinutes: number;
  /** A neighbour further away than this counts as missing, and the gap ends a flat-line run. */
  maxGapMinutes: number;
};

export const DEFAULT_QC_OPTIONS: QcOptions = { intervalMinutes: 5, maxGapMinutes: 30 };

export const MINUTE_MS = 60_000;

/** A reading enters the value tests when the device was measuring and a finite value was received. */
export function isMeasured(r: QcReading | undefined): r is QcReading & { value: number } {
  return r !== undefined && r.deviceStatus === '00' && r.value !== null && Number.isFinite(r.value);
}

/** Flag for a reading kept out of a value test: off-status readings are not evaluated, absent values missing. */
export function excludedFlag(r: QcReading): QcFlagCode {
  if (r.deviceStatus !== '00') return QC_FLAGS.not_evaluated;
  return QC_FLAGS.missing;
}

/** Throws unless times strictly increase: every test reads neighbours by position. */
export function assertSorted(series: readonly QcReading[]): void {
  for (let i = 1; i < series.length; i++) {
    const prev = series[i - 1];
    const cur = series[i];
    if (prev && cur && !(cur.time > prev.time)) {
      throw new RangeError(`QC series must be sorted by strictly increasing time (index ${i})`);
    }
  }
}
