import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { ZodError } from 'zod';
import { env } from '@/lib/env';
import { AppError, isAppError } from '@/lib/errors';
import {
  ChromiumMissingError,
  compactDay,
  RenderBusyError,
  REPORTS,
  renderReportPdf,
  reportRenderQueue,
  type RenderFailure,
  type RenderJob,
  type ReportId,
  type SearchParams,
} from '@/lib/services/reports';
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

type PdfTask = { job: RenderJob } | Response;

/** Queues the render of report `id`'s print page for the caller (at most one per user, two at a time). */
async function submitPdf(req: Request, id: ReportId): Promise<PdfTask> {
  const user = await authorise();
  if (user instanceof Response) return user;
  const pdfOptions = REPORTS[id].pdf;
  if (!pdfOptions) return new Response('Not found', { status: 404 });
  const url = new URL(req.url);
  // The print page is fetched from our own server address, not from the request's Host header (no SSRF).
  const printUrl = new URL(`/reports/${id}/print${url.search}`, internalBaseUrl());
  printUrl.searchParams.delete('autoprint');
  const t = await getTranslations('reports2.pdfError');
  const tb = await getTranslations('screensB.pdf');
  const cookie = req.headers.get('cookie');
  const pageLabel = (await getLocale()) === 'en' ? 'Page' : 'Trang';
  const p = url.searchParams;
  const name = ['bao-cao', id, p.get('station'), p.get('month'), p.get('from'), p.get('to')]
    .filter((x): x is string => Boolean(x))
    .map(compactDay)
    .join('-')
    .replace(/[^A-Za-z0-9_.-]/g, '_');
  const classify = (e: unknown): RenderFailure => {
    if (e instanceof ChromiumMissingError) return { kind: 'chromium', message: t('chromium', { path: e.path }) };
    const message = e instanceof Error ? e.message : String(e);
    console.error(`report PDF (${id}) failed: ${message}`);
    return { kind: 'failed', message: t('failed', { message: e instanceof AppError ? e.message : tb('internal') }) };
  };
  try {
    const job = reportRenderQueue().submit(
      user.id,
      id,
      async (progress) => ({
        name: `${name}.pdf`,
        bytes: await renderReportPdf({
          url: printUrl.toString(),
          cookie,
          chromiumPath: env().CHROMIUM_PATH,
          pageLabel,
          landscape: pdfOptions.landscape,
          onProgress: progress,
        }),
      }),
      classify,
    );
    return { job };
  } catch (e) {
    if (e instanceof RenderBusyError) {
      return Response.json(
        { error: { code: 'BUSY', message: tb('busy') }, job: reportRenderQueue().view(e.job) },
        { status: 429, headers: { 'retry-after': '5' } },
      );
    }
    throw e;
  }
}

const pdfFileResponse = (job: RenderJob) =>
  new Response(new Uint8Array(job.file!.bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${job.file!.name}"`,
      'cache-control': 'no-store',
    },
  });

const failureResponse = (f: RenderFailure) =>
  errorResponse(f.kind === 'chromium' ? 503 : 500, f.kind === 'chromium' ? 'UNAVAILABLE' : 'INTERNAL', f.message);

/** GET /reports/<id>/pdf?…: the print route of the same query rendered to PDF with the caller's session (waits for it). */
export async function reportPdfResponse(req: Request, id: ReportId): Promise<Response> {
  const task = await submitPdf(req, id);
  if (task instanceof Response) return task;
  const job = await reportRenderQueue().finished(task.job);
  return job.file ? pdfFileResponse(job) : failureResponse(job.error ?? { kind: 'failed', message: 'PDF' });
}

/** POST /reports/<id>/pdf?…: starts the render in the background; 202 with the job, polled at /reports/pdf-jobs/<job>. */
export async function startReportPdfResponse(req: Request, id: ReportId): Promise<Response> {
  const task = await submitPdf(req, id);
  if (task instanceof Response) return task;
  return Response.json({ job: reportRenderQueue().view(task.job) }, { status: 202, headers: { 'cache-control': 'no-store' } });
}

async function ownJob(jobId: string): Promise<RenderJob | Response> {
  const user = await authorise();
  if (user instanceof Response) return user;
  return reportRenderQueue().get(jobId, user.id) ?? errorResponse(404, 'NOT_FOUND', 'no such PDF job');
}

/** GET /reports/pdf-jobs/<job>: the caller's render: stage, progress, place in the queue, error. */
export async function pdfJobStatusResponse(jobId: string): Promise<Response> {
  const job = await ownJob(jobId);
  if (job instanceof Response) return job;
  return Response.json({ job: reportRenderQueue().view(job) }, { headers: { 'cache-control': 'no-store' } });
}

/** GET /reports/pdf-jobs/<job>/file: the finished PDF of the caller's render. */
export async function pdfJobFileResponse(jobId: string): Promise<Response> {
  const job = await ownJob(jobId);
  if (job instanceof Response) return job;
  if (job.file) return pdfFileResponse(job);
  return job.error ? failureResponse(job.error) : errorResponse(409, 'NOT_READY', 'PDF not ready yet');
}
