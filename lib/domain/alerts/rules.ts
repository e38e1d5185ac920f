/**
 * How one observation changes the alert of its (station, parameter, kind) key (DOMAIN.md §8). Pure.
 * An observation is a timestamped "condition holds" (hit true), "condition cleared" (false) or "cannot tell" (null).
 * Observations at or before the alert's lastSeenAt were already counted: re-evaluating a period (late data) never
 * double-counts; it can only undo the observation that raised a single-count alert (resolved by recompute) or
 * contradict the observation that cleared the last alert (reopened by recompute).
 */
export type ActiveAlertState = { openedAt: number; lastSeenAt: number; count: number; basis: string | null };
export type ResolvedAlertState = { openedAt: number; resolvedAt: number };
export type Observation = { at: number; hit: boolean | null; basis: string | null };

export type AlertAction =
  | { type: 'none' }
  | { type: 'open'; byRecompute: boolean }
  | { type: 'reopen' }
  | { type: 'repeat' }
  | { type: 'touch' }
  | { type: 'resolve'; byRecompute: boolean }
  | { type: 'note_recompute' };

export function decideAlertAction(input: {
  active: ActiveAlertState | null;
  lastResolved: ResolvedAlertState | null;
  obs: Observation;
  /** The observation comes from data evaluated well after its time (late files / recomputed QC). */
  late: boolean;
}): AlertAction {
  const { active, lastResolved, obs, late } = input;
  if (obs.hit === null) return { type: 'none' };
  if (active) {
    // A clearing observation only clears an alert raised on the same basis (ambient 1 h vs 24 h share one alert).
    if (!obs.hit && active.basis !== null && obs.basis !== null && active.basis !== obs.basis) return { type: 'none' };
    if (obs.at > active.lastSeenAt) return obs.hit ? { type: 'repeat' } : { type: 'resolve', byRecompute: late };
    if (obs.at === active.lastSeenAt) {
      if (obs.hit) return { type: 'touch' };
      return active.count <= 1 ? { type: 'resolve', byRecompute: true } : { type: 'note_recompute' };
    }
    return obs.hit && obs.at >= active.openedAt ? { type: 'touch' } : { type: 'none' };
  }
  if (!obs.hit) return { type: 'none' };
  if (lastResolved) {
    if (obs.at === lastResolved.resolvedAt) return { type: 'reopen' };
    if (obs.at >= lastResolved.openedAt && obs.at < lastResolved.resolvedAt) return { type: 'none' };
  }
  return { type: 'open', byRecompute: late };
}

/** Status runs: device error = the last `n` readings all status 02 (default 3, 15 minutes at 5-minute data). */
export function deviceErrorStreak(statuses: readonly string[], n = 3): boolean | null {
  const last = statuses.at(-1);
  if (last === undefined) return null;
  if (last !== '02') return false;
  return statuses.length >= n && statuses.slice(-n).every((s) => s === '02');
}

/**
 * Calibration longer than allowed: the run of consecutive 01/03 readings ending at the newest lasts at least `maxMs`
 * (default 2 h) measured from its first reading. False once a reading is 00 or 02; null without readings.
 */
export function calibrationOverrun(readings: readonly { time: number; status: string }[], maxMs = 2 * 3_600_000): boolean | null {
  const last = readings.at(-1);
  if (!last) return null;
  const calibrating = (s: string) => s === '01' || s === '03';
  if (!calibrating(last.status)) return false;
  let start = last.time;
  for (let i = readings.length - 1; i >= 0; i -= 1) {
    const r = readings[i];
    if (!r || !calibrating(r.status)) break;
    start = r.time;
  }
  return last.time - start >= maxMs;
}

/** Observations of each reading time for a per-reading rule (streaks look back over the earlier readings). */
export function observeEach<T extends { time: number }>(
  readings: readonly T[],
  from: number,
  rule: (upTo: readonly T[]) => boolean | null,
): { at: number; hit: boolean | null }[] {
  const out: { at: number; hit: boolean | null }[] = [];
  readings.forEach((r, i) => {
    if (r.time > from) out.push({ at: r.time, hit: rule(readings.slice(0, i + 1)) });
  });
  return out;
}
