import type { StationKind } from '../parameters';
import { DEFAULT_APPROACHING_RATIO, DEFAULT_INSTANT_RUN, earlyWarningLevel, type Bounds } from '../verdicts';

/**
 * Alert episodes on 5-minute values (DOMAIN.md §8). Pure: lib/services/alerts/engine.ts stores the state on the alert
 * row (count, peak, run, clear_since, confirmed) and feeds each new value through `stepEpisode`.
 *
 * - An episode opens at the FIRST value for which its condition holds (openedAt = that value's time).
 * - Every further hit counts (count), moves lastSeenAt and keeps the peak over the whole run.
 * - A clear value starts the clear time; the episode ends only once the condition has stayed clear for `clearMs`
 *   (a hit before then continues the same episode: one open episode per station, parameter and kind).
 * - Invalid values (device not measuring, QC fail) neither count nor clear.
 * - `confirmed`: instant exceedance after `confirmRun` consecutive valid hits; approaching once it has lasted
 *   `approachingMinMs`. Only confirmed episodes notify; brief (never confirmed) episodes stay listed.
 */
export type EpisodeKind = 'instant_exceedance' | 'approaching';

export type EpisodeSettings = {
  /** Condition clear this long before an episode ends. */
  clearMs: number;
  /** Consecutive valid values beyond the limit that confirm an instant exceedance. */
  confirmRun: number;
  /** An approaching episode notifies only once it has lasted this long. */
  approachingMinMs: number;
  /** Approaching: valid values at ≥ this share of the limit (and not beyond it). */
  approachingRatio: number;
  /** Alerts about data older than this at arrival are historical and notify nobody. */
  historicalAfterMs: number;
};

const MIN = 60_000;

export const DEFAULT_EPISODE_SETTINGS: EpisodeSettings = {
  clearMs: 30 * MIN,
  confirmRun: DEFAULT_INSTANT_RUN,
  approachingMinMs: 15 * MIN,
  approachingRatio: DEFAULT_APPROACHING_RATIO,
  historicalAfterMs: 24 * 60 * MIN,
};

/** Settings per station kind (DOMAIN.md defaults for every kind; overrides come from configuration). */
export function episodeSettingsFor(
  kind: StationKind,
  overrides: Partial<Record<StationKind, Partial<EpisodeSettings>>> = {},
  base: Partial<EpisodeSettings> = {},
): EpisodeSettings {
  return { ...DEFAULT_EPISODE_SETTINGS, ...base, ...overrides[kind] };
}

export type ValueClass = 'beyond' | 'approaching' | 'clear' | null;

/** One 5-minute value: beyond the limit, approaching it (≥ ratio and not beyond), clear, or null when invalid. */
export function classifyValue(value: number, valid: boolean, bounds: Bounds, ratio = DEFAULT_APPROACHING_RATIO): ValueClass {
  const level = earlyWarningLevel({ value, valid, bounds, ratio });
  if (level === null) return null;
  return level === 'exceeding' ? 'beyond' : level === 'approaching' ? 'approaching' : 'clear';
}

/** Whether a classified value holds the condition of the kind (null: cannot tell). */
export function conditionHolds(kind: EpisodeKind, c: ValueClass): boolean | null {
  if (c === null) return null;
  return kind === 'instant_exceedance' ? c === 'beyond' : c === 'approaching';
}

export type Episode = {
  openedAt: number;
  lastSeenAt: number;
  count: number;
  peak: number | null;
  /** Consecutive hits up to the newest value (0 after a clear value). */
  run: number;
  confirmed: boolean;
  confirmedAt: number | null;
  /** Time of the first clear value after the last hit, null while the condition holds. */
  clearSince: number | null;
};

export type EpisodeSample = { at: number; value: number | null; hit: boolean | null };

export type EpisodeStep =
  | { type: 'none'; episode: Episode | null }
  | { type: 'open'; episode: Episode }
  | { type: 'repeat'; episode: Episode; confirmedNow: boolean }
  | { type: 'clearing'; episode: Episode }
  | { type: 'end'; episode: Episode; endedAt: number };

function peakOf(current: number | null, value: number | null, lowIsWorse: boolean): number | null {
  if (value === null) return current;
  if (current === null) return value;
  return lowIsWorse ? Math.min(current, value) : Math.max(current, value);
}

