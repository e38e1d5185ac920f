/**
 * The worker killed (SIGKILL) in the middle of a forwarding batch: the worker runs as a child process
 * (`node --import tsx worker/main.ts`), the ministry is a real FTP server process (slowed so the kill lands
 * mid-transfer). After a restart every file is delivered, and each arrives at its final path exactly once.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { disconnectDb } from '@/lib/db/client';
import { listForwardJobs } from '@/lib/db/forwarding';
import { formatCompactLocalTime } from '@/lib/domain/time';
import { createTargetService, updateTargetService } from '@/lib/services/forwarding';
import { ingestFile } from '@/lib/services/ingest';
import { startFtpTarget, type FtpTarget } from '../support/ftp-target';
import { createFacilityWithStation, uid } from '../support/fixtures';
import { freePort } from '../../scripts/net';
import { waitFor as waitUntil } from '../support/wait';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qt-fwdc-'));
process.env.DATA_DIR = dataDir;
const key = randomBytes(32).toString('base64');
process.env.FORWARD_SECRET_KEY = key;

const run = uid();
const N = 120;
let ftp: FtpTarget | null = null;
let worker: WorkerProcess | null = null;
let targetId: number | null = null;

function startChildWorker(ftpPort: number): Promise<WorkerProcess> {
  return spawnWorker({
    DATABASE_URL: process.env.DATABASE_URL!,
    DATA_DIR: dataDir,
    FTP_PORT: String(ftpPort),
    FTP_PASV_MIN: '34080',
    FTP_PASV_MAX: '34089',
    FORWARD_SECRET_KEY: key,
    FORWARD_CONCURRENCY: '2',
    FORWARD_LEASE_SECONDS: '3',
    FORWARD_RETRY_BASE_SECONDS: '0.5',
    FORWARD_RETRY_MAX_SECONDS: '2',
  });
}

async function sentCount(): Promise<number> {
  return (await listForwardJobs(targetId!)).filter((j) => j.state === 'sent').length;
}

const waitFor = <T>(probe: () => Promise<T | null | false>, timeoutMs: number) =>
  waitUntil(probe, { timeoutMs, everyMs: 50, context: () => `worker output:\n${worker?.output().slice(-3000) ?? ''}` });

afterAll(async () => {
  await worker?.kill9();
  if (targetId !== null) await updateTargetService(targetId, { enabled: false }, 'test').catch(() => undefined);
  await ftp?.dispose();
  await disconnectDb();
});

describe('forwarding survives a worker killed mid-batch', () => {
  it('delivers every file exactly once after kill -9 and restart', async () => {
    ftp = await startFtpTarget({ pasvMin: 34060, pasvMax: 34079, slowMs: 25 });
    targetId = (
      await createTargetService(
        { name: `Bộ crash ${run}`, host: '127.0.0.1', port: ftp.port, username: ftp.user, password: ftp.password, rootFolder: '/' },
        'test',
      )
    ).id;
    const { station } = await createFacilityWithStation({
      code: `FWC${run}`,
      station: { parameters: ['COD'], activeFrom: new Date('2024-01-01T00:00:00Z') },
    });
    const { fileCode } = station;
    const names: string[] = [];
    for (let i = 0; i < N; i++) {
      // Local 07:00 onwards on 1 June 2024 (00:00 UTC).
      const stamp = formatCompactLocalTime(new Date(Date.UTC(2024, 5, 1, 0, 0) + i * 300_000));
      const name = `BN_${fileCode}_${stamp}.txt`;
      const r = await ingestFile({ name, bytes: Buffer.from(`COD\t${(10 + i / 10).toFixed(2)}\tmg/L\t${stamp}\t00\r\n`), source: 'import', dataDir });
      expect(r.outcome).toBe('accepted');
      names.push(name);
    }
    expect((await listForwardJobs(targetId)).length).toBe(N);

    const ftpPort = await freePort();
    worker = await startChildWorker(ftpPort);
    const before = await waitFor(async () => {
      const n = await sentCount();
      return n >= 15 ? n : null;
    }, 60_000);
    await worker.kill9();
    const atKill = await sentCount();
    expect(before).toBeGreaterThanOrEqual(15);
    // The kill landed mid-batch: some files were still to go.
    expect(atKill).toBeLessThan(N);
    const leased = (await listForwardJobs(targetId)).filter((j) => j.state !== 'sent').length;
    expect(leased).toBeGreaterThan(0);

    worker = await startChildWorker(ftpPort);
    await waitFor(async () => ((await sentCount()) === N ? true : null), 90_000);
    await worker.stop();

    const expected = names.map((n) => `BN/${fileCode}/${n.slice(-18, -14)}/${n.slice(-14, -12)}/${n.slice(-12, -10)}/${n}`).sort();
    expect(await ftp.files()).toEqual(expected);
    const arrivals = await ftp.arrivals();
    expect(arrivals.size).toBe(N);
    expect([...arrivals.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    const first = names[0]!;
    const bytes = await readFile(path.join(ftp.root, expected.find((e) => e.endsWith(first))!));
    expect(bytes.toString()).toContain('COD\t10.00\tmg/L');
  });
});
