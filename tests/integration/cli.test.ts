import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { call, makeFacility, makeStation, uid } from './api-fixtures';
import { findStationByCode } from '@/lib/db/stations';
import { listIngestFiles } from '@/lib/db/ingest-files';
import { authenticateUser } from '@/lib/services/accounts';
import { GET as listStations } from '@/app/api/v1/stations/route';
import { GET as getReadings } from '@/app/api/v1/stations/[code]/readings/route';

const cliDataDir = mkdtempSync(path.join(os.tmpdir(), 'qt-cli-'));
// Every command is a fresh `npx tsx` process: slow on a shared 2-core machine.
const SLOW = 240_000;

type Run = { code: number | null; stdout: string; stderr: string };

/** `npx tsx scripts/cli.ts …` with the test database, as an operator would run `npm run cli -- …`. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/cli.ts', ...args], {
      cwd: path.resolve('.'),
      env: { ...process.env, DATABASE_URL: inject('databaseUrl'), DEMO: '0', DATA_DIR: cliDataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const lastLine = (s: string) => s.trimEnd().split('\n').at(-1) ?? '';

/** A little-endian record: `size` bytes, each field [offset, width in bytes, value]; the rest stays zero. */
function record(size: number, fields: readonly (readonly [offset: number, width: 2 | 4, value: number])[]): Buffer {
  const b = Buffer.alloc(size);
  for (const [offset, width, value] of fields) {
    if (width === 2) b.writeUInt16LE(value, offset);
    else b.writeUInt32LE(value, offset);
  }
  return b;
}

/** A minimal zip (stored entries) so the test needs no zip tool. */
function zipOf(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.data);
    const size = e.data.length;
    // signature, version, UTF-8 flag, crc, sizes, name length (+ for the central record: version made by, offset).
    const local = record(30, [[0, 4, 0x04034b50], [4, 2, 20], [6, 2, 0x0800], [14, 4, crc], [18, 4, size], [22, 4, size], [26, 2, name.length]]);
    const central = record(46, [
      [0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], [8, 2, 0x0800], [16, 4, crc], [20, 4, size], [24, 4, size], [28, 2, name.length], [42, 4, offset],
    ]);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = record(22, [[0, 4, 0x06054b50], [8, 2, entries.length], [10, 2, entries.length], [12, 4, cd.length], [16, 4, offset]]);
  return Buffer.concat([...locals, cd, end]);
}

describe('npm run cli -- token create', { timeout: SLOW }, () => {
  it('prints an admin token on the last line that authenticates', async () => {
    const r = await cli('token', 'create', '--role', 'admin', '--name', uid('cli-'));
    expect(r.code, r.stderr).toBe(0);
    const token = lastLine(r.stdout);
    expect(token).toMatch(/^qt_[A-Za-z0-9_-]{43}$/);
    const list = await call(listStations, '/api/v1/stations', { token });
    expect(list.status).toBe(200);
  });

  it('binds a facility token to its facility; refuses a facility token without --facility and unknown roles', async () => {
    const f = await makeFacility();
    const st = await makeStation(f.code);
    const r = await cli('token', 'create', '--role', 'facility', '--name', 'logger', '--facility', f.code);
    expect(r.code, r.stderr).toBe(0);
    const list = await call(listStations, '/api/v1/stations', { token: lastLine(r.stdout) });
    expect(list.body.items.map((s: { code: string }) => s.code)).toEqual([st.code]);

    const noFacility = await cli('token', 'create', '--role', 'facility', '--name', 'x');
    expect(noFacility.code).toBe(2);
    expect(noFacility.stderr).toContain('facility');
    const badRole = await cli('token', 'create', '--role', 'root', '--name', 'x');
    expect(badRole.code).toBe(2);
    const unknownFacility = await cli('token', 'create', '--role', 'facility', '--name', 'x', '--facility', 'NO_SUCH');
    expect(unknownFacility.code).toBe(1);
    expect(unknownFacility.stderr).toContain('NO_SUCH');
  });
});

