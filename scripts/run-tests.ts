/**
 * `npm test`: unit (vitest), integration (vitest, real PostgreSQL) and browser (Playwright + Debian chromium) tests,
 * then one closing line `N passed, N failed`. `npm test -- unit integration` runs only the named suites.
 * PostgreSQL: DATABASE_URL's server when set, else an embedded one under ./test-data.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase } from '../tests/support/test-db';

const root = path.resolve(import.meta.dirname, '..');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const suites = wanted.length ? wanted : ['unit', 'integration', 'e2e'];
const outDir = path.join(root, 'test-results');
mkdirSync(outDir, { recursive: true });

type Count = { passed: number; failed: number; skipped: number; crashed: boolean };
const totals: Record<string, Count> = {};

function run(cmd: string[], env: NodeJS.ProcessEnv = process.env): number {
  const [bin, ...rest] = cmd as [string, ...string[]];
  const r = spawnSync(bin, rest, { cwd: root, stdio: 'inherit', env });
  return r.status ?? 1;
}

function readJson(file: string): unknown {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function vitest(project: string, env: NodeJS.ProcessEnv = process.env): void {
  const out = path.join(outDir, `${project}.json`);
  rmSync(out, { force: true });
  const code = run(
    [process.execPath, 'node_modules/vitest/vitest.mjs', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    env,
  );
  const j = readJson(out) as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number } | null;
  const c: Count = {
    passed: j?.numPassedTests ?? 0,
    failed: j?.numFailedTests ?? 0,
    skipped: (j?.numPendingTests ?? 0) + (j?.numTodoTests ?? 0),
    crashed: false,
  };
  // A non-zero exit with no failed test means the run itself broke (a suite failed to load, setup failed).
  if (code !== 0 && c.failed === 0) c.crashed = true;
  totals[project] = c;
}

async function e2e(): Promise<void> {
  const db = await createTestDatabase('e2e');
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    NEXTAUTH_SECRET: 'e2e-secret-not-for-production',
    NEXT_TELEMETRY_DISABLED: '1',
    PLAYWRIGHT_JSON_OUTPUT_FILE: path.join(outDir, 'e2e.json'),
  };
  try {
    console.log('\n[test] building the web application for browser tests…');
    if (run([process.execPath, 'node_modules/next/dist/bin/next', 'build'], env) !== 0) {
      totals.e2e = { passed: 0, failed: 0, skipped: 0, crashed: true };
      return;
    }
    rmSync(env.PLAYWRIGHT_JSON_OUTPUT_FILE, { force: true });
    const code = run([process.execPath, 'node_modules/@playwright/test/cli.js', 'test'], env);
    const j = readJson(env.PLAYWRIGHT_JSON_OUTPUT_FILE) as { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } } | null;
    const c: Count = {
      passed: (j?.stats?.expected ?? 0) + (j?.stats?.flaky ?? 0),
      failed: j?.stats?.unexpected ?? 0,
      skipped: j?.stats?.skipped ?? 0,
      crashed: false,
    };
    if (code !== 0 && c.failed === 0) c.crashed = true;
    totals.e2e = c;
  } finally {
    await db.dispose();
  }
}

for (const s of suites) {
  console.log(`\n[test] ── ${s} ──`);
  if (s === 'unit' || s === 'integration') vitest(s);
  else if (s === 'e2e') await e2e();
  else {
    console.error(`unknown suite ${s}`);
    process.exit(2);
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
console.log('\n[test] summary');
for (const [name, c] of Object.entries(totals)) {
  console.log(`  ${name.padEnd(12)} ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}${c.crashed ? '  (the run itself failed: see above)' : ''}`);
  passed += c.passed;
  failed += c.failed + (c.crashed ? 1 : 0);
  skipped += c.skipped;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
