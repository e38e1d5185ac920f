import { getTranslations } from 'next-intl/server';
import { parseDayInput } from '@/lib/domain/kpi';
import { VN_OFFSET_MINUTES } from '@/lib/domain/iso-time';
import { AppError } from '@/lib/errors';
import { auditExport, exportStream, planExport, type ExportLabels } from '@/lib/services/reports';
import { currentUser } from '@/server/auth/session';
import { REPORT_ROLES } from '@/server/queries/reports';
import { scopeFor } from '@/lib/services/stations';

const DAY_MS = 86_400_000;
const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * GET /reports/export?stations=A,B&parameters=COD,PH&resolution=raw|1h|24h&format=csv|xlsx&from=dd/MM/yyyy&to=dd/MM/yyyy
 * (both days inclusive). Streams the file; `X-Estimated-Rows` lets the page show progress. Checks the session itself.
 */
export async function GET(req: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return new Response('Unauthorized', { status: 401 });
  if (!(REPORT_ROLES as readonly string[]).includes(user.role)) return new Response('Not found', { status: 404 });
  const sp = new URL(req.url).searchParams;
  const from = parseDayInput(sp.get('from') ?? '', VN_OFFSET_MINUTES);
  const toDay = parseDayInput(sp.get('to') ?? '', VN_OFFSET_MINUTES);
  if (!from || !toDay)
    return Response.json({ error: { code: 'VALIDATION', message: 'from/to must be dd/MM/yyyy' } }, { status: 400 });
  try {
    const plan = await planExport(
      {
        stations: sp.get('stations') ?? '',
        ...(sp.get('parameters') ? { parameters: sp.get('parameters') ?? '' } : {}),
        resolution: sp.get('resolution') ?? 'raw',
        format: sp.get('format') ?? 'csv',
        from,
        to: new Date(toDay.getTime() + DAY_MS),
      },
      scopeFor(user),
    );
    const t = await getTranslations('reports.export.columns');
    const labels: ExportLabels = {
      time: t('time'),
      station: t('station'),
      parameter: t('parameter'),
      value: t('value'),
      unit: t('unit'),
      deviceStatus: t('deviceStatus'),
      flag: t('flag'),
      valid: t('valid'),
      validCount: t('validCount'),
      expectedCount: t('expectedCount'),
      complete: t('complete'),
      min: t('min'),
      max: t('max'),
    };
    await auditExport(`user:${user.email}`, plan);
    const name = `du-lieu-${plan.resolution}-${(sp.get('from') ?? '').replace(/\//g, '')}-${(sp.get('to') ?? '').replace(/\//g, '')}.${plan.format}`;
    return new Response(exportStream(plan, labels), {
      headers: {
        'content-type': CONTENT_TYPES[plan.format],
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'no-store',
        'x-estimated-rows': String(plan.estimatedRows),
      },
    });
  } catch (e) {
    if (e instanceof AppError) {
      const status = e.code === 'NOT_FOUND' ? 404 : e.code === 'VALIDATION' ? 400 : 500;
      return Response.json({ error: { code: e.code, message: e.message } }, { status });
    }
    if (e && typeof e === 'object' && 'issues' in e)
      return Response.json({ error: { code: 'VALIDATION', message: 'invalid export request' } }, { status: 400 });
    throw e;
  }
}
