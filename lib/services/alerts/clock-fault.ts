import { findActiveAlert, insertAlertEvent, insertAlertIfNoneActive, isInMaintenance, updateAlert } from '../../db/alerts';

/**
 * `clock_fault` (DOMAIN.md §2, §8): a station whose file carries readings dated beyond receipt + tolerance gets one
 * station-level alert episode; each further such file repeats it (count, last seen). Raised by the ingest service
 * here, outside the alert engine, because the condition is known only at receipt. It is closed by an operator
 * (acknowledge) or when the station's logger clock is fixed and a later file arrives clean (resolveClockFault).
 */
const ACTOR = 'system:ingest';

export type ClockFaultObservation = {
  stationId: number;
  /** Receipt time of the file. */
  receivedAt: Date;
  fileId: number;
  /** The furthest-ahead reading time in the file and how many readings were ahead. */
  aheadTime: Date;
  aheadReadings: number;
  toleranceMinutes: number;
};

export async function raiseClockFault(o: ClockFaultObservation): Promise<void> {
  const data = {
    fileId: o.fileId,
    aheadTime: o.aheadTime.toISOString(),
    aheadMinutes: Math.round((o.aheadTime.getTime() - o.receivedAt.getTime()) / 60_000),
    aheadReadings: o.aheadReadings,
    toleranceMinutes: o.toleranceMinutes,
  };
  const { row, created } = await insertAlertIfNoneActive({
    stationId: o.stationId,
    parameter: null,
    kind: 'clock_fault',
    at: o.receivedAt,
    value: null,
    limitValue: null,
    basis: null,
    averageValue: null,
    completeness: null,
    limitDerivation: null,
    periodStart: o.receivedAt,
    periodEnd: o.aheadTime,
    disposition: null,
    reopenedByRecompute: false,
    suppressed: await isInMaintenance(o.stationId, o.receivedAt, null),
  });
  if (created) {
    await insertAlertEvent({ alertId: row.id, type: 'opened', actor: ACTOR, at: o.receivedAt, data });
    return;
  }
  await updateAlert(row.id, {
    count: row.count + 1,
    lastSeenAt: o.receivedAt > row.lastSeenAt ? o.receivedAt : row.lastSeenAt,
    periodEnd: row.periodEnd && row.periodEnd > o.aheadTime ? row.periodEnd : o.aheadTime,
  });
  await insertAlertEvent({ alertId: row.id, type: 'repeat', actor: ACTOR, at: o.receivedAt, data });
}

/**
 * A clean file (no reading ahead) after the clear time (default 30 min) since the last faulty one resolves the episode.
 * Reads the open episode from the database, so it works after a restart or when another process raised it. Returns
 * 'none' (no open episode), 'resolved', or 'pending' (open, but the clear time has not passed yet).
 */
export async function resolveClockFault(
  stationId: number,
  receivedAt: Date,
  clearMs = 30 * 60_000,
): Promise<'none' | 'resolved' | 'pending'> {
  const active = await findActiveAlert(stationId, null, 'clock_fault');
  if (!active) return 'none';
  if (receivedAt.getTime() - active.lastSeenAt.getTime() < clearMs) return 'pending';
  await updateAlert(active.id, { state: 'resolved', resolvedAt: receivedAt });
  await insertAlertEvent({ alertId: active.id, type: 'resolved', actor: ACTOR, at: receivedAt, data: { reason: 'a later file arrived with its clock in time' } });
  return 'resolved';
}
