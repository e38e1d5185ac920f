/**
 * Forwarding to the ministry against a real FTP server process on loopback (tests/support/ftp-target.ts): the normal
 * flow, the target down for a while, the target refusing uploads. The worker-killed case is in
 * forwarding-crash.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { disconnectDb, pool } from '@/lib/db/client';
import { listForwardJobs, findForwardTarget, type ForwardJobRow } from '@/lib/db/forwarding';
import { formatCompactLocalTime, fromLocalParts, localDayKey } from '@/lib/domain/time';
import { createTargetService, forwardingStatusService, listTargetsService, resendService, updateTargetService } from '@/lib/services/forwarding';
import { ingestFile } from '@/lib/services/ingest';
import { startForwarder, type Forwarder } from '@/worker/forwarder';
import { createFacilityWithStation, uid } from '../support/fixtures';
import { startFtpTarget, type FtpTarget } from '../support/ftp-target';
import { sleep, waitFor as waitUntil } from '../support/wait';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qt-fwd-'));
process.env.DATA_DIR = dataDir;
process.env.FORWARD_SECRET_KEY = randomBytes(32).toString('base64');

const log = (line: string) => lines.push(line);
const lines: string[] = [];

const waitFor = <T>(probe: () => Promise<T | null | undefined | false>) =>
  waitUntil(probe, { timeoutMs: 30_000, context: () => `forwarder log:\n${lines.slice(-20).join('\n')}` });

type Station = { id: number; code: string; fileCode: string };
async function newStation(): Promise<Station> {
  const { station } = await createFacilityWithStation({
    code: uid('FWD'),
    station: { parameters: ['COD', 'PH'], activeFrom: new Date('2024-01-01T00:00:00Z') },
  });
  return station;
}

/** n files for the station, 5 minutes apart from local 2024-05-dd 23:40 (so they cross midnight). */
function files(st: Station, n: number, day = 24): { name: string; bytes: Buffer; dayFolder: string }[] {
  return Array.from({ length: n }, (_, i) => {
    const t = fromLocalParts({ year: 2024, month: 5, day, hour: 23, minute: 40 + 5 * i });
    const stamp = formatCompactLocalTime(t);
    const body = `COD\t${(40 + i).toFixed(2)}\tmg/L\t${stamp}\t00\r\nPH\t7.${i}\tpH\t${stamp}\t00\r\n`;
    return {
      name: `BG_${st.fileCode}_${stamp}.txt`,
      bytes: Buffer.from(body, 'utf8'),
      dayFolder: localDayKey(t).replaceAll('-', '/'),
    };
  });
}

async function ingestAll(list: { name: string; bytes: Buffer }[]): Promise<number[]> {
  const ids: number[] = [];
  for (const f of list) {
    const r = await ingestFile({ name: f.name, bytes: f.bytes, source: 'import', dataDir });
    expect(r.outcome).toBe('accepted');
    ids.push(r.fileId);
  }
  return ids;
}

async function newTarget(ftp: FtpTarget, rootFolder = '/bo'): Promise<number> {
  const t = await createTargetService(
    { name: `Bộ ${uid()}`, host: '127.0.0.1', port: ftp.port, username: ftp.user, password: ftp.password, rootFolder },
    'test',
  );
  return t.id;
}

const allSent = (targetId: number, n: number) => async () => {
  const jobs = await listForwardJobs(targetId);
  return jobs.length === n && jobs.every((j) => j.state === 'sent') ? jobs : null;
};

let forwarder: Forwarder | null = null;
const targets: FtpTarget[] = [];
const targetIds: number[] = [];

beforeAll(() => {
  forwarder = startForwarder({ log, pollMs: 100, retryBaseMs: 300, retryMaxMs: 1500, leaseSeconds: 30, concurrency: 2 });
});

afterAll(async () => {
  await forwarder?.stop();
  // Later test files must not queue files for these targets.
  for (const id of targetIds) await updateTargetService(id, { enabled: false }, 'test').catch(() => undefined);
  for (const t of targets) await t.dispose();
  await disconnectDb();
});

async function setup(opts: { pasvMin: number }) {
  const ftp = await startFtpTarget({ pasvMin: opts.pasvMin, pasvMax: opts.pasvMin + 19 });
  targets.push(ftp);
  const targetId = await newTarget(ftp);
  targetIds.push(targetId);
  return { ftp, targetId };
}

