import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

/**
 * `npm run security:probe` against the test instance (security round 2): the anonymous probes (500s, open redirect,
 * body cap, headers, HSTS, anonymous role column) must all pass; one line per probe in the output.
 */
const run = promisify(execFile);

test('security probe finds nothing on the running instance', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const r = await run(process.execPath, ['--import', 'tsx', 'scripts/security-probe.ts', '--base', baseURL!], { timeout: 170_000 }).then(
    (o) => ({ code: 0, out: o.stdout }),
    (e: { code?: number; stdout?: string }) => ({ code: e.code ?? 1, out: e.stdout ?? '' }),
  );
  // At least one probe ran, and none found anything.
  expect(r.out, r.out).toMatch(/[1-9]\d* passed, 0 failed/);
  expect(r.code, r.out).toBe(0);
});
