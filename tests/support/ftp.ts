/**
 * The FTP side of the receiver tests: a facility with a station and an account, the receiver on loopback, and the two
 * clients a datalogger would use (basic-ftp and curl).
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { Client, type AccessOptions } from 'basic-ftp';
import { startFtpReceiver, type FtpReceiver, type FtpReceiverOptions } from '../../worker/ftp-server';
import {
  createFacilityWithStation,
  createTestFtpAccount,
  uid,
  type FtpLogin,
  type TestParameter,
  type TestStationOptions,
} from './fixtures';

export const run = promisify(execFile);

export type FtpFacility = FtpLogin & { code: string; facilityId: number; stationId: number; fileCode: string };

/** COD ≤ 75 mg/L, pH 6–9 and FLOW without a limit: what the FTP tests' stations measure unless told otherwise. */
const FTP_TEST_PARAMETERS: readonly TestParameter[] = [
  { parameter: 'COD', limitMax: 75 },
  { parameter: 'PH', limitMin: 6, limitMax: 9 },
  'FLOW',
];

/** A facility (code from `prefix`) with one wastewater station `<code>_NT01` and its own FTP account. */
export async function createFtpFacility(
  prefix: string,
  station: Partial<TestStationOptions> = {},
): Promise<FtpFacility> {
  const { facility, station: st } = await createFacilityWithStation({
    code: uid(prefix),
    station: { parameters: FTP_TEST_PARAMETERS, activeFrom: new Date('2024-01-01T00:00:00Z'), ...station },
  });
  const login = await createTestFtpAccount(facility.id, prefix.toLowerCase());
  return { ...login, code: facility.code, facilityId: facility.id, stationId: st.id, fileCode: st.fileCode };
}

export type TestReceiverOptions = Omit<FtpReceiverOptions, 'host' | 'port' | 'log'> &
  Partial<Pick<FtpReceiverOptions, 'log'>>;

/** The receiver on a free loopback port, silent unless given a log. */
export function startTestReceiver(opts: TestReceiverOptions): Promise<FtpReceiver> {
  return startFtpReceiver({ host: '127.0.0.1', port: 0, log: () => undefined, ...opts });
}

/** A logged-in basic-ftp session on loopback. */
export async function connectFtp(
  port: number,
  login: FtpLogin,
  extra: Partial<AccessOptions> = {},
  timeoutMs = 10_000,
): Promise<Client> {
  const c = new Client(timeoutMs);
  try {
    await c.access({ host: '127.0.0.1', port, user: login.user, password: login.password, ...extra });
  } catch (e) {
    c.close();
    throw e;
  }
  return c;
}

/** One session: log in, create and enter `dir` when given, upload the bytes as `name`, close. */
export async function uploadFtp(
  port: number,
  login: FtpLogin,
  name: string,
  bytes: string | Buffer,
  opts: { dir?: string; access?: Partial<AccessOptions>; timeoutMs?: number } = {},
): Promise<void> {
  const c = await connectFtp(port, login, opts.access, opts.timeoutMs);
  try {
    if (opts.dir) await c.ensureDir(opts.dir);
    await c.uploadFrom(Readable.from(Buffer.from(bytes)), name);
  } finally {
    c.close();
  }
}

export type CurlResult = { code: number; stdout: string; stderr: string };

/**
 * Writes the file into `localDir` and runs `curl -sS <flags> -T <file> ftp://user:password@127.0.0.1:port/<folder>`;
 * resolves with curl's exit code and output (never rejects).
 */
export async function curlUpload(
  localDir: string,
  file: { name: string; content: string },
  to: { port: number; login: FtpLogin; folder?: string },
  flags: string[] = [],
): Promise<CurlResult> {
  const local = path.join(localDir, file.name);
  await writeFile(local, file.content);
  const url = `ftp://${to.login.user}:${to.login.password}@127.0.0.1:${to.port}/${to.folder ?? ''}`;
  return run('curl', ['-sS', ...flags, '-T', local, url]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({
      code: e.code ?? -1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    }),
  );
}
