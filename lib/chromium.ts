/**
 * Flags of the headless system Chromium that prints report PDFs (lib/services/reports/pdf.ts) and runs the browser
 * tests (playwright.config.ts): no sandbox or GPU in containers, and nothing that goes on the network by itself.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