describe('npm run cli -- user create', { timeout: SLOW }, () => {
  it('creates a login whose password works; a second one with the same e-mail fails', async () => {
    const email = `${uid('u').toLowerCase()}@example.vn`;
    const r = await cli('user', 'create', '--email', email, '--password', 'pa55word!', '--role', 'inspector', '--name', 'Thanh tra');
    expect(r.code, r.stderr).toBe(0);
    const user = await authenticateUser(email, 'pa55word!');
    expect(user).toMatchObject({ email, role: 'inspector', name: 'Thanh tra' });
    expect(await authenticateUser(email, 'wrong')).toBeNull();
    const again = await cli('user', 'create', '--email', email, '--password', 'pa55word!', '--role', 'inspector');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });
});

describe('npm run cli -- import / ledger verify', { timeout: SLOW }, () => {
  it('imports a folder recursively and a zip through the pipeline, then verifies the ledger (and notices a missing raw file)', async () => {
    const f = await makeFacility();
    const st = await makeStation(f.code);
    const file = (hhmm: string, cod: number) => ({
      name: `BG_${st.fileCode}_20240524${hhmm}00.txt`,
      data: Buffer.from(`COD\t${cod}\tmg/L\t20240524${hhmm}00\t00\r\nPH\t7.2\tpH\t20240524${hhmm}00\t00\r\n`),
    });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qt-import-'));
    mkdirSync(path.join(dir, '2024', '05', '24'), { recursive: true });
    const a = file('1005', 41);
    const b = file('1010', 42);
    writeFileSync(path.join(dir, a.name), a.data);
    writeFileSync(path.join(dir, '2024', '05', '24', b.name), b.data);
    writeFileSync(path.join(dir, '2024', 'notes.txt'), 'not a data file');

    const r = await cli('import', dir);
    expect(r.code, r.stderr).toBe(0);
    expect(lastLine(r.stdout)).toMatch(/imported 3 files .*accepted 2, partial 0, rejected 1, duplicate 0; 4 readings stored/);

    const zipPath = path.join(dir, '..', `${path.basename(dir)}.zip`);
    writeFileSync(zipPath, zipOf([{ name: 'day/', data: Buffer.alloc(0) }, { name: `day/${a.name}`, data: a.data }, { name: `day/x/${file('1015', 43).name}`, data: file('1015', 43).data }]));
    const z = await cli('import', zipPath);
    expect(z.code, z.stderr).toBe(0);
    expect(lastLine(z.stdout)).toMatch(/imported 2 files .*accepted 1, partial 0, rejected 0, duplicate 1; 2 readings stored/);

    const admin = lastLine((await cli('token', 'create', '--role', 'admin', '--name', 'reader')).stdout);
    const readings = await call(getReadings, `/api/v1/stations/${st.code}/readings?parameter=COD&from=2024-05-24&to=2024-05-25`, { token: admin, params: { code: st.code } });
    expect(readings.body.items.map((x: { value: number }) => x.value)).toEqual([41, 42, 43]);

    const station = await findStationByCode(st.code);
    const files = await listIngestFiles({ stationId: station?.id, limit: 10 });
    const firstId = Math.min(...files.map((x) => x.id));
    const ok = await cli('ledger', 'verify', '--since', String(firstId));
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(lastLine(ok.stdout)).toMatch(/^ledger ok: \d+ rows checked$/);

    const sha = files[0]?.sha256 ?? '';
    const raw = path.join(cliDataDir, 'raw', sha.slice(0, 2), sha.slice(2, 4), sha);
    renameSync(raw, `${raw}.moved`);
    try {
      const bad = await cli('ledger', 'verify', '--since', String(firstId));
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain('problem:');
      expect(lastLine(bad.stdout)).toMatch(/^ledger NOT ok/);
    } finally {
      renameSync(`${raw}.moved`, raw);
    }
  });

  it('explains usage errors with exit code 2', async () => {
    const r = await cli('import');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage');
    const missing = await cli('import', path.join(os.tmpdir(), 'no-such-folder-qt'));
    expect(missing.code).toBe(2);
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
  });
});
