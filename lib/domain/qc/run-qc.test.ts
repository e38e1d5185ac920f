import { describe, expect, it } from 'vitest';
import { isValid } from '../validity';
import { qcConfigFor, type QcConfig } from './config';
import { evaluateWindow, qcLookbackMs, runQc } from './run-qc';
import { MIN, series, T0 } from './series.test-support';
import type { QcReading } from './types';

const COD = qcConfigFor('wastewater', 'COD'); // fail 0–2000, suspect 0–1000, spike 100/300, zero implausible
const FLOW = qcConfigFor('wastewater', 'FLOW'); // flat-line and spike off

describe('runQc: flag is the worst evaluated test, with reasons', () => {
  it.each<[string, QcReading[], QcConfig, number, number, string[]]>([
    ['plain value', series([50, 52, 51]), COD, 1, 1, []],
    ['newest reading: spike pending, still good', series([50, 52, 51]), COD, 2, 1, []],
    ['first reading: spike never evaluated, still good', series([50, 52, 51]), COD, 0, 1, []],
    ['outside suspect span', series([1500]), COD, 0, 3, ['gross_range_suspect']],
    ['outside fail span', series([-1]), COD, 0, 4, ['gross_range_fail']],
    ['spike suspect', series([50, 200, 50]), COD, 1, 3, ['spike_suspect']],
    ['spike fail and gross range suspect together', series([50, 1200, 50]), COD, 1, 4, ['gross_range_suspect', 'spike_fail']],
    ['exact zero where implausible', series([0]), COD, 0, 3, ['zero']],
    ['exact zero where plausible (FLOW)', series([0]), FLOW, 0, 1, []],
    ['missing value', series([50, null, 50]), COD, 1, 9, ['missing']],
    ['calibrating', series([50, [50, '01'], 50]), COD, 1, 2, ['device_calibrating']],
    ['device error', series([[50, '02']]), COD, 0, 2, ['device_error']],
    ['maintenance', series([[50, '03']]), COD, 0, 2, ['device_maintenance']],
    ['calibrating without a value', series([[null, '01']]), COD, 0, 9, ['device_calibrating']],
    ['flat for 60 min', series(Array.from({ length: 13 }, () => 50)), COD, 12, 3, ['flat_line_suspect']],
    ['flat for 180 min', series(Array.from({ length: 37 }, () => 50)), COD, 36, 4, ['flat_line_fail']],
    ['flat line off for FLOW (tolerance 0)', series(Array.from({ length: 37 }, () => 50)), FLOW, 36, 1, []],
    ['rate of change when configured', series([50, 80]), { ...COD, rateOfChangePerMinute: 5 }, 1, 3, ['rate_of_change']],
    ['rate of change fail level', series([50, 150]), { ...COD, spike: null, rateOfChangePerMinute: 5, rateOfChangeFailPerMinute: 20 }, 1, 4, ['rate_of_change_fail']],
  ])('%s', (_label, s, config, index, flag, reasons) => {
    const result = runQc(s, config)[index];
    expect(result?.flag).toBe(flag);
    expect(result?.reasons).toEqual(reasons);
  });

  it('a calibration gas value never makes its neighbours look like spikes', () => {
    const results = runQc(series([50, 50, [1900, '01'], 50, 50]), COD);
    expect(results.map((r) => r.flag)).toEqual([1, 1, 2, 1, 1]);
    expect(results.map((r) => r.tests.spike)).toEqual([2, 2, undefined, 2, 2]);
  });

  it('runs only the enabled tests', () => {
    expect(Object.keys(runQc(series([50]), FLOW)[0]?.tests ?? {})).toEqual(['gross_range']);
    expect(Object.keys(runQc(series([50]), COD)[0]?.tests ?? {})).toEqual(['gross_range', 'flat_line', 'spike', 'zero']);
  });

  it('a clock_ahead reading fails (kept as evidence, never valid) even when every test passes', () => {
    const s: QcReading[] = series([50, 52, 51]).map((r, i) => (i === 1 ? { ...r, reasons: ['clock_ahead'] } : r));
    const out = runQc(s, COD);
    expect(out[1]?.flag).toBe(4);
    expect(out[0]?.flag).not.toBe(4);
  });

  it('keeps input reasons such as clock_ahead and drops stale QC reasons', () => {
    const s: QcReading[] = series([50, 52, 51]).map((r, i) => (i === 2 ? { ...r, reasons: ['clock_ahead', 'spike_fail'] } : r));
    expect(runQc(s, COD)[2]?.reasons).toEqual(['clock_ahead']);
  });

  it('the newest reading with a pending spike test is valid', () => {
    const newest = runQc(series([50, 52, 51]), COD)[2];
    expect(newest?.tests.spike).toBe(2);
    expect(isValid({ deviceStatus: '00', qcFlag: newest?.flag ?? 0, invalidatedByOverlay: false })).toBe(true);
  });

  it('rejects an unsorted series', () => {
    expect(() => runQc([...series([1, 2])].reverse(), COD)).toThrow(RangeError);
  });
});

describe('evaluateWindow: incremental QC equals a full recompute', () => {
  // Deterministic series with flat stretches, spikes, a calibration and a gap.
  const long: QcReading[] = Array.from({ length: 200 }, (_, i) => {
    const value = i % 50 < 20 ? 80 : 60 + ((i * 37) % 11) + (i % 29 === 0 ? 400 : 0);
    const deviceStatus = i >= 120 && i < 126 ? ('01' as const) : ('00' as const);
    return { time: T0 + i * 5 * MIN + (i > 150 ? 40 * MIN : 0), value: i === 90 ? null : value, deviceStatus };
  });
  const full = runQc(long, COD);

  it.each([
    ['new reading at the end', [long.length - 1]],
    ['late reading in the middle', [70]],
    ['several, out of order', [160, 152, 199]],
    ['after the calibration', [127]],
    ['after a 45-minute gap: the predecessor is no neighbour and is not returned', [151]],
  ])('%s', (_label, newIdx) => {
    const newTimes = newIdx.map((i) => long[i]?.time ?? 0);
    const earliest = Math.min(...newTimes);
    const window = long.filter((r) => r.time >= earliest - qcLookbackMs(COD));
    const got = evaluateWindow(window, newTimes, COD);
    const from = Math.min(...newIdx) - (Math.min(...newIdx) === 151 ? 0 : 1);
    expect(got.map((r) => r.time)).toEqual(long.slice(from).map((r) => r.time));
    expect(got.map(({ flag, reasons }) => ({ flag, reasons }))).toEqual(full.slice(from).map(({ flag, reasons }) => ({ flag, reasons })));
  });

  it('re-evaluates the previous newest reading when its successor arrives', () => {
    const before = runQc(series([50, 50, 50]), COD);
    expect(before[2]?.tests.spike).toBe(2);
    const s = series([50, 50, 50, 500]);
    const got = evaluateWindow(s, [s[3]?.time ?? 0], COD);
    expect(got.map((r) => [r.time, r.tests.spike])).toEqual([
      [s[2]?.time, 3],
      [s[3]?.time, 2],
    ]);
  });

  it('returns nothing without new times', () => {
    expect(evaluateWindow(series([50, 50]), [], COD)).toEqual([]);
  });

  it('lookback covers the flat-line fail window plus the gap', () => {
    expect(qcLookbackMs(COD)).toBe((180 + 30) * MIN);
  });
});
