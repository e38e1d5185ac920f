import { LOCAL_TIME_ZONE } from '../../domain/time';
import { access, constants } from 'node:fs/promises';
import { CHROMIUM_FLAGS } from '../../chromium';
import { AppError } from '../../errors';

/**
 * Server-side PDF of a report: the app's own print route rendered by a headless system Chromium (playwright-core,
 * shipped with @playwright/test), with the caller's cookies so the print page sees the same user and scope. Page
 * numbers go in Chromium's footer; the page sets its own administrative header.
 */
export type PdfRequest = {
  /** Absolute URL of the print route (same origin as the app). */
  url: string;
  /** The caller's Cookie header, forwarded as is. */
  cookie: string | null;
  chromiumPath: string;
  /** Footer text before the page number, e.g. "Trang". */
  pageLabel?: string;
  timeoutMs?: number;
  landscape?: boolean;
  /** Called as the render goes on (background renders show it: render-queue.ts). */
  onProgress?: (stage: 'starting' | 'loading' | 'printing', percent: number) => void;
};

export class ChromiumMissingError extends AppError {
  constructor(readonly path: string) {
    super('INTERNAL', `Chromium not found at ${path}`);
  }
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

export async function renderReportPdf(req: PdfRequest): Promise<Buffer> {
  try {
    await access(req.chromiumPath, constants.X_OK);
  } catch {
    throw new ChromiumMissingError(req.chromiumPath);
  }
  // Loaded on demand: the web app only needs it for PDFs, and a deployment without it still serves everything else.
  const { chromium } = await import('playwright-core').catch(() => {
    // It ships with @playwright/test (a devDependency); an install without dev packages needs it listed itself.
    throw new AppError('INTERNAL', 'playwright-core is not installed');
  });
  req.onProgress?.('starting', 10);
  const browser = await chromium.launch({
    executablePath: req.chromiumPath,
    args: [...CHROMIUM_FLAGS],
    timeout: req.timeoutMs ?? 60_000,
  });
  try {
    const context = await browser.newContext({
      extraHTTPHeaders: req.cookie ? { cookie: req.cookie } : {},
      locale: 'vi-VN',
      timezoneId: LOCAL_TIME_ZONE,
    });
    const page = await context.newPage();
    req.onProgress?.('loading', 30);
    const res = await page.goto(req.url, { waitUntil: 'networkidle', timeout: req.timeoutMs ?? 60_000 });
    if (!res || !res.ok()) throw new AppError('INTERNAL', `print page answered ${res?.status() ?? 'nothing'}`);
    // The print page marks itself ready once its charts have drawn (client components).
    await page.waitForSelector('[data-print-ready="true"]', { state: 'attached', timeout: req.timeoutMs ?? 60_000 });
    req.onProgress?.('printing', 70);
    const label = escapeHtml(req.pageLabel ?? 'Trang');
    const pdf = await page.pdf({
      format: 'A4',
      landscape: req.landscape ?? false,
      printBackground: true,
      margin: { top: '15mm', bottom: '18mm', left: '15mm', right: '12mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:9px;width:100%;text-align:center;color:#444">${label} <span class="pageNumber"></span>/<span class="totalPages"></span></div>`,
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close().catch(() => undefined);
  }
}
