import { mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { disconnectDb } from '@/lib/db/client';
import type { FtpReceiver } from '@/worker/ftp-server';
import { createFtpFacility, curlUpload, run, startTestReceiver, uploadFtp, type FtpFacility } from '../support/ftp';
import { dataFile as circularFile, ledgerRow } from '../support/ingest';
import { sleep, waitFor } from '../support/wait';
import { ftpsUploads } from '../../scripts/bench-ftps';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';

const waitForRow = (name: string) => waitFor(() => ledgerRow(name));

const dataFile = (fileCode: string, minute: number) =>
  circularFile(fileCode, `2024070109${String(minute).padStart(2, '0')}00`, { COD: '33.1', PH: '7.2' });

const dir = mkdtempSync(path.join(os.tmpdir(), 'qt-ftps-'));
let tlsReceiver: FtpReceiver;
let plainReceiver: FtpReceiver;
let A: FtpFacility;

beforeAll(async () => {
  const cert = path.join(dir, 'ftp.crt');
  const key = path.join(dir, 'ftp.key');
  await run('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-subj', '/CN=127.0.0.1', '-keyout', key, '-out', cert,
  ]);
  A = await createFtpFacility('TA', { activeFrom: new Date('2024-07-01T00:00:00Z'), parameters: ['COD', 'PH'] });
  const common = { pasvMin: 31900, pasvMax: 31949 };
  tlsReceiver = await startTestReceiver({
    ...common,
    dataDir: path.join(dir, 'tls'),
    tls: { cert: await readFile(cert), key: await readFile(key) },
    implicitTlsPort: 0,
  });
  plainReceiver = await startTestReceiver({ ...common, dataDir: path.join(dir, 'plain') });
});

afterAll(async () => {
  await tlsReceiver?.stop();
  await plainReceiver?.stop();
  await rm(dir, { recursive: true, force: true });
  await disconnectDb();
});

// ftp-srv 4.6 answered 234 to AUTH TLS before wrapping the socket (a client's first TLS bytes could reach the FTP
// parser); worker/ftps-auth.ts wraps it in the same turn. No retries: a single failed session fails the test.
describe('FTPS (explicit, AUTH TLS)', () => {
  it('curl --ssl-reqd uploads over TLS and the file is ingested', async () => {
    const f = dataFile(A.fileCode, 5);
    const curl = await curlUpload(dir, f, { port: tlsReceiver.port, login: A, folder: `${A.fileCode}/2024/07/01/` }, [
      '-v', '--ssl-reqd', '-k', '--ftp-create-dirs',
    ]);
    expect(curl.code, curl.stderr).toBe(0);
    const { stderr } = curl;
    // curl's trace shows the upgrade and the protected data channel.
    expect(stderr).toMatch(/AUTH TLS/);
    expect(stderr).toMatch(/PROT P/);
    expect(stderr).toMatch(/226/);
    expect(await waitForRow(f.name)).toMatchObject({ outcome: 'accepted', account: A.user, reading_count: 2 });
  });

  it('basic-ftp with secure: true works; plain FTP stays available on the same port', async () => {
    const f = dataFile(A.fileCode, 10);
    await uploadFtp(tlsReceiver.port, A, f.name, f.content, { access: { secure: true, secureOptions: { rejectUnauthorized: false } } });
    expect((await waitForRow(f.name)).outcome).toBe('accepted');

    const g = dataFile(A.fileCode, 15);
    await uploadFtp(tlsReceiver.port, A, g.name, g.content);
    expect((await waitForRow(g.name)).outcome).toBe('accepted');
  });

  it('without a certificate configured, --ssl-reqd is refused (AUTH TLS not offered)', async () => {
    const f = dataFile(A.fileCode, 20);
    const curl = await curlUpload(dir, f, { port: plainReceiver.port, login: A }, ['--ssl-reqd', '-k']);
    expect(curl.code).toBe(64); // CURLE_USE_SSL_FAILED
    await sleep(300);
    expect(await ledgerRow(f.name)).toBeNull();
  });
});

describe('FTPS: consecutive sessions (the AUTH TLS race and the protected data channel)', () => {
  it.each(['curl', 'lftp'] as const)('20 consecutive %s uploads over explicit FTPS all succeed', async (client) => {
    const r = await ftpsUploads(client, tlsReceiver.port, A, dir, 20);
    expect(r.firstError).toBeNull();
    expect(r.ok).toBe(20);
  }, 120_000);

  it.each(['curl', 'lftp'] as const)('20 consecutive %s uploads over implicit FTPS (ftps://) all succeed', async (client) => {
    expect(tlsReceiver.implicitTlsPort).not.toBeNull();
    const r = await ftpsUploads(client, tlsReceiver.implicitTlsPort ?? 0, A, dir, 20, true);
    expect(r.firstError).toBeNull();
    expect(r.ok).toBe(20);
  }, 120_000);
});
