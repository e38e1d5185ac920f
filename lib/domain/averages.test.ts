import { describe, expect, it } from 'vitest';
import { affectedDays, affectedEightHours, computeDaily, computeEightHour, computeHourly, requiredCount, type AverageInput, type HourlyAverage } from './averages';
import { fromLocalParts, HOUR_MS } from './time';

/** Epoch ms of a local wall-clock time. */
const vn = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): number =>
  fromLocalParts({ year, month, day, hour, minute, second, millisecond }).getTime();
const MIN = 60_000;

describe('requiredCount: ceil(ratio × expected)', () => {
  it.each([
    ['hour at 5 min', 12, 0.75, 9],
    ['day', 24, 0.75, 18],
    ['8 hours', 8, 0.75, 6],
    ['hour at 15 min', 4, 0.75, 3],
    ['ratio 0.7 of 10 (no float round-up to 8)', 10, 0.7, 7],
    ['ratio 0.8 of 12', 12, 0.8, 10],
  ])('%s', (_label, expected, ratio, required) => {
    expect(requiredCount(expected, ratio)).toBe(required);
  });
});

/** Readings of hour ending `hourEnd` at 5-minute slots :05 … :00; `valid[i]` false marks slot i invalid. */
function hourOf(hourEnd: number, values: readonly (number | null)[], invalid: readonly number[] = []): AverageInput[] {
  return values.map((value, i) => ({ time: hourEnd - HOUR_MS + (i + 1) * 5 * MIN, value, valid: !invalid.includes(i) }));
}
const H10 = vn(2024, 5, 24, 10);

describe('computeHourly', () => {
  it('readings in time order (one pass) and in any order (grouped) give the same hours', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const readings: AverageInput[] = [];
    for (let i = 0; i < 2000; i++) {
      if (rnd() < 0.05) continue; // gaps
      const value = rnd() < 0.03 ? null : rnd() < 0.02 ? Number.NaN : Math.round(rnd() * 1000); // integers: sums exact in any order
      readings.push({ time: H10 + i * 5 * MIN, value, valid: rnd() > 0.1 });
    }
    const shuffled = readings.map((r, i) => ({ r, k: (i * 7919) % readings.length })).sort((a, b) => a.k - b.k).map((x) => x.r);
    const inOrder = computeHourly(readings, { intervalMinutes: 5 });
    expect(inOrder.length).toBeGreaterThan(150);
    expect(computeHourly(shuffled, { intervalMinutes: 5 })).toEqual(inOrder);
    expect(inOrder.some((h) => h.complete) && inOrder.some((h) => !h.complete)).toBe(true);
  });

  it.each([
    ['12 of 12 valid', hourOf(H10, Array.from({ length: 12 }, (_, i) => i + 1)), { value: 6.5, validCount: 12, complete: true, min: 1, max: 12 }],
    ['9 of 12 valid → complete', hourOf(H10, Array.from({ length: 9 }, () => 10)), { value: 10, validCount: 9, complete: true }],
    ['8 of 12 valid → not complete', hourOf(H10, Array.from({ length: 8 }, () => 10)), { value: 10, validCount: 8, complete: false }],
    ['invalid readings ignored for mean, min and max', hourOf(H10, [10, 20, 1000, -5, 30], [2, 3]), { value: 20, validCount: 3, min: 10, max: 30 }],
    ['a valid-flagged null value does not count', hourOf(H10, [10, null, 30]), { value: 20, validCount: 2 }],
    ['only invalid readings: no value', hourOf(H10, [10, 20], [0, 1]), { value: null, validCount: 0, complete: false, min: null, max: null }],
  ])('%s', (_label, readings, expected) => {
    const [hour, ...rest] = computeHourly(readings, { intervalMinutes: 5 });
    expect(rest).toEqual([]);
    expect(hour).toMatchObject({ hourEnd: H10, expectedCount: 12, ...expected });
  });

  it('splits at the hour: 10:00 closes hour 10, 10:05 opens hour 11', () => {
    const rows = computeHourly(
      [
        { time: vn(2024, 5, 24, 10), value: 1, valid: true },
        { time: vn(2024, 5, 24, 10, 5), value: 3, valid: true },
        { time: vn(2024, 5, 24, 9, 55), value: 5, valid: true },
      ],
      { intervalMinutes: 5 },
    );
    expect(rows.map((r) => [r.hourEnd, r.value, r.validCount])).toEqual([
      [H10, 3, 2],
      [vn(2024, 5, 24, 11), 3, 1],
    ]);
  });

  it.each([
    ['15-minute interval expects 4, needs 3', 15, 0.75, 3, true],
    ['1-minute interval expects 60, needs 45', 1, 0.75, 44, false],
    ['configurable ratio 0.5: 6 of 12', 5, 0.5, 6, true],
  ])('%s', (_label, intervalMinutes, completeRatio, n, complete) => {
    const readings = Array.from({ length: n }, (_, i) => ({ time: H10 - i * intervalMinutes * MIN, value: 1, valid: true }));
    const [hour] = computeHourly(readings, { intervalMinutes, completeRatio });
    expect(hour).toMatchObject({ expectedCount: Math.floor(60 / intervalMinutes), complete });
  });
});