describe('forwarding to the ministry FTP', () => {
  it('delivers every accepted file byte-identical to the templated path, once; reconciliation counts them', async () => {
    const { ftp, targetId } = await setup({ pasvMin: 34000 });
    const st = await newStation();
    const list = files(st, 6);
    // A rejected file (unknown parameter only) is not forwarded.
    const rejected = await ingestFile({ name: `BG_${st.fileCode}_20240524120000.txt`, bytes: Buffer.from('XYZ\t1\tmg/L\t20240524120000\t00\r\n'), source: 'import', dataDir });
    expect(rejected.outcome).toBe('rejected');
    await ingestAll(list);

    await waitFor(allSent(targetId, 6));
    const expected = list.map((f) => `bo/BG/${st.fileCode}/${f.dayFolder}/${f.name}`).sort();
    expect(new Set(list.map((f) => f.dayFolder)).size).toBe(2);
    expect(await ftp.files()).toEqual(expected);
    for (const f of list) {
      const got = await readFile(path.join(ftp.root, 'bo', 'BG', st.fileCode, f.dayFolder, f.name));
      expect(got.equals(f.bytes)).toBe(true);
    }
    const arrived = await ftp.arrivals();
    expect([...arrived.values()].every((n) => n === 1)).toBe(true);
    expect(arrived.size).toBe(6);

    const status = await forwardingStatusService({ station: st.code, from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 60_000) });
    expect(status).toHaveLength(1);
    expect(status[0]).toMatchObject({ stationCode: st.code, received: 6, forwarded: 6, pending: 0, failed: 0, notQueued: 0 });

    const view = (await listTargetsService()).find((t) => t.id === targetId)!;
    expect(view.lastSuccessAt).not.toBeNull();
    expect(view.queue.depth).toBe(0);
    expect(JSON.stringify(view)).not.toContain(ftp.password);

    // Resend: the period's sent jobs become pending and are delivered again (on purpose), then sent.
    const r = await resendService({ station: st.code, from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 60_000), target: targetId }, 'test');
    expect(r.requeued).toBe(6);
    await waitFor(allSent(targetId, 6));
    expect(await ftp.files()).toEqual(expected);
    const audit = await pool().query(`SELECT 1 FROM audit_log WHERE action = 'forwarding.resend' AND entity_id = $1`, [st.code]);
    expect(audit.rowCount).toBe(1);
    await updateTargetService(targetId, { enabled: false }, 'test');
  });

  it('keeps files queued while the target is down and delivers all of them, once each, when it is back', async () => {
    const { ftp, targetId } = await setup({ pasvMin: 34020 });
    const st = await newStation();
    await ftp.stop();
    const list = files(st, 10, 25);
    await ingestAll(list);

    const failed = await waitFor(async () => {
      const jobs = await listForwardJobs(targetId);
      return jobs.some((j) => j.state === 'failed') ? jobs : null;
    });
    expect(failed.find((j) => j.state === 'failed')!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect((await findForwardTarget(targetId))!.lastError).toMatch(/ECONNREFUSED|connect/i);
    const midway = await forwardingStatusService({ station: st.code });
    expect(midway[0]!.received).toBe(10);
    expect(midway[0]!.forwarded).toBe(0);
    expect(midway[0]!.pending + midway[0]!.failed).toBe(10);

    await sleep(1500);
    await ftp.start();
    await waitFor(allSent(targetId, 10));
    const expected = list.map((f) => `bo/BG/${st.fileCode}/${f.dayFolder}/${f.name}`).sort();
    expect(await ftp.files()).toEqual(expected);
    const arrived = await ftp.arrivals();
    expect(arrived.size).toBe(10);
    expect([...arrived.values()].every((n) => n === 1)).toBe(true);
    const stores = (await ftp.log()).filter((l) => l.startsWith('STOR'));
    expect(stores).toHaveLength(10);
    await updateTargetService(targetId, { enabled: false }, 'test');
  });

  it('records a refused upload as failed with the error, retries it, and delivers it once allowed', async () => {
    const { ftp, targetId } = await setup({ pasvMin: 34040 });
    const st = await newStation();
    await ftp.refuse(true);
    const list = files(st, 3, 26);
    await ingestAll(list);

    // Refused more than once: it is retried, never dropped.
    const jobs: ForwardJobRow[] = await waitFor(async () => {
      const js = await listForwardJobs(targetId);
      return js.length === 3 && js.every((j) => j.state === 'failed' && j.attempts >= 2) ? js : null;
    });
    expect(jobs[0]!.lastError).toMatch(/refused/);
    expect(await ftp.files()).toEqual([]);
    const status = await forwardingStatusService({ station: st.code });
    expect(status[0]).toMatchObject({ received: 3, forwarded: 0, failed: 3 });

    await ftp.refuse(false);
    await waitFor(allSent(targetId, 3));
    const arrived = await ftp.arrivals();
    expect(arrived.size).toBe(3);
    expect([...arrived.values()].every((n) => n === 1)).toBe(true);
    for (const f of list) {
      const got = await readFile(path.join(ftp.root, 'bo', 'BG', st.fileCode, f.dayFolder, f.name));
      expect(got.equals(f.bytes)).toBe(true);
    }
    await updateTargetService(targetId, { enabled: false }, 'test');
  });
});
