/**
 * Issue 3 item 9: bad input never crashes anything. Over 1,000 mutated files (seeded, reproducible) go through the
 * real FTP receiver and ingest pipeline; every acknowledged upload must end as exactly one ledger row with a reason
 * whenever it was not accepted, and the receiver must still accept a good file at the end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Client } from 'basic-ftp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { disconnectDb, pool } from '@/lib/db/client';
import { formatCompactLocalTime, fromLocalParts } from '@/lib/domain/time';
import type { FtpReceiver } from '@/worker/ftp-server';
import { createFacilityWithStation, createTestFtpAccount, uid, type FtpLogin } from '../support/fixtures';
import { connectFtp, startTestReceiver, uploadFtp } from '../support/ftp';
import { ledgerRow } from '../support/ingest';
import { waitFor } from '../support/wait';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';

const SEED = 20261128;
const FILES = 1100;
const CLIENTS = 8;

/** mulberry32: small, seedable, good enough to pick mutations. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]! };
}

const FACILITY = uid('FZ');
const FILE_CODE = `${FACILITY}_NT01`;
let login: FtpLogin;

const stampOf = (ms: number) => formatCompactLocalTime(new Date(ms));
const BASE = fromLocalParts({ year: 2024, month: 9, day: 1 }).getTime();

function validLines(t: number, j: number): string[] {
  const s = stampOf(t);
  return [`COD\t${(20 + (j % 50)).toFixed(1)}\tmg/L\t${s}\t00`, `PH\t${(6.5 + (j % 20) / 10).toFixed(2)}\tpH\t${s}\t00`, `FLOW\t${50 + j}\tm3/h\t${s}\t00`];
}
const validName = (t: number, code = FILE_CODE) => `BG_${code}_${stampOf(t)}.txt`;

type Case = { kind: string; name: string; bytes: Buffer };

/** The i-th mutated file. */
function makeCase(i: number, r: ReturnType<typeof rng>): Case {
  const t = BASE + i * 300_000;
  const good = Buffer.from(validLines(t, i).join('\r\n') + '\r\n');
  const kinds = ['random', 'empty', 'wrong-name', 'dotdot', 'latin1', 'future', 'unknown-station', 'truncated', 'mutated', 'mutated', 'valid', 'resend', 'legacy', 'oversize', 'huge'] as const;
  let kind: (typeof kinds)[number] = r.pick(kinds);
  // Few of the heavy ones.
  if (kind === 'oversize' && i % 50 !== 0) kind = 'mutated';
  if (kind === 'huge' && i % 200 !== 0) kind = 'truncated';
  switch (kind) {
    case 'random':
      return { kind, name: validName(t), bytes: Buffer.from(Array.from({ length: r.int(3000) + 1 }, () => r.int(256))) };
    case 'empty':
      return { kind, name: validName(t), bytes: Buffer.alloc(0) };
    case 'wrong-name': {
      const names = [`data_${i}.txt`, `BG_${FILE_CODE}_2024.txt`, `BG_${FILE_CODE}_${stampOf(t)}`, `BG_${FILE_CODE}_${stampOf(t)}.csv`, `Trạm quan trắc ${i}.TXT`, `BG__${i}_.txt`, ` ${i} .txt`, `BG_${FILE_CODE}_99999999999999.txt`];
      return { kind, name: r.pick(names), bytes: good };
    }
    case 'dotdot':
      return { kind, name: `../../../f${i}/${r.pick(['..', 'x/../..', '.'])}/${validName(t)}`, bytes: good };
    case 'latin1': {
      const text = `Nhi\u1EC7t \u0111\u1ED9 COD\t12,5\tmg/l\t${stampOf(t)}\t00\r\nPH ${(7).toFixed(1)} pH ${stampOf(t)}\r\n`;
      const bytes = Buffer.from(text, 'latin1');
      bytes[r.int(bytes.length)] = 0xff;
      return { kind, name: validName(t), bytes };
    }
    case 'future': {
      const years = r.pick([2099, 2500, 9999]);
      const s = `${years}0101000000`;
      return { kind, name: `BG_${FILE_CODE}_${s}.txt`, bytes: Buffer.from(`COD\t10\tmg/L\t${s}\t00\r\nPH\t7\tpH\t${stampOf(t + 3_600_000 * 24 * 365 * 10)}\t00\r\n`) };
    }
    case 'unknown-station':
      return { kind, name: validName(t, `NOPE_X${r.int(1000)}`), bytes: good };
    case 'truncated':
      return { kind, name: validName(t), bytes: good.subarray(0, r.int(good.length)) };
    case 'mutated': {
      const b = Buffer.from(good);
      const n = 1 + r.int(8);
      const out = [...b];
      for (let k = 0; k < n; k++) {
        const op = r.int(3);
        const at = r.int(out.length + 1);
        if (op === 0 && out.length > 0) out[Math.min(at, out.length - 1)] = r.int(256);
        else if (op === 1) out.splice(at, 0, r.pick([9, 32, 10, 13, 44, 46, 45, 48 + r.int(10), r.int(256)]));
        else out.splice(at, 1 + r.int(4));
      }
      return { kind, name: validName(t), bytes: Buffer.from(out) };
    }
    case 'valid':
      return { kind, name: validName(t), bytes: good };
    case 'resend': {
      // The same content as an earlier valid-looking file: a duplicate (or a conflict when values differ).
      const e = Math.max(0, i - 1 - r.int(20));
      return { kind, name: validName(BASE + e * 300_000), bytes: Buffer.from(validLines(BASE + e * 300_000, e).join('\n') + '\n') };
    }
    case 'legacy': {
      const s = stampOf(t);
      return { kind, name: validName(t), bytes: Buffer.from(`\uFEFF${s} COD 15.5 mg/L\n${s} PH 7.1\nFLOW 10 ${s}\n\n`) };
    }
    case 'oversize':
      return { kind, name: validName(t), bytes: Buffer.alloc(1024 * 1024 + 1 + r.int(100_000), 'COD\t1\tmg/L\t20240901000000\t00\n') };
    case 'huge': {
      const lines: string[] = [];
      for (let k = 0; k < 10_000; k++) lines.push(`COD\t${(k % 97) + 0.5}\tmg/L\t${stampOf(BASE + 400 * 86_400_000 + (i * 10_000 + k) * 60_000)}\t00`);
      return { kind, name: validName(t), bytes: Buffer.from(lines.join('\n')) };
    }
  }
}

