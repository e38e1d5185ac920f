import { describe, expect, it } from 'vitest';
import { calibrationOverrun, decideAlertAction, deviceErrorStreak, observeEach, type ActiveAlertState, type ResolvedAlertState } from './rules';

const active = (lastSeenAt: number, count = 1, openedAt = 0, basis: string | null = '1h'): ActiveAlertState => ({ openedAt, lastSeenAt, count, basis });
const resolved = (openedAt: number, resolvedAt: number): ResolvedAlertState => ({ openedAt, resolvedAt });

describe('decideAlertAction: one alert per key; observations at or before lastSeenAt never count twice', () => {
  it.each([
    ['cannot tell', null, null, { at: 10, hit: null, basis: '1h' }, false, { type: 'none' }],
    ['first hit opens', null, null, { at: 10, hit: true, basis: '1h' }, false, { type: 'open', byRecompute: false }],
    ['first hit from late data opens by recompute', null, null, { at: 10, hit: true, basis: '1h' }, true, { type: 'open', byRecompute: true }],
    ['clear without alert does nothing', null, null, { at: 10, hit: false, basis: '1h' }, false, { type: 'none' }],
    ['newer hit repeats', active(10), null, { at: 11, hit: true, basis: '1h' }, false, { type: 'repeat' }],
    ['same observation again only touches', active(10), null, { at: 10, hit: true, basis: '1h' }, false, { type: 'touch' }],
    ['older hit inside the alert touches', active(10, 2, 5), null, { at: 7, hit: true, basis: '1h' }, false, { type: 'touch' }],
    ['older hit before the alert opened is ignored', active(10, 2, 5), null, { at: 4, hit: true, basis: '1h' }, false, { type: 'none' }],
    ['newer clear resolves', active(10), null, { at: 11, hit: false, basis: '1h' }, false, { type: 'resolve', byRecompute: false }],
    ['newer clear from late data resolves by recompute', active(10), null, { at: 11, hit: false, basis: '1h' }, true, { type: 'resolve', byRecompute: true }],
    ['the raising observation recomputed as clear resolves by recompute', active(10, 1), null, { at: 10, hit: false, basis: '1h' }, false, { type: 'resolve', byRecompute: true }],
    ['…but only a note when later repeats also hit', active(10, 3), null, { at: 10, hit: false, basis: '1h' }, false, { type: 'note_recompute' }],
    ['older clear is ignored', active(10), null, { at: 9, hit: false, basis: '1h' }, false, { type: 'none' }],
    ['clear on another basis does not clear', active(10, 1, 0, '24h'), null, { at: 11, hit: false, basis: '1h' }, false, { type: 'none' }],
    ['hit contradicting the clearing observation reopens', null, resolved(5, 12), { at: 12, hit: true, basis: '1h' }, true, { type: 'reopen' }],
    ['hit inside the resolved alert is already covered', null, resolved(5, 12), { at: 8, hit: true, basis: '1h' }, true, { type: 'none' }],
    ['hit after the resolved alert opens a new one', null, resolved(5, 12), { at: 13, hit: true, basis: '1h' }, false, { type: 'open', byRecompute: false }],
    ['late hit before the resolved alert opens by recompute', null, resolved(5, 12), { at: 3, hit: true, basis: '1h' }, true, { type: 'open', byRecompute: true }],
  ] as const)('%s', (_label, a, r, obs, late, expected) => {
    expect(decideAlertAction({ active: a, lastResolved: r, obs, late })).toEqual(expected);
  });
});

describe('deviceErrorStreak: the last N readings all 02 (default 3)', () => {
  it.each([
    [['02', '02', '02'], 3, true],
    [['00', '02', '02'], 3, false],
    [['02', '02'], 3, false],
    [['02', '02', '00'], 3, false],
    [['02'], 1, true],
    [[], 3, null],
  ] as const)('%j (N=%s) → %s', (statuses, n, expected) => {
    expect(deviceErrorStreak(statuses, n)).toBe(expected);
  });
});

const M = 60_000;
const run = (statuses: string[], stepMin = 5) => statuses.map((status, i) => ({ time: i * stepMin * M, status }));

describe('calibrationOverrun: a run of 01/03 lasting ≥ 2 h from its first reading', () => {
  it.each([
    ['2 h exactly (25 readings at 5 min)', run(Array(25).fill('01')), true],
    ['1 h 55 min', run(Array(24).fill('01')), false],
    ['03 counts as calibration', run(Array(25).fill('03')), true],
    ['run broken by 00', run([...Array(20).fill('01'), '00', ...Array(10).fill('01')]), false],
    ['ends on 00', run([...Array(30).fill('01'), '00']), false],
    ['empty', [], null],
  ] as const)('%s → %s', (_label, readings, expected) => {
    expect(calibrationOverrun(readings, 2 * 60 * M)).toBe(expected);
  });
});

describe('observeEach: observations only for readings after `from`, rules see the look-back', () => {
  it('keeps look-back readings for the rule but emits only the new ones', () => {
    const readings = [{ time: 1 }, { time: 2 }, { time: 3 }];
    expect(observeEach(readings, 1, (upTo) => upTo.length >= 3)).toEqual([
      { at: 2, hit: false },
      { at: 3, hit: true },
    ]);
  });
});
