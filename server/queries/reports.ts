import 'server-only';
import { listIngestFiles } from '@/lib/db/ingest-files';
import { formatDate, startOfLocalDay } from '@/lib/domain/format';
import { expectedFilesPerDay } from '@/lib/domain/station-status';
import { env } from '@/lib/env';
import { requireUser } from '@/server/auth/session';
import { listVisibleStationRows } from './station-dto';

export type DailyReceiptRow = {
  code: string;
  name: string;
  facilityName: string;
  intervalMinutes: number;
  received: number;
  expectedSoFar: number;
  expectedDay: number;
  /** received / expectedSoFar; null before the first slot of the day (or before the station became active). */
  rate: number | null;
  belowThreshold: boolean;
};

export type DailyReceiptReport = { day: string; dayLabel: string; rows: DailyReceiptRow[] };

/** Receipt below this share of the expected files is flagged (DOMAIN.md §7, configurable later). */
const RECEIPT_THRESHOLD = 0.8;

/** Files accepted today (local day) per visible station against the number expected so far and for the whole day. */
export async function getTodayReceiptReport(): Promise<DailyReceiptReport> {
  const user = await requireUser(['admin', 'operator', 'inspector', 'manager', 'facility']);
  const now = new Date();
  const dayStart = startOfLocalDay(now, env().TZ_DISPLAY);
  const stations = await listVisibleStationRows(user);

  const rows = await Promise.all(
    stations.map(async (s): Promise<DailyReceiptRow> => {
      const expectedDay = expectedFilesPerDay(s.intervalMinutes);
      const countFrom = s.activeFrom > dayStart ? s.activeFrom : dayStart;
      const elapsedMin = Math.max(0, (now.getTime() - countFrom.getTime()) / 60_000);
      const expectedSoFar = Math.min(expectedDay, Math.floor(elapsedMin / s.intervalMinutes));
      // One station sends at most expectedDay files a day; re-sends beyond that are not counted twice.
      const files = await listIngestFiles({ stationId: s.id, from: dayStart, to: now, limit: expectedDay * 3 + 50 });
      const received = files.filter((f) => f.outcome === 'accepted' || f.outcome === 'partial').length;
      const rate = expectedSoFar > 0 ? received / expectedSoFar : null;
      return {
        code: s.code,
        name: s.name,
        facilityName: s.facility.name,
        intervalMinutes: s.intervalMinutes,
        received,
        expectedSoFar,
        expectedDay,
        rate,
        belowThreshold: rate !== null && rate < RECEIPT_THRESHOLD,
      };
    }),
  );
  return { day: dayStart.toISOString(), dayLabel: formatDate(now, env().TZ_DISPLAY), rows };
}
