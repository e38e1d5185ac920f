/**
 * The other alert vocabularies of API.md (names fixed there, one list each): an alert's state, the inspector's
 * disposition, the basis of its value and the types of the events in its history. Names come from messages.
 */
export const ALERT_STATES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const DISPOSITIONS = ['pending_review', 'confirmed_violation', 'equipment_fault', 'calibration', 'false_alarm'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const ALERT_BASES = ['5min', '1h', '8h', '24h'] as const;
export type AlertBasis = (typeof ALERT_BASES)[number];

export const ALERT_EVENT_TYPES = ['opened', 'repeat', 'acknowledged', 'disposition', 'resolved', 'reopened', 'note', 'notified'] as const;
export type AlertEventType = (typeof ALERT_EVENT_TYPES)[number];

export function isAlertBasis(v: string | null): v is AlertBasis {
  return v !== null && (ALERT_BASES as readonly string[]).includes(v);
}
