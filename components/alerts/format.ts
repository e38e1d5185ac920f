import { RAISED_ALERT_KINDS } from '@/lib/domain/alerts/kinds';
import { ALERT_STATES, DISPOSITIONS } from '@/lib/domain/alerts/lifecycle';

/** Small display helpers of the alerts pages (pure). Choices come from the registries of lib/domain/alerts. */
export const KIND_OPTIONS = RAISED_ALERT_KINDS;
export const STATE_OPTIONS = ALERT_STATES;
export const DISPOSITION_OPTIONS = DISPOSITIONS;

export type AlertFilterQuery = {
  station?: string;
  kind?: string;
  state?: string;
  disposition?: string;
  from?: string;
  to?: string;
  episode?: string;
  data?: string;
  facility?: string;
  cursor?: string;
};

/** A URL with only the non-empty filters, e.g. `/alerts?kind=offline`. */
export function alertsHref(base: string, q: AlertFilterQuery): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) sp.set(k, v);
  const s = sp.toString();
  return s ? `${base}?${s}` : base;
}

/** Whole days, hours and minutes of a duration (floored, never negative). */
export function durationParts(ms: number): { d: number; h: number; m: number } {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return { d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60), m: minutes % 60 };
}

export type DurationT = (key: 'minutes' | 'hours' | 'days', values: { d: number; h: number; m: number }) => string;

export function formatDuration(ms: number, t: DurationT): string {
  const p = durationParts(ms);
  if (p.d > 0) return t('days', p);
  if (p.h > 0) return t('hours', p);
  return t('minutes', p);
}

export const STATE_CLASS: Record<string, string> = {
  open: 'badge badge-rejected',
  acknowledged: 'badge badge-partial',
  resolved: 'badge badge-neutral',
};

export const DISPOSITION_CLASS: Record<string, string> = {
  pending_review: 'badge badge-partial',
  confirmed_violation: 'badge badge-rejected',
  equipment_fault: 'badge badge-duplicate',
  calibration: 'badge badge-duplicate',
  false_alarm: 'badge badge-neutral',
};
