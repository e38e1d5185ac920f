import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { AppError, isAppError } from '@/lib/errors';
import {
  completenessTable,
  exceedanceTable,
  REPORT_CONTENT_TYPES,
  tableToCsv,
  tableToXlsx,
  type ReportTable,
} from '@/lib/services/reports';
import { ChromiumMissingError, renderReportPdf } from '@/lib/services/reports';
import { currentUser } from '@/server/auth/session';
import { getCompletenessPage, getExceedancePage, REPORT_ROLES } from './reports';

/**
 * Route-handler helpers for report files: CSV/XLSX of the completeness and exceedance reports, and PDFs of every
 * report rendered from its print route. Each checks the session itself (401 / 404) and reuses the page queries, so a
 * file always holds exactly what the screen shows for the same query, in the caller's scope.
 */
export type ReportKind = 'completeness' | 'exceedances' | 'monthly';
type Sp = Record<string, string | string[] | undefined>;

function searchParamsOf(req: Request): Sp {
  const out: Sp = {};
  for (const [k, v] of new URL(req.url).searchParams) out[k] = v;
  return out;
}

async function authorise(): Promise<Response | null> {
  const user = await currentUser();
  if (!user) return Response.json({ error: { code: 'UNAUTHORIZED', message: 'Not signed in' } }, { status: 401 });
  if (!(REPORT_ROLES as readonly string[]).includes(user.role)) return new Response('Not found', { status: 404 });
  return null;
}

const stamp = (s: string) => s.replace(/\//g, '');

/** GET /reports/{completeness|exceedances}/export?format=csv|xlsx&from=&to=&period=&station=&kind= */
export async function reportFileResponse(req: Request, kind: 'completeness' | 'exceedances'): Promise<Response> {
  const denied = await authorise();
  if (denied) return denied;
  const sp = searchParamsOf(req);
  const format = sp.format === 'xlsx' ? 'xlsx' : sp.format === 'csv' || sp.format === undefined ? 'csv' : null;
  if (!format)
    return Response.json({ error: { code: 'VALIDATION', message: 'format must be csv or xlsx' } }, { status: 400 });
  const locale = (await getLocale()) === 'en' ? 'en' : 'vi';
  let table: ReportTable;
  let name: string;
  if (kind === 'completeness') {
    const page = await getCompletenessPage(sp);
    if (!page.report) return Response.json({ error: { code: 'VALIDATION', message: 'no report' } }, { status: 400 });
    table = completenessTable(page.report, locale);
    name = `ty-le-so-lieu-${page.values.period}-${stamp(page.values.from)}-${stamp(page.values.to)}`;
  } else {
    const page = await getExceedancePage(sp);
    table = exceedanceTable(page.rows, page.values.period === 'month', locale);
    name = `vuot-nguong-${stamp(page.values.from)}-${stamp(page.values.to)}`;
  }
  const body = format === 'csv' ? tableToCsv(table) : await tableToXlsx(table);
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': REPORT_CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="${name}.${format}"`,
      'cache-control': 'no-store',
    },
  });
}

function internalBaseUrl(): string {
  const cfg = env();
  if (cfg.INTERNAL_URL) return cfg.INTERNAL_URL;
  const host = cfg.HOST === '0.0.0.0' || cfg.HOST === '::' ? '127.0.0.1' : cfg.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${cfg.PORT}`;
}

/** GET /reports/{kind}/pdf?…: the print route of the same query rendered to PDF with the caller's session. */
export async function reportPdfResponse(req: Request, kind: ReportKind): Promise<Response> {
  const denied = await authorise();
  if (denied) return denied;
  const url = new URL(req.url);
  // The print page is fetched from our own server address, not from the request's Host header (no SSRF).
  const printUrl = new URL(`/reports/${kind}/print${url.search}`, internalBaseUrl());
  printUrl.searchParams.delete('autoprint');
  const t = await getTranslations('reports2.pdfError');
  const chromiumPath = env().CHROMIUM_PATH;
  try {
    const pdf = await renderReportPdf({
      url: printUrl.toString(),
      cookie: req.headers.get('cookie'),
      chromiumPath,
      pageLabel: (await getLocale()) === 'en' ? 'Page' : 'Trang',
      landscape: kind !== 'completeness',
    });
    const station = url.searchParams.get('station');
    const name = [
      'bao-cao',
      kind,
      station,
      url.searchParams.get('month'),
      url.searchParams.get('from'),
      url.searchParams.get('to'),
    ]
      .filter((x): x is string => Boolean(x))
      .map(stamp)
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
      return Response.json(
        { error: { code: 'UNAVAILABLE', message: t('chromium', { path: e.path }) } },
        { status: 503 },
      );
    }
    const message = e instanceof Error ? e.message : String(e);
    console.error(`report PDF (${kind}) failed: ${message}`);
    const code = isAppError(e) ? e.code : 'INTERNAL';
    return Response.json(
      { error: { code, message: t('failed', { message: e instanceof AppError ? e.message : 'internal error' }) } },
      { status: 500 },
    );
  }
}
