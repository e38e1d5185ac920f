/**
 * `npx tsx scripts/bench-pdf.ts [baseUrl] [query]`: the completeness report PDF as an operator makes it, against a
 * running instance with the demo network (npm start): signs in, opens /reports with the query (default: 6 days),
 * clicks "Tải PDF", waits for the link of the background render, downloads it and prints seconds, pages and size.
 * Target (issue 18): ≤ 5 s and ≤ 10 pages for 6 days.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../lib/chromium';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const query = process.argv[3] ?? 'from=01/12/2026&to=06/12/2026&period=day';
const runs = Number(process.env.BENCH_RUNS ?? 3);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_FLAGS] });
try {
  const page = await (await browser.newContext({ locale: 'vi-VN', acceptDownloads: true })).newPage();
  await page.goto(`${base}/login`);
  await page.fill('input[name=email]', process.env.BENCH_EMAIL ?? 'operator@quantrac.local');
  await page.fill('input[name=password]', process.env.BENCH_PASSWORD ?? 'quantrac-demo');
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 120_000 }), page.click('button[type=submit]')]);
  await page.goto(`${base}/reports?${query}`, { waitUntil: 'networkidle', timeout: 120_000 });
  for (let i = 1; i <= runs; i++) {
    const t0 = Date.now();
    await page.getByTestId('report-pdf').click();
    await page.getByTestId('report-pdf-link').waitFor({ timeout: 180_000 });
    const seconds = (Date.now() - t0) / 1000;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf-link').click()]);
    const bytes = readFileSync((await download.path())!);
    const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    console.log(`run ${i}: ${seconds.toFixed(1)} s until the link, ${pages} pages, ${(bytes.length / 1e6).toFixed(2)} MB (${download.suggestedFilename()})`);
  }
} finally {
  await browser.close();
}
