import { codesOf } from '../registry';

/**
 * The one registry of alert kinds (DOMAIN.md §8), codes exactly as API.md's enum, in the order lists show them.
 * Names come from messages: `alerts.kinds.<code>` on screens, `notify.kinds.<code>` in e-mails and webhooks.
 *
 * - `limit`: compared against a limit (the exceedance report offers it);
 * - `exceedance`: a breach of the limit (counted in the monthly report and the report's "all exceedances");
 * - `basis`: what its value rests on: an averaging period (1h/8h/24h), single 5-minute readings, or nothing (a state);
 * - `scope`: one alert per station × parameter, or per station (parameter null);
 * - `disposition`: carries an inspector's disposition (pending review → confirmed violation …);
 * - `raised`: the alert engine raises it today; the others are fixed names (API.md) the engine does not produce yet,
 *   left out of the choices screens offer (their other properties are set when the engine raises them).
 */
export const ALERT_KIND_REGISTRY = [
  { code: 'compliance_exceedance', limit: true, exceedance: true, basis: 'average', scope: 'parameter', disposition: true, raised: true },
  { code: 'instant_exceedance', limit: true, exceedance: true, basis: '5min', scope: 'parameter', disposition: true, raised: true },
  { code: 'approaching', limit: true, exceedance: false, basis: '5min', scope: 'parameter', disposition: false, raised: true },
  { code: 'offline', limit: false, exceedance: false, basis: null, scope: 'station', disposition: false, raised: true },
  { code: 'device_error', limit: false, exceedance: false, basis: null, scope: 'parameter', disposition: false, raised: true },
  { code: 'calibration_overrun', limit: false, exceedance: false, basis: null, scope: 'parameter', disposition: false, raised: true },
  { code: 'qc_fail', limit: false, exceedance: false, basis: '5min', scope: 'parameter', disposition: false, raised: true },
  { code: 'clock_fault', limit: false, exceedance: false, basis: null, scope: 'station', disposition: false, raised: false },
  { code: 'trend_warning', limit: false, exceedance: false, basis: null, scope: 'parameter', disposition: false, raised: false },
] as const satisfies readonly AlertKindSpec[];

type AlertKindSpec = {
  code: string;
  limit: boolean;
  exceedance: boolean;
  basis: 'average' | '5min' | null;
  scope: 'parameter' | 'station';
  disposition: boolean;
  raised: boolean;
};

export const ALERT_KINDS = codesOf(ALERT_KIND_REGISTRY);
export type AlertKind = (typeof ALERT_KINDS)[number];
type Entry = (typeof ALERT_KIND_REGISTRY)[number];
/** Kinds whose entry has `flag` set, as a typed list. */
type With<F extends 'limit' | 'exceedance' | 'disposition' | 'raised'> = Extract<Entry, Record<F, true>>['code'];

const where = <F extends 'limit' | 'exceedance' | 'disposition' | 'raised'>(flag: F): readonly With<F>[] =>
  ALERT_KIND_REGISTRY.filter((k) => k[flag]).map((k) => k.code as With<F>);

/** Kinds the engine raises: the choices of filters and subscriptions. */
export const RAISED_ALERT_KINDS = where('raised');
/** Breaches of a limit (compliance and instantaneous exceedances). */
export const EXCEEDANCE_ALERT_KINDS = where('exceedance');
/** Kinds compared against a limit (exceedances and early warnings). */
export const LIMIT_ALERT_KINDS = where('limit');

export function alertKindInfo(kind: AlertKind): AlertKindSpec {
  return ALERT_KIND_REGISTRY.find((k) => k.code === kind)!;
}

export function isAlertKind(v: string): v is AlertKind {
  return (ALERT_KINDS as readonly string[]).includes(v);
}

/** Only kinds that carry one take an inspector disposition: every exceedance kind (compliance and instantaneous). */
export function takesDisposition(kind: AlertKind): boolean {
  return alertKindInfo(kind).disposition;
}

/** The value an alert reports: the period's average for kinds on an averaging basis (when known), else the peak. */
export function reportedValue(a: { kind: string; averageValue: number | null; peakValue: number | null }): number | null {
  const averaged = isAlertKind(a.kind) && alertKindInfo(a.kind).basis === 'average';
  return averaged && a.averageValue != null ? a.averageValue : a.peakValue;
}
