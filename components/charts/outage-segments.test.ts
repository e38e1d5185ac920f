import { describe, expect, test } from 'vitest';
import { outageSegments } from './outage-segments';

const H = 3_600_000;
const from = Date.parse('2026-12-01T17:00:00Z'); // 02/12/2026 00:00 local
const to = from + 10 * H;
const iso = (t: number) => new Date(t).toISOString();

describe('outageSegments', () => {
  test.each([
    { label: 'inside the window', o: [{ startedAt: iso(from + H), endedAt: iso(from + 2 * H) }], want: [{ left: 10, width: 10, open: false }] },
    { label: 'started before the window: clipped at its start', o: [{ startedAt: iso(from - 5 * H), endedAt: iso(from + H) }], want: [{ left: 0, width: 10, open: false }] },
    { label: 'open: runs to now', o: [{ startedAt: iso(from + 8 * H), endedAt: null }], want: [{ left: 80, width: 10, open: true }] },
    { label: 'ended before the window: left out', o: [{ startedAt: iso(from - 5 * H), endedAt: iso(from) }], want: [] },
    { label: 'after the window: left out', o: [{ startedAt: iso(to), endedAt: null }], want: [] },
    { label: 'not a time: left out', o: [{ startedAt: 'x', endedAt: null }], want: [] },
  ])('$label', ({ o, want }) => {
    const got = outageSegments(o, from, to, from + 9 * H).map((s) => ({ left: Math.round(s.left * 100) / 100, width: Math.round(s.width * 100) / 100, open: s.open }));
    expect(got).toEqual(want);
  });
  test('sorted by start', () => {
    const got = outageSegments(
      [
        { startedAt: iso(from + 5 * H), endedAt: iso(from + 6 * H) },
        { startedAt: iso(from + H), endedAt: iso(from + 2 * H) },
      ],
      from,
      to,
      to,
    );
    expect(got.map((s) => Math.round(s.left))).toEqual([10, 50]);
  });
});
