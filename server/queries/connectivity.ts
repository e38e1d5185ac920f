import 'server-only';
import { minutesSince } from '@/lib/domain/format';
import { stateSeverity } from '@/lib/domain/station-status';
import { requireUser } from '@/server/auth/session';
import { listVisibleStationRows, toStationSummary, type StationSummary } from './station-dto';

export type ConnectivityRow = StationSummary & { delayMinutes: number | null; thresholdMinutes: number };

/** Each visible station's last file and delay, worst first: offline, then longest delay (never = longest). */
export async function listConnectivity(): Promise<ConnectivityRow[]> {
  const user = await requireUser();
  const now = new Date();
  const rows = await listVisibleStationRows(user);
  const out = rows.map((s): ConnectivityRow => ({
    ...toStationSummary(s, now),
    delayMinutes: minutesSince(s.lastFileAt, now),
    thresholdMinutes: s.intervalMinutes + s.graceMinutes,
  }));
  return out.sort(
    (a, b) =>
      stateSeverity(a.state) - stateSeverity(b.state) ||
      (b.delayMinutes ?? Number.POSITIVE_INFINITY) - (a.delayMinutes ?? Number.POSITIVE_INFINITY) ||
      a.code.localeCompare(b.code),
  );
}

/** How many visible stations are offline now (for the alerts page). */
export async function countOfflineStations(): Promise<{ offline: number; total: number }> {
  const rows = await listConnectivity();
  return { offline: rows.filter((r) => r.state === 'offline').length, total: rows.length };
}
