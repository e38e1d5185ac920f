import { describe, expect, it } from 'vitest';
import {
  classifyValue,
  conditionHolds,
  DEFAULT_EPISODE_SETTINGS,
  episodeDurationMs,
  episodeSettingsFor,
  episodesOf,
  digestDue,
  isHistorical,
  notifies,
  stepEpisode,
  type EpisodeKind,
  type EpisodeSample,
} from './episodes';

const MIN = 60_000;
const S = DEFAULT_EPISODE_SETTINGS;
/** 5-minute samples from t=0 for a kind against a max limit. */
function series(kind: EpisodeKind, values: readonly (number | null)[], max: number, stepMin = 5): EpisodeSample[] {
  return values.map((v, i) => ({
    at: i * stepMin * MIN,
    value: v,
    hit: v === null ? null : conditionHolds(kind, classifyValue(v, true, { max, min: null })),
  }));
}

describe('classifyValue: approaching only for valid values ≥ 80 % of the limit and not beyond it', () => {
  it.each([
    ['COD 180.5 against 67.5 is beyond, not approaching (the issue)', 180.5, true, { max: 67.5, min: null }, 'beyond'],
    ['exactly at the limit complies: approaching', 67.5, true, { max: 67.5, min: null }, 'approaching'],
    ['just above the limit is beyond', 67.51, true, { max: 67.5, min: null }, 'beyond'],
    ['exactly 80 % approaches', 54, true, { max: 67.5, min: null }, 'approaching'],
    ['just under 80 % is clear', 53.99, true, { max: 67.5, min: null }, 'clear'],
    ['an invalid value cannot tell', 180.5, false, { max: 67.5, min: null }, null],
    ['below a minimum is beyond', 5.4, true, { max: 9, min: 5.5 }, 'beyond'],
    ['inside a min–max band near the minimum approaches', 5.7, true, { max: 9, min: 5.5 }, 'approaching'],
    ['middle of a min–max band is clear', 7, true, { max: 9, min: 5.5 }, 'clear'],
  ] as const)('%s', (_label, value, valid, bounds, expected) => {
    expect(classifyValue(value, valid, bounds)).toBe(expected);
  });

  it.each([
    ['instant_exceedance', 'beyond', true],
    ['instant_exceedance', 'approaching', false],
    ['approaching', 'beyond', false],
    ['approaching', 'approaching', true],
    ['approaching', 'clear', false],
    ['instant_exceedance', null, null],
  ] as const)('%s holds for %s → %s', (kind, c, expected) => {
    expect(conditionHolds(kind, c)).toBe(expected);
  });
});

describe('instant_exceedance episodes (the issue\'s series)', () => {
  it.each([
    [
      '30, 52, 58, 51, 42 (limit 50): opens at the 52, peak 58, count 3, confirmed at the 51',
      [30, 52, 58, 51, 42],
      { openedAt: 5 * MIN, lastSeenAt: 15 * MIN, count: 3, peak: 58, confirmed: true, confirmedAt: 15 * MIN, clearSince: 20 * MIN },
      null,
    ],
    [
      'two values beyond then clear for 30 min: brief, never confirmed, ends at the first clear value',
      [30, 52, 58, 40, 40, 40, 40, 40, 40, 40],
      { openedAt: 5 * MIN, count: 2, peak: 58, confirmed: false, confirmedAt: null },
      15 * MIN,
    ],
    [
      'an invalid value neither breaks the run nor counts',
      [52, null, 53, 54],
      { openedAt: 0, count: 3, peak: 54, confirmed: true, confirmedAt: 15 * MIN },
      null,
    ],
    [
      'a dip shorter than the clear time continues the episode; the run restarts after it',
      [52, 53, 40, 40, 55, 56],
      { openedAt: 0, count: 4, peak: 56, confirmed: false, run: 2 },
      null,
    ],
    [
      'three after the dip confirm it',
      [52, 53, 40, 40, 55, 56, 57],
      { openedAt: 0, count: 5, peak: 57, confirmed: true, confirmedAt: 30 * MIN },
      null,
    ],
  ] as const)('%s', (_label, values, expected, endedAt) => {
    const eps = episodesOf('instant_exceedance', series('instant_exceedance', values, 50), S);
    expect(eps).toHaveLength(1);
    expect(eps[0]!.episode).toMatchObject(expected);
    expect(eps[0]!.endedAt).toBe(endedAt);
  });

  it.each([
    ['clear for 25 min: still the same episode', 6, 1],
    ['clear for exactly 30 min: the episode ends, the next hit opens another', 7, 2],
  ] as const)('%s', (_label, clearValues, episodes) => {
    const values = [60, ...Array<number>(clearValues).fill(40), 60];
    expect(episodesOf('instant_exceedance', series('instant_exceedance', values, 50), S)).toHaveLength(episodes);
  });

  it.each([
    ['N = 1 confirms at the first value', 1, true],
    ['N = 3 (default) needs three', 3, false],
  ] as const)('confirmRun: %s', (_label, confirmRun, confirmed) => {
    const step = stepEpisode('instant_exceedance', null, { at: 0, value: 60, hit: true }, { ...S, confirmRun });
    expect(step.type).toBe('open');
    expect(step.episode?.confirmed).toBe(confirmed);
  });

  it('a value at or before what the episode has already seen changes nothing (late duplicates never count twice)', () => {
    const open = stepEpisode('instant_exceedance', null, { at: 10 * MIN, value: 60, hit: true }, S);
    expect(stepEpisode('instant_exceedance', open.episode, { at: 10 * MIN, value: 99, hit: true }, S)).toEqual({ type: 'none', episode: open.episode });
    expect(stepEpisode('instant_exceedance', open.episode, { at: 5 * MIN, value: 99, hit: true }, S).type).toBe('none');
  });

  it('the peak of a minimum breach is the lowest value', () => {
    const samples = [5.4, 5.0, 5.3].map((v, i) => ({ at: i * 5 * MIN, value: v, hit: true }));
    expect(episodesOf('instant_exceedance', samples, S, true)[0]!.episode.peak).toBe(5.0);
  });
});

