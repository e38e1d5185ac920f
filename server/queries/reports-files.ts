import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { ZodError } from 'zod';
import { env } from '@/lib/env';
import { AppError, isAppError } from '@/lib/errors';
import { ChromiumMissingError, compactDay, REPORTS, renderReportPdf, type ReportId, type SearchParams } from '@/lib/services/reports';
import { currentUser, type SessionUser } from '@/server/auth/session';
import { listStationOptions, REPORT_ROLES, reportContextFor } from './reports';

/**
 * Route handlers of report files, one pattern for every report of the registry: GET /reports/<id>/export?format=…
 * (CSV / XLSX) and GET /reports/<id>/pdf?… (its print route rendered by Chromium). Each checks the session itself
 * (401 / 404) and reads the same form as the page, so a file holds exactly what the screen shows, in the caller's scope.
 */
function searchParamsOf(req: Request): SearchParams {
  const out: SearchParams = {};
  for (const [k, v] of new URL(req.url).searchParams) out[k] = v;
  return out;
}

const errorResponse = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status });

async function authorise(): Promise<SessionUser | Response> {
  const user = await currentUser();
  if (!user) return errorResponse(401, 'UNAUTHORIZED', 'Not signed in');
  if (!(REPORT_ROLES as readonly string[]).includes(user.role)) return new Response('Not found', { status: 404 });
  return user;
}

/** GET /reports/<id>/export?format=csv|xlsx&<the report's form> */
export async function reportExportResponse(req: Request, id: ReportId): Promise<Response> {
  const user = await authorise();
  if (user instanceof Response) return user;
  const report = REPORTS[id];
  const sp = searchParamsOf(req);
  const format = report.formats.find((f) => f === (sp.format ?? 'csv'));
  if (!format) return errorResponse(400, 'VALIDATION', `format must be ${report.formats.join(' or ')}`);
  try {
    const now = new Date();
    const [stations, ctx] = await Promise.all([listStationOptions(user), reportContextFor(user, now)]);
    const request = report.read(sp, { now, stations: stations.map((s) => s.code) });
    const file = await (await request.open(ctx)).file(format);
    return new Response(file.body instanceof Uint8Array ? new Uint8Array(file.body) : file.body, {
      headers: {
        ...file.headers,
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${request.fileName}.${format}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (e) {
    if (isAppError(e) && (e.code === 'NOT_FOUND' || e.code === 'VALIDATION'))
      return errorResponse(e.code === 'NOT_FOUND' ? 404 : 400, e.code, e.message);
    if (e instanceof ZodError) return errorResponse(400, 'VALIDATION', e.issues[0]?.message ?? 'invalid request');
    throw e;
  }
}

function internalBaseUrl(): string {
  const cfg = env();
  if (cfg.INTERNAL_URL) return cfg.INTERNAL_URL;
  const host = cfg.HOST === '0.0.0.0' || cfg.HOST === '::' ? '127.0.0.1' : cfg.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${cfg.PORT}`;
}

/** GET /reports/<id>/pdf?…: the print route of the same query rendered to PDF with the caller's session. */
export async function reportPdfResponse(req: Request, id: ReportId): Promise<Response> {
  const user = await authorise();
  if (user instanceof Response) return user;
  const pdfOptions = REPORTS[id].pdf;
  if (!pdfOptions) return new Response('Not found', { status: 404 });
  const url = new URL(req.url);
  // The print page is fetched from our own server address, not from the request's Host header (no SSRF).
  const printUrl = new URL(`/reports/${id}/print${url.search}`, internalBaseUrl());
  printUrl.searchParams.delete('autoprint');
  const t = await getTranslations('reports2.pdfError');
  try {
    const pdf = await renderReportPdf({
      url: printUrl.toString(),
      cookie: req.headers.get('cookie'),
      chromiumPath: env().CHROMIUM_PATH,
      pageLabel: (await getLocale()) === 'en' ? 'Page' : 'Trang',
      landscape: pdfOptions.landscape,
    });
    const p = url.searchParams;
    const name = ['bao-cao', id, p.get('station'), p.get('month'), p.get('from'), p.get('to')]
      .filter((x): x is string => Boolean(x))
      .map(compactDay)
      .join('-')
      .replace(/[^A-Za-z0-9_.-]/g, '_');
    return new Response(new Uint8Array(pdf), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${name}.pdf"`,
        'cache-control': 'no-store',
      },
    });
  } catch (e) {
    if (e instanceof ChromiumMissingError) {
      return errorResponse(503, 'UNAVAILABLE', t('chromium', { path: e.path }));
    }
    const message = e instanceof Error ? e.message : String(e);
    console.error(`report PDF (${id}) failed: ${message}`);
    const code = isAppError(e) ? e.code : 'INTERNAL';
    return errorResponse(500, code, t('failed', { message: e instanceof AppError ? e.message : 'internal error' }));
  }
}
