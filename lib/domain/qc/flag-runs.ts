/**
 * QC write-back as runs: consecutive readings of one parameter's series that get the same flag and reasons are
 * written as one time range (a first pass over a month is then a few range updates instead of thousands of lookups).
 * Consecutive means adjacent in the loaded series, so no other reading of the parameter lies between a run's ends.
 */
export type FlagChange = { index: number; time: number; flag: number; reasons: readonly string[] };
export type FlagRun = { fromMs: number; toMs: number; flag: number; reasons: readonly string[]; count: number };

const sameReasons = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Changes in ascending index (and time) order → runs of adjacent indexes with equal flag and reasons. */
export function flagRuns(changes: readonly FlagChange[]): FlagRun[] {
  const runs: FlagRun[] = [];
  let last: FlagRun | undefined;
  let lastIndex = Number.NaN;
  for (const c of changes) {
    if (last && c.index === lastIndex + 1 && c.flag === last.flag && sameReasons(c.reasons, last.reasons)) {
      last.toMs = c.time;
      last.count += 1;
    } else {
      last = { fromMs: c.time, toMs: c.time, flag: c.flag, reasons: c.reasons, count: 1 };
      runs.push(last);
    }
    lastIndex = c.index;
  }
  return runs;
}