let dataDir: string;
let receiver: FtpReceiver;
const unexpected: unknown[] = [];
const onUnhandled = (e: unknown) => unexpected.push(e);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'qt-fuzz-'));
  const { facility } = await createFacilityWithStation({
    code: FACILITY,
    station: { parameters: ['COD', 'PH', 'FLOW'], activeFrom: new Date('2024-01-01T00:00:00Z') },
  });
  login = await createTestFtpAccount(facility.id, 'fuzz');
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  receiver = await startTestReceiver({
    pasvMin: 33200,
    pasvMax: 33299,
    dataDir,
    // Non-.txt names are taken by the sweep once they stop awaiting a rename: make that quick here.
    sweepIntervalMs: 300,
    sweepMinAgeMs: 500,
  });
});

afterAll(async () => {
  await receiver?.stop();
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
  await rm(dataDir, { recursive: true, force: true });
  await disconnectDb();
});

async function upload(port: number, cases: { c: Case; i: number }[], acked: Set<number>, refused: string[]) {
  let client: Client | null = null;
  for (const { c, i } of cases) {
    try {
      client ??= await connectFtp(port, login, {}, 20_000);
      // A folder per upload: two cases with the same name never overwrite each other in the spool.
      const target = c.name.startsWith('../') ? c.name : `/u${i}/${c.name}`;
      await client.uploadFrom(Readable.from(c.bytes), target);
      acked.add(i);
    } catch (e) {
      refused.push(`${c.kind} ${JSON.stringify(c.name)}: ${e instanceof Error ? e.message : String(e)}`);
      client?.close();
      client = null;
    }
  }
  client?.close();
}

describe('ingest fuzz over FTP', () => {
  it(`${FILES} mutated files: every acknowledged upload is one ledger row, reasons when not accepted, receiver stays up`, async () => {
    const r = rng(SEED);
    const cases = Array.from({ length: FILES }, (_, i) => ({ c: makeCase(i, r), i }));
    const kinds = new Map<string, number>();
    for (const { c } of cases) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
    const acked = new Set<number>();
    const refused: string[] = [];
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, (_, k) => upload(receiver.port, cases.filter((_, i) => i % CLIENTS === k), acked, refused)),
    );
    const uploadedMs = Date.now() - t0;

    // Every acknowledged upload reaches the ledger (non-.txt names through the sweep).
    type Counts = { total: number; accepted: number; partial: number; rejected: number; duplicate: number; unexplained: number };
    let counts: Counts = { total: 0, accepted: 0, partial: 0, rejected: 0, duplicate: 0, unexplained: 0 };
    const end = Date.now() + 240_000;
    for (;;) {
      const q = await pool().query<Counts>(
        `SELECT count(*)::int AS total,
           count(*) FILTER (WHERE outcome = 'accepted')::int AS accepted,
           count(*) FILTER (WHERE outcome = 'partial')::int AS partial,
           count(*) FILTER (WHERE outcome = 'rejected')::int AS rejected,
           count(*) FILTER (WHERE outcome = 'duplicate')::int AS duplicate,
           count(*) FILTER (WHERE outcome <> 'accepted' AND cardinality(reasons) = 0)::int AS unexplained
         FROM ingest_file WHERE account = $1 AND source = 'ftp'`,
        [login.user],
      );
      counts = q.rows[0]!;
      if (counts.total >= acked.size || Date.now() > end) break;
      await new Promise((res) => setTimeout(res, 250));
    }
    await receiver.idle();
    console.log(
      `fuzz: ${FILES} files (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}); ${acked.size} acknowledged in ${uploadedMs} ms, ${refused.length} refused by the server; ledger ${JSON.stringify(counts)}`,
    );
    if (refused.length) console.log(`refused (first 5): ${refused.slice(0, 5).join(' | ')}`);
    expect(acked.size).toBeGreaterThanOrEqual(1000);
    expect(counts.total).toBe(acked.size);
    expect(counts.accepted + counts.partial + counts.rejected + counts.duplicate).toBe(counts.total);
    expect(counts.unexplained).toBe(0);
    expect(counts.rejected).toBeGreaterThan(100);
    expect(counts.accepted).toBeGreaterThan(50);
    // Rejected lines always carry a reason too.
    const lines = await pool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ingest_file f, jsonb_array_elements(f.rejected_lines) l
       WHERE f.account = $1 AND coalesce(l->>'reason', '') = ''`,
      [login.user],
    );
    expect(lines.rows[0]!.n).toBe(0);

    // Still up: a good file after all that is accepted.
    const t = BASE + 5000 * 300_000;
    await uploadFtp(receiver.port, login, validName(t), validLines(t, 1).join('\n'));
    expect((await waitFor(() => ledgerRow(validName(t)))).outcome).toBe('accepted');
    expect(unexpected).toEqual([]);
  }, 420_000);
});