describe('approaching episodes', () => {
  // Two hours of COD between 76 % and 88 % of 67.5, dipping under 80 % for at most 15 minutes at a time.
  const ratios = [0.82, 0.85, 0.88, 0.79, 0.77, 0.81, 0.84, 0.86, 0.76, 0.78, 0.79, 0.83, 0.85, 0.87, 0.8, 0.79, 0.82, 0.88, 0.86, 0.77, 0.81, 0.84, 0.85, 0.83];
  it('two hours wandering between 76 % and 88 % of the limit make ONE episode (main made 8)', () => {
    const eps = episodesOf('approaching', series('approaching', ratios.map((r) => r * 67.5), 67.5), S);
    expect(eps).toHaveLength(1);
    expect(eps[0]!.episode).toMatchObject({ openedAt: 0, confirmed: true, confirmedAt: 25 * MIN });
  });

  it.each([
    ['10 minutes of approaching values: not confirmed', 3, false],
    ['exactly 15 minutes (minimum duration): confirmed', 4, true],
  ] as const)('%s', (_label, n, confirmed) => {
    const eps = episodesOf('approaching', series('approaching', Array<number>(n).fill(60), 67.5), S);
    expect(eps[0]!.episode.confirmed).toBe(confirmed);
  });

  it('values beyond the limit clear an approaching episode (it is no longer approaching) and never open one', () => {
    const eps = episodesOf('approaching', series('approaching', [60, 180.5, 180.5, 180.5, 180.5, 180.5, 180.5, 180.5], 67.5), S);
    expect(eps).toEqual([{ episode: expect.objectContaining({ count: 1, confirmed: false }), endedAt: 5 * MIN }]);
    expect(episodesOf('approaching', series('approaching', [180.5, 180.5], 67.5), S)).toEqual([]);
  });
});

describe('settings per station kind, historical data and who is notified', () => {
  it.each([
    ['defaults from DOMAIN.md', 'wastewater', {}, S],
    ['a kind override wins', 'emission', { emission: { clearMs: 60 * MIN } }, { ...S, clearMs: 60 * MIN }],
    ['an override of another kind is ignored', 'ambient_air', { emission: { clearMs: 60 * MIN } }, S],
  ] as const)('%s', (_label, kind, overrides, expected) => {
    expect(episodeSettingsFor(kind, overrides)).toEqual(expected);
  });

  it.each([
    ['arrived 24 h after its time: not yet historical', 24 * 60 * MIN, false],
    ['arrived 24 h + 1 ms after: historical', 24 * 60 * MIN + 1, true],
    ['arrived at once', 0, false],
  ] as const)('%s', (_label, lateBy, expected) => {
    expect(isHistorical(1_000_000, 1_000_000 + lateBy, S)).toBe(expected);
  });

  it.each([
    ['confirmed, live', { confirmed: true, historical: false, suppressed: false }, true],
    ['brief (not confirmed)', { confirmed: false, historical: false, suppressed: false }, false],
    ['historical', { confirmed: true, historical: true, suppressed: false }, false],
    ['in maintenance', { confirmed: true, historical: false, suppressed: true }, false],
  ] as const)('notifies: %s → %s', (_label, a, expected) => {
    expect(notifies(a)).toBe(expected);
  });

  it.each([
    ['ended', { openedAt: 0, resolvedAt: 40 * MIN }, 99 * MIN, 40 * MIN],
    ['still open', { openedAt: 0, resolvedAt: null }, 99 * MIN, 99 * MIN],
  ] as const)('duration: %s', (_label, a, now, expected) => {
    expect(episodeDurationMs(a, now)).toBe(expected);
  });
});

describe('digestDue: at most one message per recipient per window (default 10 min)', () => {
  const W = 10 * MIN;
  it.each([
    ['nothing recent: at once', null, 5 * MIN, 5 * MIN],
    ['last one 10 min ago: at once', 0, 10 * MIN, 10 * MIN],
    ['last one 1 min ago: one window after it', 0, MIN, 10 * MIN],
    ['a digest is waiting: joins it', 10 * MIN, 3 * MIN, 10 * MIN],
    ['window 0 turns digests off', 0, MIN, MIN],
  ] as const)('%s', (_label, last, now, expected) => {
    expect(digestDue(last, now, _label.startsWith('window 0') ? 0 : W)).toBe(expected);
  });
});
