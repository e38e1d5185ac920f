import { computeDaily, computeEightHour, computeHourly, type HourlyAverage } from '../averages';
import { dayLabel, dayRange, HOUR_MS } from '../time';
import { correctToReferenceO2 } from '../oxygen-correction';
import { countsForEarlyWarning } from '../station-state';
import { violatedBound, type Bounds, type ComplianceBasis } from '../verdicts';

/**
 * Pure steps of the alert engine (DOMAIN.md §6, §8; lib/services/alerts/engine.ts does the reading and writing):
 * which readings count, the value and limit an alert shows, reference-O2 correction and the averaging periods a
 * recomputed hour closes.
 */
export type AlertReading = { time: Date; value: number; deviceStatus: string; qcFlag: number };

/** Counts for alerts: the live early-warning rule (measuring, and good, suspect or not yet evaluated by QC). */
export const countsForAlerts: (r: Pick<AlertReading, 'deviceStatus' | 'qcFlag'>) => boolean = countsForEarlyWarning;

/** An episode's peak: the highest value, or the lowest when the breached bound is a minimum; a missing value changes nothing. */
export function episodePeak(current: number | null, value: number | null, lowIsWorse: boolean | undefined): number | null {
  if (value === null) return current;
  if (current === null) return value;
  return lowIsWorse ? Math.min(current, value) : Math.max(current, value);
}

/** The limit an alert shows: the bound the value breaks, otherwise the maximum, otherwise the minimum. */
export function shownLimit(bounds: Bounds, value: number | null): number | null {
  return (value !== null ? violatedBound(value, bounds) : null) ?? bounds.max ?? bounds.min ?? null;
}

/** The value is below the minimum (its peak is then the lowest value). */
export function isLowBreach(bounds: Bounds, value: number | null): boolean {
  return value !== null && bounds.min != null && value < bounds.min;
}

/** Parameters never corrected to reference O2 (O2 itself, flow and the stack's physical state). */
export const NOT_O2_CORRECTED: ReadonlySet<string> = new Set(['O2', 'FLOW', 'TEMP', 'PRESSURE']);

/** A limit with a reference O2 corrects the parameter's values, unless the parameter is one of NOT_O2_CORRECTED. */
export function correctsO2(parameter: string, o2Ref: number | null): o2Ref is number {
  return o2Ref !== null && !NOT_O2_CORRECTED.has(parameter);
}

/** 5-minute values corrected to the reference O2 with the O2 measured at the same time (uncorrected without one). */
export function correctReadings<T extends AlertReading>(
  readings: readonly T[],
  parameter: string,
  o2Ref: number | null,
  o2ByTime: ReadonlyMap<number, number>,
): readonly T[] {
  if (!correctsO2(parameter, o2Ref)) return readings;
  return readings.map((r) => ({ ...r, value: correctToReferenceO2(r.value, o2ByTime.get(r.time.getTime()) ?? null, o2Ref).value }));
}

/** Hourly means corrected to the reference O2 with the hour's mean O2 (hours without a mean stay as they are). */
export function correctHourly(hourly: readonly HourlyAverage[], o2Ref: number, o2Hourly: ReadonlyMap<number, number | null>): HourlyAverage[] {
  return hourly.map((h) => (h.value === null ? h : { ...h, value: correctToReferenceO2(h.value, o2Hourly.get(h.hourEnd) ?? null, o2Ref).value }));
}

/** Hourly means of the valid readings (countsForAlerts). */
export function hourlyOf(readings: readonly AlertReading[], intervalMinutes: number, completeRatio: number): HourlyAverage[] {
  return computeHourly(
    readings.map((r) => ({ time: r.time.getTime(), value: r.value, valid: countsForAlerts(r) })),
    { intervalMinutes, completeRatio },
  );
}

export type Period = {
  basis: ComplianceBasis;
  start: number;
  end: number;
  mean: number | null;
  validCount: number;
  expectedCount: number;
  complete: boolean;
};

/**
 * The averaging periods ending at the given hour labels, for each basis: the hour itself (1h), the 8 hours up to it
 * (8h) or its local day (24h). A period is listed once, and only once it has ended (end ≤ now).
 */
export function periodsFor(hourly: readonly HourlyAverage[], labels: readonly number[], bases: readonly ComplianceBasis[], now: number, completeRatio: number): Period[] {
  const out: Period[] = [];
  const seen = new Set<string>();
  const push = (p: Period) => {
    const k = `${p.basis}|${p.end}`;
    if (!seen.has(k) && p.end <= now) {
      seen.add(k);
      out.push(p);
    }
  };
  for (const label of labels) {
    for (const basis of bases) {
      if (basis === '1h') {
        const h = hourly.find((x) => x.hourEnd === label);
        if (h) push({ basis, start: label - HOUR_MS, end: label, mean: h.value, validCount: h.validCount, expectedCount: h.expectedCount, complete: h.complete });
      } else if (basis === '8h') {
        const e = computeEightHour(hourly, { completeRatio }).find((x) => x.hourEnd === label);
        if (e) push({ basis, start: label - 8 * HOUR_MS, end: label, mean: e.value, validCount: e.validCount, expectedCount: e.expectedCount, complete: e.complete });
      } else {
        const { after, through } = dayRange(dayLabel(label));
        const d = computeDaily(hourly.filter((h) => h.hourEnd > after && h.hourEnd <= through), { completeRatio })[0];
        if (d) push({ basis, start: after, end: through, mean: d.value, validCount: d.validCount, expectedCount: d.expectedCount, complete: d.complete });
      }
    }
  }
  return out;
}
