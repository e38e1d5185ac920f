import { describe, expect, it } from 'vitest';
import { flagRuns, type FlagChange } from './flag-runs';

const c = (index: number, flag = 1, reasons: string[] = []): FlagChange => ({
  index,
  time: index * 300_000,
  flag,
  reasons,
});
const run = (from: number, to: number, flag = 1, reasons: string[] = []) => ({
  fromMs: from * 300_000,
  toMs: to * 300_000,
  flag,
  reasons,
  count: to - from + 1,
});

describe('flagRuns', () => {
  it.each([
    ['nothing to write', [], []],
    ['one reading', [c(4)], [run(4, 4)]],
    ['a whole series with one result is one run', [c(0), c(1), c(2), c(3)], [run(0, 3)]],
    ['an unchanged reading in between splits the run', [c(0), c(1), c(3), c(4)], [run(0, 1), run(3, 4)]],
    [
      'a different flag splits the run',
      [c(0), c(1, 3, ['spike']), c(2)],
      [run(0, 0), run(1, 1, 3, ['spike']), run(2, 2)],
    ],
    [
      'different reasons with the same flag split the run',
      [c(0, 3, ['spike']), c(1, 3, ['flat_line'])],
      [run(0, 0, 3, ['spike']), run(1, 1, 3, ['flat_line'])],
    ],
    [
      'equal reasons in separate arrays join',
      [c(5, 4, ['gross_range', 'zero']), c(6, 4, ['gross_range', 'zero'])],
      [run(5, 6, 4, ['gross_range', 'zero'])],
    ],
    [
      'reasons that are a prefix of the other split',
      [c(0, 3, ['spike']), c(1, 3, ['spike', 'zero'])],
      [run(0, 0, 3, ['spike']), run(1, 1, 3, ['spike', 'zero'])],
    ],
  ] as const)('%s', (_name, changes, expected) => {
    expect(flagRuns(changes)).toEqual(expected);
  });

  it('counts add up to the changes', () => {
    const changes = Array.from({ length: 1000 }, (_, i) => c(i + Math.floor(i / 100), i % 250 === 0 ? 3 : 1));
    const runs = flagRuns(changes);
    expect(runs.reduce((n, r) => n + r.count, 0)).toBe(1000);
    for (const r of runs) expect(r.fromMs).toBeLessThanOrEqual(r.toMs);
  });
});
