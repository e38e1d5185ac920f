import { describe, expect, it } from 'vitest';
import type { HourlyAverage } from '../averages';
import { HOUR_MS } from '../time';
import {
  correctHourly,
  correctReadings,
  correctsO2,
  countsForAlerts,
  episodePeak,
  hourlyOf,
  isLowBreach,
  periodsFor,
  shownLimit,
  type AlertReading,
} from './evaluation';

describe('episodePeak: the highest value, the lowest below a minimum; a missing value changes nothing', () => {
  it.each<[string, number | null, number | null, boolean | undefined, number | null]>([
    ['first value of the episode', null, 12, false, 12],
    ['higher value raises it', 12, 15, false, 15],
    ['lower value keeps it', 15, 12, false, 15],
    ['equal value keeps it', 15, 15, false, 15],
    ['below a minimum: lower value lowers it', 5.8, 5.2, true, 5.2],
    ['below a minimum: higher value keeps it', 5.2, 5.8, true, 5.2],
    ['missing value', 15, null, false, 15],
    ['nothing yet, nothing now', null, null, undefined, null],
  ])('%s', (_label, current, value, low, peak) => {
    expect(episodePeak(current, value, low)).toBe(peak);
  });
});

describe('shownLimit and isLowBreach: the bound the value breaks, else max, else min', () => {
  it.each<[string, { min: number | null; max: number | null }, number | null, number | null, boolean]>([
    ['above max', { min: null, max: 100 }, 120, 100, false],
    ['equal to max complies: max shown', { min: null, max: 100 }, 100, 100, false],
    ['below min of a range', { min: 6, max: 9 }, 5.5, 6, true],
    ['equal to min complies', { min: 6, max: 9 }, 6, 9, false],
    ['inside a range: max shown', { min: 6, max: 9 }, 7, 9, false],
    ['minimum only, inside', { min: 4, max: null }, 5, 4, false],
    ['minimum only, below', { min: 4, max: null }, 3, 4, true],
    ['no value', { min: 6, max: 9 }, null, 9, false],
    ['no bounds', { min: null, max: null }, 7, null, false],
  ])('%s', (_label, bounds, value, limit, low) => {
    expect(shownLimit(bounds, value)).toBe(limit);
    expect(isLowBreach(bounds, value)).toBe(low);
  });
});

describe('countsForAlerts: measuring and good, suspect or not yet evaluated', () => {
  it.each([
    ['good', '00', 1, true],
    ['not evaluated yet', '00', 2, true],
    ['suspect', '00', 3, true],
    ['failed QC', '00', 4, false],
    ['missing', '00', 9, false],
    ['calibrating', '01', 1, false],
    ['device error', '02', 1, false],
    ['maintenance', '03', 1, false],
  ])('%s', (_label, deviceStatus, qcFlag, counts) => {
    expect(countsForAlerts({ deviceStatus, qcFlag })).toBe(counts);
  });
});

const T0 = Date.parse('2024-05-24T03:00:00Z'); // 10:00 local, an hour boundary
const reading = (minutes: number, value: number, deviceStatus = '00', qcFlag = 1): AlertReading => ({
  time: new Date(T0 + minutes * 60_000),
  value,
  deviceStatus,
  qcFlag,
});

describe('reference-O2 correction', () => {
  it.each<[string, string, number | null, boolean]>([
    ['a gas with a reference', 'SO2', 6, true],
    ['no reference', 'SO2', null, false],
    ['O2 itself', 'O2', 6, false],
    ['flow', 'FLOW', 6, false],
    ['temperature', 'TEMP', 6, false],
    ['pressure', 'PRESSURE', 6, false],
  ])('correctsO2: %s', (_label, parameter, ref, corrects) => {
    expect(correctsO2(parameter, ref)).toBe(corrects);
  });

  it('5-minute values use the O2 of the same time; without one the value stays', () => {
    const readings = [reading(5, 100), reading(10, 100)];
    const o2 = new Map([[T0 + 5 * 60_000, 11]]);
    // 100 × (21 − 6) / (21 − 11) = 150
    expect(correctReadings(readings, 'SO2', 6, o2).map((r) => r.value)).toEqual([150, 100]);
    expect(correctReadings(readings, 'FLOW', 6, o2)).toBe(readings);
    expect(correctReadings(readings, 'SO2', null, o2)).toBe(readings);
  });

  it('hourly means use the hour’s mean O2; hours without a mean stay', () => {
    const hour = (end: number, value: number | null): HourlyAverage => ({ hourEnd: end, value, validCount: 12, expectedCount: 12, complete: true, min: value, max: value });
    const hourly = [hour(T0 + HOUR_MS, 100), hour(T0 + 2 * HOUR_MS, null), hour(T0 + 3 * HOUR_MS, 100)];
    const o2 = new Map<number, number | null>([[T0 + HOUR_MS, 11], [T0 + 2 * HOUR_MS, 11]]);
    expect(correctHourly(hourly, 6, o2).map((h) => h.value)).toEqual([150, null, 100]);
  });
});

describe('hourlyOf: hourly means of the readings that count', () => {
  it('skips readings that do not count and labels the hour by its end', () => {
    const readings = [reading(5, 10), reading(10, 20), reading(15, 999, '02'), reading(20, 999, '00', 4), reading(60, 30)];
    const hourly = hourlyOf(readings, 5, 0.75);
    expect(hourly.map((h) => [h.hourEnd - T0, h.value, h.validCount])).toEqual([[HOUR_MS, 20, 3]]);
  });
});

describe('periodsFor: the periods a recomputed hour closes, each once, none still running', () => {
  const hourly: HourlyAverage[] = Array.from({ length: 24 }, (_, i) => ({
    hourEnd: Date.parse('2024-05-23T17:00:00Z') + (i + 1) * HOUR_MS, // the hours of local 24/05 (01:00 … 24:00)
    value: 10 + i,
    validCount: 12,
    expectedCount: 12,
    complete: true,
    min: 10 + i,
    max: 10 + i,
  }));
  const end = hourly[23]!.hourEnd; // local midnight ending 24/05
  const noon = hourly[11]!.hourEnd;

  it.each<[string, number[], ('1h' | '8h' | '24h')[], number, [string, number, number][]]>([
    ['1 h: the hour itself', [noon], ['1h'], end, [['1h', noon - HOUR_MS, noon]]],
    ['8 h: the eight hours up to it', [end], ['8h'], end, [['8h', end - 8 * HOUR_MS, end]]],
    ['24 h: its local day', [noon], ['24h'], end, [['24h', end - 24 * HOUR_MS, end]]],
    ['a day not yet over is left out', [noon], ['24h'], noon, []],
    ['the same period from two labels once', [end, end - HOUR_MS], ['24h'], end, [['24h', end - 24 * HOUR_MS, end]]],
    ['no hour for the label', [end + 5 * HOUR_MS], ['1h'], end + 6 * HOUR_MS, []],
  ])('%s', (_label, labels, bases, now, expected) => {
    expect(periodsFor(hourly, labels, bases, now, 0.75).map((p) => [p.basis, p.start, p.end])).toEqual(expected);
  });

  it('carries the mean and completeness of the period', () => {
    const [day] = periodsFor(hourly, [end], ['24h'], end, 0.75);
    expect(day).toMatchObject({ mean: 21.5, validCount: 24, expectedCount: 24, complete: true });
  });
});
