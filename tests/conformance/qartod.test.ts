import { describe, expect, it } from 'vitest';
import { readTestData } from '@/lib/domain/test-data.test-support';
import { flatLineTest } from '@/lib/domain/qc/flat-line';
import { grossRangeTest } from '@/lib/domain/qc/gross-range';
import { rateOfChangeTest } from '@/lib/domain/qc/rate-of-change';
import { spikeTest } from '@/lib/domain/qc/spike';
import type { QcReading } from '@/lib/domain/qc/types';

type Params = Partial<{
  fail_span: [number, number];
  suspect_span: [number, number];
  suspect_threshold: number;
  fail_threshold: number;
  threshold: number;
  tolerance: number;
}>;
type VectorCase = {
  id: string;
  test: 'gross_range' | 'spike' | 'rate_of_change' | 'flat_line';
  params: Params;
  times?: number[];
  values: (number | null)[];
  expected: number[];
  note?: string;
};

/** tests/data/qartod-vectors.json (ioos_qc's reference outputs; see tests/data/README.md). */
function loadVectors(): VectorCase[] {
  return (JSON.parse(readTestData('qartod-vectors.json')) as { cases: VectorCase[] }).cases;
}

const cases = loadVectors();
const MAX_GAP_MINUTES = 30;

/** Vector times are seconds from the first point; cases without times are regular 5-minute series. */
function toSeries(c: VectorCase): QcReading[] {
  return c.values.map((value, i) => ({ time: (c.times?.[i] ?? i * 300) * 1000, value, deviceStatus: '00' }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function run(c: VectorCase): number[] {
  const series = toSeries(c);
  const p = c.params;
  switch (c.test) {
    case 'gross_range':
      if (!p.fail_span) throw new Error(`${c.id}: no fail_span`);
      return grossRangeTest(series, { failSpan: p.fail_span, suspectSpan: p.suspect_span ?? null });
    case 'spike':
      // Thresholds are already in value units; 0 disables a level as in ioos_qc (case J).
      return spikeTest(series, { suspectThreshold: p.suspect_threshold ?? 0, failThreshold: p.fail_threshold ?? 0, maxGapMinutes: MAX_GAP_MINUTES });
    case 'rate_of_change':
      // ioos_qc rates are per second; the product API is per minute.
      return rateOfChangeTest(series, {
        suspectPerMinute: p.threshold === undefined ? null : p.threshold * 60,
        failPerMinute: p.fail_threshold === undefined ? null : p.fail_threshold * 60,
        maxGapMinutes: MAX_GAP_MINUTES,
      });
    case 'flat_line': {
      // Windows are seconds; ioos_qc counts them in samples of the median interval, our intervalMinutes.
      const times = c.times ?? [];
      const intervalSeconds = median(times.slice(1).map((t, i) => t - (times[i] ?? 0)));
      return flatLineTest(series, {
        tolerance: p.tolerance ?? 0,
        suspectMinutes: (p.suspect_threshold ?? 0) / 60,
        failMinutes: (p.fail_threshold ?? 0) / 60,
        intervalMinutes: intervalSeconds / 60,
        maxGapMinutes: MAX_GAP_MINUTES,
      });
    }
  }
}

describe('ioos_qc QARTOD reference vectors (tests/data/qartod-vectors.json)', () => {
  it('has cases for every test', () => {
    expect(new Set(cases.map((c) => c.test))).toEqual(new Set(['gross_range', 'spike', 'rate_of_change', 'flat_line']));
  });

  // Special handling, each noted at its test:
  // - U7 and F give rate_of_change a fail_threshold, which ioos_qc lacks: the API gained rateOfChangeFailPerMinute.
  //   U7 point 8 changes by exactly the fail rate (10 per 900 s; 10/900 === 0.011111111111111112 in doubles) and
  //   expects fail, while H expects strict ">" for suspect: so fail is "at or above", suspect "strictly above".
  // - U8 windows (3000 s, 4800 s) are not multiples of its 900 s interval: ioos_qc floors them to 3 and 5 samples,
  //   so a run "lasts the window" once it spans floor(window / interval) intervals (DOMAIN.md's rule on regular data).
  // - K has no suspect span: suspectSpan is nullable. J uses spike thresholds of 0: 0 disables that level.
  // - H's last step is a 60-minute gap: our neighbour-gap rule (> 30 min counts as missing) leaves it good, as ioos does.
  it.each(cases.map((c) => [`${c.id} (${c.test}${c.note ? `: ${c.note}` : ''})`, c] as const))('%s', (_label, c) => {
    expect(run(c)).toEqual(c.expected);
  });
});