function confirmation(kind: EpisodeKind, e: Episode, s: EpisodeSettings): boolean {
  return kind === 'instant_exceedance' ? e.run >= s.confirmRun : e.lastSeenAt - e.openedAt >= s.approachingMinMs;
}

/**
 * Applies one value (in time order) to the episode of its key. Returns what happened and the new episode (null once
 * ended: the next hit opens a new one).
 */
export function stepEpisode(
  kind: EpisodeKind,
  episode: Episode | null,
  sample: EpisodeSample,
  settings: EpisodeSettings,
  lowIsWorse = false,
): EpisodeStep {
  const { at, value, hit } = sample;
  if (hit === null) return { type: 'none', episode };
  if (!episode) {
    if (!hit) return { type: 'none', episode: null };
    const opened: Episode = { openedAt: at, lastSeenAt: at, count: 1, peak: value, run: 1, confirmed: false, confirmedAt: null, clearSince: null };
    if (confirmation(kind, opened, settings)) {
      opened.confirmed = true;
      opened.confirmedAt = at;
    }
    return { type: 'open', episode: opened };
  }
  if (at <= Math.max(episode.lastSeenAt, episode.clearSince ?? -Infinity)) return { type: 'none', episode };
  if (hit) {
    const next: Episode = {
      ...episode,
      lastSeenAt: at,
      count: episode.count + 1,
      peak: peakOf(episode.peak, value, lowIsWorse),
      run: episode.clearSince === null ? episode.run + 1 : 1,
      clearSince: null,
    };
    const confirmedNow = !episode.confirmed && confirmation(kind, next, settings);
    if (confirmedNow) {
      next.confirmed = true;
      next.confirmedAt = at;
    }
    return { type: 'repeat', episode: next, confirmedNow };
  }
  const clearSince = episode.clearSince ?? at;
  if (at - clearSince >= settings.clearMs) return { type: 'end', episode: { ...episode, clearSince }, endedAt: clearSince };
  const next: Episode = { ...episode, run: 0, clearSince };
  return { type: 'clearing', episode: next };
}

/** Runs a whole series through stepEpisode: every episode (ended or still open at the end). */
export function episodesOf(
  kind: EpisodeKind,
  samples: readonly EpisodeSample[],
  settings: EpisodeSettings,
  lowIsWorse = false,
): { episode: Episode; endedAt: number | null }[] {
  const out: { episode: Episode; endedAt: number | null }[] = [];
  let current: Episode | null = null;
  for (const s of [...samples].sort((a, b) => a.at - b.at)) {
    const step = stepEpisode(kind, current, s, settings, lowIsWorse);
    if (step.type === 'end') {
      out.push({ episode: step.episode, endedAt: step.endedAt });
      current = null;
      // The value that ended the clear time is itself clear: nothing more to do with it.
    } else {
      current = step.episode;
    }
  }
  if (current) out.push({ episode: current, endedAt: null });
  return out;
}

/** Data older than the historical threshold at arrival: the alert is historical and notifies nobody. */
export function isHistorical(observedAt: number, arrivedAt: number, settings: Pick<EpisodeSettings, 'historicalAfterMs'>): boolean {
  return arrivedAt - observedAt > settings.historicalAfterMs;
}

/** Who hears about an alert: confirmed, not historical and not suppressed by maintenance. */
export function notifies(a: { confirmed: boolean; historical: boolean; suppressed: boolean }): boolean {
  return a.confirmed && !a.historical && !a.suppressed;
}

/** Duration of an episode in ms: to its end, or to `now` while it is still open. */
export function episodeDurationMs(a: { openedAt: Date | number; resolvedAt: Date | number | null }, now: Date | number): number {
  const t = (d: Date | number) => (typeof d === 'number' ? d : d.getTime());
  return Math.max(0, t(a.resolvedAt ?? now) - t(a.openedAt));
}

/**
 * The digest window (notifications): when a new e-mail / webhook message to a recipient is due, given when its last
 * message was due (null: none recently). Now when the window since the last one has passed; the pending digest's time
 * when one is still waiting; else one window after the last. So a recipient gets at most one message per window.
 */
export function digestDue(lastDue: number | null, now: number, windowMs: number): number {
  if (windowMs <= 0 || lastDue === null || now >= lastDue + windowMs) return now;
  return lastDue > now ? lastDue : lastDue + windowMs;
}
