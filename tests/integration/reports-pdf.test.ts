/**
 * Server-side PDF rendering with the system Chromium (playwright-core): the caller's cookie reaches the print page,
 * the PDF waits for the page's ready mark, and a missing Chromium is a clear, typed error.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumMissingError, renderReportPdf } from '@/lib/services/reports';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let server: http.Server;
let base = '';
const seenCookies: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seenCookies.push(req.headers.cookie ?? '');
    if (!(req.headers.cookie ?? '').includes('session=abc')) {
      res.writeHead(401).end('no session');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    // The ready mark appears later, as the app's <PrintReady/> does after its charts have drawn.
    res.end(`<!doctype html><html><head><title>Báo cáo tháng TRAM_PDF_01</title></head><body>
      <h1>BÁO CÁO THÁNG</h1><p>Trạm TRAM_PDF_01</p>
      <script>setTimeout(() => { const s = document.createElement('span'); s.setAttribute('data-print-ready', 'true'); document.body.appendChild(s); }, 300);</script>
    </body></html>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe('renderReportPdf', () => {
  it('renders the print page with the forwarded cookie into an A4 PDF with page numbers', async () => {
    const pdf = await renderReportPdf({
      url: `${base}/reports/monthly/print?station=X`,
      cookie: 'other=1; session=abc',
      chromiumPath: CHROMIUM,
      pageLabel: 'Trang',
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
    expect(seenCookies.some((c) => c.includes('session=abc'))).toBe(true);
    // The document title (PDF metadata) names the station.
    const text = pdf.toString('latin1');
    const hexTitle = Buffer.from('TRAM_PDF_01', 'utf16le').swap16().toString('hex').toUpperCase();
    expect(text.includes('TRAM_PDF_01') || text.toUpperCase().includes(hexTitle)).toBe(true);
  }, 60_000);

  it('a print page that refuses the session is an error, not an empty PDF', async () => {
    await expect(
      renderReportPdf({ url: `${base}/x`, cookie: null, chromiumPath: CHROMIUM, timeoutMs: 10_000 }),
    ).rejects.toThrow(/401/);
  }, 60_000);

  it('a missing Chromium is reported with its path', async () => {
    const err = await renderReportPdf({ url: `${base}/x`, cookie: null, chromiumPath: '/nonexistent/chromium' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ChromiumMissingError);
    expect((err as ChromiumMissingError).path).toBe('/nonexistent/chromium');
  });
});
