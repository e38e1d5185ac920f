import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS } from './lib/chromium';

/**
 * Browser journeys against a production build (`next start`) on a fresh, migrated database prepared by
 * scripts/run-tests.ts (DATABASE_URL). Debian's chromium; Playwright never downloads a browser here.
 */
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? 'test-results/e2e.json' }]],
  use: {
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [...CHROMIUM_FLAGS],
    },
  },
  webServer: {
    command: `node --require ./scripts/peer-address.cjs node_modules/next/dist/bin/next start -H 127.0.0.1 -p ${port}`,
    url: `${baseURL}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      NEXTAUTH_URL: baseURL,
      PORT: String(port),
      HOST: '127.0.0.1',
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'e2e-secret-not-for-production',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
