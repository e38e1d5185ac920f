import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { Client } from 'basic-ftp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { disconnectDb, pool } from '@/lib/db/client';
import { createFacility } from '@/lib/db/facilities';
import { createFtpAccount } from '@/lib/db/ftp-accounts';
import { createStation } from '@/lib/db/stations';
import { hashPassword } from '@/lib/services/accounts';
import { startFtpReceiver, type FtpReceiver } from '@/worker/ftp-server';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';

const run = promisify(execFile);
const quiet = () => undefined;
const uid = (p: string) =>
  `${p}${Date.now().toString(36).toUpperCase()}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;

async function ledgerRow(name: string): Promise<{ outcome: string; account: string | null; reading_count: number } | null> {
  const r = await pool().query<{ outcome: string; account: string | null; reading_count: number }>(
    'SELECT outcome, account, reading_count FROM ingest_file WHERE name = $1 ORDER BY id DESC LIMIT 1',
    [name],
  );
  return r.rows[0] ?? null;
}
async function waitForRow(name: string) {
  const end = Date.now() + 20_000;
  for (;;) {
    const r = await ledgerRow(name);
    if (r) return r;
    if (Date.now() > end) throw new Error(`no ledger row for ${name}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

function dataFile(fileCode: string, minute: number): { name: string; content: string } {
  const stamp = `2024070109${String(minute).padStart(2, '0')}00`;
  return {
    name: `BG_${fileCode}_${stamp}.txt`,
    content: `COD\t33.1\tmg/L\t${stamp}\t00\r\nPH\t7.2\tpH\t${stamp}\t00\r\n`,
  };
}

let dir: string;
let tlsReceiver: FtpReceiver;
let plainReceiver: FtpReceiver;
const A = { code: uid('TA'), user: uid('tls').toLowerCase(), password: 'tls-pass-123', fileCode: '' };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'qt-ftps-'));
  const cert = path.join(dir, 'ftp.crt');
  const key = path.join(dir, 'ftp.key');
  await run('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-subj', '/CN=127.0.0.1', '-keyout', key, '-out', cert,
  ]);
  const fa = await createFacility({ code: A.code, name: 'Công ty TLS' });
  A.fileCode = `${A.code}_NT01`;
  await createStation({
    code: `NT_${A.code}`,
    fileCode: A.fileCode,
    name: 'Trạm TLS',
    kind: 'wastewater',
    facilityId: fa.id,
    lat: 21.2,
    lon: 106.2,
    activeFrom: new Date('2024-07-01T00:00:00Z'),
    parameters: [
      { parameter: 'COD', unit: 'mg/L' },
      { parameter: 'PH', unit: '-' },
    ],
  });
  await createFtpAccount({ username: A.user, passwordHash: await hashPassword(A.password), facilityId: fa.id });
  const common = { host: '127.0.0.1', port: 0, pasvMin: 31900, pasvMax: 31949, log: quiet };
  tlsReceiver = await startFtpReceiver({
    ...common,
    dataDir: path.join(dir, 'tls'),
    tls: { cert: await readFile(cert), key: await readFile(key) },
  });
  plainReceiver = await startFtpReceiver({ ...common, dataDir: path.join(dir, 'plain') });
});

afterAll(async () => {
  await tlsReceiver?.stop();
  await plainReceiver?.stop();
  await rm(dir, { recursive: true, force: true });
  await disconnectDb();
});

// Known limitation of ftp-srv 4.6: AUTH TLS replies 234 before it wraps the socket, so on a loaded machine a client's
// first TLS bytes sometimes reach the FTP parser (curl: "wrong version number" or a 502). Clients reconnect and succeed;
// the tests retry likewise, and a real failure still fails all attempts.
describe('FTPS (explicit, AUTH TLS)', { retry: 2 }, () => {
  it('curl --ssl-reqd uploads over TLS and the file is ingested', async () => {
    const f = dataFile(A.fileCode, 5);
    const local = path.join(dir, f.name);
    await writeFile(local, f.content);
    const { stderr } = await run('curl', [
      '-sS', '-v', '--ssl-reqd', '-k', '--ftp-create-dirs', '-T', local,
      `ftp://${A.user}:${A.password}@127.0.0.1:${tlsReceiver.port}/${A.fileCode}/2024/07/01/`,
    ]);
    // curl's trace shows the upgrade and the protected data channel.
    expect(stderr).toMatch(/AUTH TLS/);
    expect(stderr).toMatch(/PROT P/);
    expect(stderr).toMatch(/226/);
    expect(await waitForRow(f.name)).toMatchObject({ outcome: 'accepted', account: A.user, reading_count: 2 });
  });

  it('basic-ftp with secure: true works; plain FTP stays available on the same port', async () => {
    const f = dataFile(A.fileCode, 10);
    const c = new Client(10_000);
    try {
      await c.access({
        host: '127.0.0.1',
        port: tlsReceiver.port,
        user: A.user,
        password: A.password,
        secure: true,
        secureOptions: { rejectUnauthorized: false },
      });
      await c.uploadFrom(Readable.from(Buffer.from(f.content)), f.name);
    } finally {
      c.close();
    }
    expect((await waitForRow(f.name)).outcome).toBe('accepted');

    const g = dataFile(A.fileCode, 15);
    const p = new Client(10_000);
    try {
      await p.access({ host: '127.0.0.1', port: tlsReceiver.port, user: A.user, password: A.password });
      await p.uploadFrom(Readable.from(Buffer.from(g.content)), g.name);
    } finally {
      p.close();
    }
    expect((await waitForRow(g.name)).outcome).toBe('accepted');
  });

  it('without a certificate configured, --ssl-reqd is refused (AUTH TLS not offered)', async () => {
    const f = dataFile(A.fileCode, 20);
    const local = path.join(dir, f.name);
    await writeFile(local, f.content);
    const err = await run('curl', [
      '-sS', '--ssl-reqd', '-k', '-T', local,
      `ftp://${A.user}:${A.password}@127.0.0.1:${plainReceiver.port}/`,
    ]).then(
      () => null,
      (e: { code?: number }) => e,
    );
    expect(err?.code).toBe(64); // CURLE_USE_SSL_FAILED
    await new Promise((r) => setTimeout(r, 300));
    expect(await ledgerRow(f.name)).toBeNull();
  });
});