/** Hourly rows for hours ending at `start + k h`, complete unless listed. */
function hours(start: number, values: readonly (number | null)[], incomplete: readonly number[] = []): HourlyAverage[] {
  return values.map((value, k) => ({
    hourEnd: start + k * HOUR_MS,
    value,
    validCount: incomplete.includes(k) ? 5 : 12,
    expectedCount: 12,
    complete: value !== null && !incomplete.includes(k),
    min: value,
    max: value,
  }));
}
const D24_01 = vn(2024, 5, 24, 1);

describe('computeDaily: mean of the complete hourly means; complete with ≥ 18 of 24', () => {
  it.each([
    ['24 complete hours', hours(D24_01, Array.from({ length: 24 }, (_, k) => k + 1)), { value: 12.5, validCount: 24, complete: true, min: 1, max: 24 }],
    ['18 complete hours → complete', hours(D24_01, Array.from({ length: 18 }, () => 10)), { value: 10, validCount: 18, complete: true }],
    ['17 complete hours → not complete', hours(D24_01, Array.from({ length: 17 }, () => 10)), { value: 10, validCount: 17, complete: false }],
    ['incomplete hours are left out', hours(D24_01, [10, 1000, 20], [1]), { value: 15, validCount: 2, min: 10, max: 20 }],
  ])('%s', (_label, hourly, expected) => {
    const [day, ...rest] = computeDaily(hourly);
    expect(rest).toEqual([]);
    expect(day).toMatchObject({ day: '2024-05-24', expectedCount: 24, ...expected });
  });

  it('hour 24:00 (00:00 next day) belongs to the day; 01:00 next day does not', () => {
    const rows = computeDaily(hours(vn(2024, 5, 24, 23), [1, 2, 3]));
    expect(rows.map((r) => [r.day, r.value, r.validCount])).toEqual([
      ['2024-05-24', 1.5, 2],
      ['2024-05-25', 3, 1],
    ]);
  });
});

describe('computeEightHour: mean of complete hourly means in the 8 hours ending at the label; ≥ 6 to be complete', () => {
  const H = (k: number): number => D24_01 + k * HOUR_MS;

  it.each([
    ['8 of 8', hours(D24_01, [1, 2, 3, 4, 5, 6, 7, 8]), H(7), { value: 4.5, validCount: 8, complete: true, min: 1, max: 8 }],
    ['6 of 8 → complete', hours(D24_01, [1, 2, 3, 4, 5, 6, 7, 8], [0, 1]), H(7), { value: 5.5, validCount: 6, complete: true }],
    ['5 of 8 → not complete', hours(D24_01, [1, 2, 3, 4, 5, 6, 7, 8], [0, 1, 2]), H(7), { value: 6, validCount: 5, complete: false }],
    ['hour 9 leaves out hour 1', hours(D24_01, [100, 2, 2, 2, 2, 2, 2, 2, 2]), H(8), { value: 2, validCount: 8 }],
    ['missing hours in the window count as absent', hours(D24_01, [1, null, null, 4]), H(3), { value: 2.5, validCount: 2, complete: false }],
  ])('%s', (_label, hourly, label, expected) => {
    const row = computeEightHour(hourly).find((r) => r.hourEnd === label);
    expect(row).toMatchObject({ expectedCount: 8, ...expected });
  });

  it('one row per hourly label, sorted', () => {
    expect(computeEightHour([...hours(D24_01, [1, 2, 3])].reverse()).map((r) => r.hourEnd)).toEqual([H(0), H(1), H(2)]);
  });
});

describe('affected periods for incremental recompute', () => {
  it('days: midnight goes to the previous day', () => {
    expect(affectedDays([vn(2024, 5, 25, 0), vn(2024, 5, 25, 0, 5), vn(2024, 5, 24, 12)])).toEqual(['2024-05-24', '2024-05-25']);
  });

  it('8-hour labels: each hour and the 7 after it', () => {
    expect(affectedEightHours([H10])).toEqual(Array.from({ length: 8 }, (_, k) => H10 + k * HOUR_MS));
    expect(affectedEightHours([H10, H10 + HOUR_MS])).toHaveLength(9);
  });
});
