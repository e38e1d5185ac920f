import { getTranslations } from 'next-intl/server';
import { isAlertBasis } from '@/lib/domain/alerts/lifecycle';
import { formatDateTime, localDayKey } from '@/lib/domain/time';
import { csvFile, CSV_CONTENT_TYPE } from '@/lib/formats/csv';
import { currentUser } from '@/server/auth/session';
import { EXPORT_LIMIT, listAlertRowsFor } from '@/server/queries/alerts';

/**
 * CSV of the filtered alert list (same URL filters as /alerts), through the one CSV writer (BOM, `.` decimals, no
 * formulas); times dd/MM/yyyy HH:mm in Vietnam time. Checks the session itself (route handlers are public).
 */

export async function GET(req: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return new Response('Unauthorized', { status: 401 });
  const sp = Object.fromEntries(new URL(req.url).searchParams.entries());
  const [t, list] = await Promise.all([getTranslations('alerts'), listAlertRowsFor(user, sp, EXPORT_LIMIT)]);
  const header = [
    'id',
    t('columns.openedAt'),
    t('columns.station'),
    t('detail.facility'),
    t('columns.parameter'),
    t('columns.kind'),
    t('columns.state'),
    t('columns.count'),
    t('detail.peak'),
    t('detail.average'),
    t('detail.limit'),
    'unit',
    t('columns.basis'),
    `${t('columns.duration')} (min)`,
    t('columns.disposition'),
    t('detail.resolvedAt'),
  ];
  const rows = list.rows.map((r) => [
    r.id,
    formatDateTime(r.openedAt),
    r.stationCode,
    r.stationName,
    r.parameter,
    t(`kinds.${r.kind}`),
    t(`states.${r.state}`),
    r.count,
    r.peakValue,
    r.averageValue,
    r.limit,
    r.unit,
    isAlertBasis(r.basis) ? t(`bases.${r.basis}`) : r.basis,
    Math.floor(r.durationMs / 60_000),
    r.disposition ? t(`dispositions.${r.disposition}`) : '',
    r.resolvedAt ? formatDateTime(r.resolvedAt) : '',
  ]);
  const body = new Uint8Array(csvFile(header, rows));
  const name = `canh-bao-${localDayKey(new Date())}.csv`;
  return new Response(body, {
    headers: {
      'content-type': CSV_CONTENT_TYPE,
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  });
}
