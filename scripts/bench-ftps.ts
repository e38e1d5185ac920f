/**
 * `npm run bench:ftps -- [--count 200]`: the FTPS AUTH TLS race check (security round 2). Starts the product's FTP
 * receiver with a self-signed certificate on a free loopback port (DATABASE_URL's database: a throwaway facility and
 * FTP account are created), then makes `count` consecutive explicit-FTPS uploads with curl and `count` with lftp, each
 * a new session, then the same on the implicit-FTPS port (ftps://), and prints the failures and timings. Exit 1 on any failure.
 */
import 'dotenv/config';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const argv = process.argv.slice(2);
const count = Number(argv[argv.indexOf('--count') + 1] ?? 200) || 200;

export type FtpsRun = { client: string; ok: number; failed: number; ms: number; firstError: string | null };

/** `count` consecutive uploads by one client; never throws. */
export async function ftpsUploads(client: 'curl' | 'lftp', port: number, login: { user: string; password: string }, dir: string, n: number, implicit = false): Promise<FtpsRun> {
  const local = path.join(dir, 'probe.dat');
  writeFileSync(local, 'ftps race probe\n');
  let ok = 0;
  let failed = 0;
  let firstError: string | null = null;
  const t = Date.now();
  for (let i = 0; i < n; i++) {
    try {
      if (client === 'curl') {
        const url = `${implicit ? 'ftps' : 'ftp'}://${login.user}:${login.password}@127.0.0.1:${port}/race-${client}-${i}.dat`;
        await run('curl', ['-sS', ...(process.env.FTPS_VERBOSE ? ['-v'] : []), '--ssl-reqd', '-k', '--max-time', '20', '-T', local, url]);
      } else {
        const script = `set ftp:ssl-force true; set ftp:ssl-protect-data true; set ssl:verify-certificate no; set net:max-retries 1; set net:timeout 20; open -u ${login.user},${login.password} -p ${port} ${implicit ? 'ftps://' : ''}127.0.0.1; put ${local} -o race-${client}-${i}.dat; bye`;
        await run('lftp', ['-c', script], { timeout: 30_000 });
      }
      ok++;
    } catch (e) {
      failed++;
      firstError ??= String((e as { stderr?: string }).stderr || (e as Error).message).slice(-1500);
    }
  }
  return { client, ok, failed, ms: Date.now() - t, firstError };
}

async function main(): Promise<void> {
  const { createFacilityService } = await import('../lib/services/accounts');
  const { startFtpReceiver } = await import('../worker/ftp-server');
  const { disconnectDb } = await import('../lib/db/client');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qt-bench-ftps-'));
  const key = path.join(dir, 'k.pem');
  const cert = path.join(dir, 'c.pem');
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', key, '-out', cert]);
  const tag = `FTPS${Date.now().toString(36).toUpperCase()}`;
  const login = { user: tag.toLowerCase(), password: `bench-ftps-${Date.now()}` };
  await createFacilityService({ code: tag, name: `FTPS bench ${tag}`, ftpUsername: login.user, ftpPassword: login.password });
  const receiver = await startFtpReceiver({
    host: '127.0.0.1',
    port: 0,
    pasvMin: 32100,
    pasvMax: 32199,
    dataDir: path.join(dir, 'data'),
    log: () => undefined,
    tls: { cert: await readFile(cert), key: await readFile(key) },
    implicitTlsPort: 0,
  });
  try {
    for (const [client, implicit] of [['curl', false], ['lftp', false], ['curl', true], ['lftp', true]] as const) {
      const r = await ftpsUploads(client, implicit ? (receiver.implicitTlsPort ?? 0) : receiver.port, login, dir, count, implicit);
      console.log(`${client}: ${r.ok}/${count} ${implicit ? 'implicit' : 'explicit'} FTPS uploads ok, ${r.failed} failed, ${(r.ms / count).toFixed(1)} ms per session${r.firstError ? ` (first error: ${r.firstError})` : ''}`);
      if (r.failed) process.exitCode = 1;
    }
  } finally {
    await receiver.stop();
    await disconnectDb();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
