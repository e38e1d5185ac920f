import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';

import { disconnectDb } from '@/lib/db/client';
import { findConflictForReview, listOpenConflictsForReview, resolveReadingConflict } from '@/lib/db/conflicts';
import { createFacility } from '@/lib/db/facilities';
import { createFtpAccount } from '@/lib/db/ftp-accounts';
import { countIngestFilesPerDay, findIngestFileInScope, searchIngestFiles } from '@/lib/db/ingest-files';
import { createStation } from '@/lib/db/stations';
import { ingestFile, type IngestResult } from '@/lib/services/ingest';
import { buildFileContent, chartWindow, parseLedgerSearchParams } from '@/server/queries/ingest';

/** The monitor page's reads: facility scope, filters, per-day counts and conflicts (DOMAIN.md §2, §11). */
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qt-ingest-ui-'));
const uid = (p: string) => `${p}${Date.now().toString(36).slice(-4)}${Math.random().toString(36).slice(2, 7)}`.toUpperCase();

type Side = { facilityId: number; stationId: number; fileCode: string; ftpUser: string };
let a: Side;
let b: Side;
const files: Record<string, IngestResult> = {};

async function side(): Promise<Side> {
  const f = await createFacility({ code: uid('UF'), name: 'Ingest UI facility' });
  const code = uid('US');
  const st = await createStation({
    code,
    fileCode: `${f.code}_${code}`,
    name: `Station ${code}`,
    kind: 'wastewater',
    facilityId: f.id,
    lat: 21.3,
    lon: 106.2,
    parameters: ['COD', 'PH', 'TSS'].map((p) => ({ parameter: p, unit: p === 'PH' ? '-' : 'mg/L' })),
  });
  const ftpUser = `ftp_${f.code.toLowerCase()}`;
  await createFtpAccount({ username: ftpUser, passwordHash: 'x', facilityId: f.id });
  return { facilityId: f.id, stationId: st.id, fileCode: st.fileCode, ftpUser };
}

const send = (name: string, text: string, account: string, receivedAt: Date) =>
  ingestFile({ name, bytes: Buffer.from(text), source: 'ftp', account, dataDir, receivedAt, now: receivedAt });

beforeAll(async () => {
  a = await side();
  b = await side();
  // 2024-05-24 23:30 and 2024-05-25 00:30 local time: two local days, one UTC day.
  const lateDay = new Date('2024-05-24T16:30:00Z');
  const nextDay = new Date('2024-05-24T17:30:00Z');
  files.aGood = await send(`BG_${a.fileCode}_20240524233000.txt`, 'COD\t45.3\tmg/L\t20240524233000\t00\n', a.ftpUser, lateDay);
  files.aPartial = await send(`BG_${a.fileCode}_20240525003000.txt`, 'COD\t46.1\tmg/L\t20240525003000\t00\nTSS\tabc\tmg/L\t20240525003000\t00\n', a.ftpUser, nextDay);
  files.aWrongName = await send(`BG_${a.fileCode}_2024.csv`, 'COD\t1\tmg/L\t20240525003000\t00\n', a.ftpUser, nextDay);
  files.aConflict = await send(`BG_${a.fileCode}_20240524233000.txt`, 'COD\t99.9\tmg/L\t20240524233000\t00\n', a.ftpUser, nextDay);
  files.bGood = await send(`BG_${b.fileCode}_20240525003000.txt`, 'COD\t12\tmg/L\t20240525003000\t00\n', b.ftpUser, nextDay);
  files.bPercent = await send(`BG_${b.fileCode}_100%.txt`, 'x', b.ftpUser, nextDay);
  // Stored on B's station under A's account name (a trusted path that skips the ownership check): B's data, not A's.
  files.bViaA = await send(`BG_${b.fileCode}_20240525001000.txt`, 'COD\t13\tmg/L\t20240525001000\t00\n', a.ftpUser, nextDay);
});

afterAll(async () => {
  await disconnectDb();
});

describe('ledger reads in a facility scope', () => {
  it('a facility sees its stations’ files and its own account’s station-less rejections, never another facility’s', async () => {
    const ids = (await searchIngestFiles({ facilityId: a.facilityId, limit: 100 })).map((r) => r.id);
    expect(ids).toEqual(
      [files.aConflict, files.aWrongName, files.aPartial, files.aGood].map((f) => f!.fileId),
    );
    const bIds = (await searchIngestFiles({ facilityId: b.facilityId, limit: 100 })).map((r) => r.id);
    expect(bIds).toEqual([files.bViaA!.fileId, files.bPercent!.fileId, files.bGood!.fileId]);
  });

  it('finds a file only inside the scope', async () => {
    expect(await findIngestFileInScope(files.bGood!.fileId, a.facilityId)).toBeNull();
    expect((await findIngestFileInScope(files.bGood!.fileId, b.facilityId))?.name).toContain(b.fileCode);
    expect((await findIngestFileInScope(files.bGood!.fileId, null))?.id).toBe(files.bGood!.fileId);
    expect(await findIngestFileInScope(2_000_000_000, null)).toBeNull();
  });

  it('filters by outcome, station, source, name (LIKE characters are literal) and time, newest first with a cursor', async () => {
    const partial = await searchIngestFiles({ facilityId: a.facilityId, outcome: 'partial', limit: 10 });
    expect(partial.map((r) => r.id)).toEqual([files.aPartial!.fileId]);
    expect(await searchIngestFiles({ stationId: b.stationId, source: 'api', limit: 10 })).toEqual([]);
    const pct = await searchIngestFiles({ nameContains: '100%', limit: 10 });
    expect(pct.map((r) => r.id)).toEqual([files.bPercent!.fileId]);
    expect(await searchIngestFiles({ stationId: a.stationId, nameContains: '%', limit: 10 })).toEqual([]);
    const late = await searchIngestFiles({ stationId: a.stationId, from: new Date('2024-05-24T17:00:00Z'), limit: 10 });
    expect(late.map((r) => r.id)).toEqual([files.aConflict!.fileId, files.aPartial!.fileId]);
    const page1 = await searchIngestFiles({ facilityId: a.facilityId, limit: 2 });
    const page2 = await searchIngestFiles({ facilityId: a.facilityId, limit: 2, cursor: page1.at(-1)!.id });
    expect([...page1, ...page2].map((r) => r.id)).toEqual([files.aConflict, files.aWrongName, files.aPartial, files.aGood].map((f) => f!.fileId));
  });

  it('counts per local (UTC+7) day and outcome', async () => {
    const rows = await countIngestFilesPerDay({
      facilityId: a.facilityId,
      from: new Date('2024-05-23T17:00:00Z'),
      to: new Date('2024-05-25T17:00:00Z'),
    });
    expect(rows).toEqual([
      { day: '2024-05-24', outcome: 'accepted', count: 1 },
      { day: '2024-05-25', outcome: 'partial', count: 1 },
      { day: '2024-05-25', outcome: 'rejected', count: 2 },
    ]);
  });
});

describe('conflicts for review', () => {
  it('lists open conflicts with their file, scoped to the facility, and drops them once resolved', async () => {
    const open = await listOpenConflictsForReview({ facilityId: a.facilityId, limit: 10 });
    expect(open).toHaveLength(1);
    const c = open[0]!;
    expect(c).toMatchObject({ parameter: 'COD', storedValue: 45.3, newValue: 99.9, fileId: files.aConflict!.fileId, facilityId: a.facilityId });
    expect(c.fileName).toContain(a.fileCode);
    expect(await listOpenConflictsForReview({ facilityId: b.facilityId, limit: 10 })).toEqual([]);
    expect(await listOpenConflictsForReview({ fileId: files.aGood!.fileId, limit: 10 })).toEqual([]);
    expect((await findConflictForReview(c.id))?.facilityId).toBe(a.facilityId);
    expect(await resolveReadingConflict(c.id, 'tester', new Date())).toBe(true);
    expect(await listOpenConflictsForReview({ facilityId: a.facilityId, limit: 10 })).toEqual([]);
  });
});

describe('page helpers', () => {
  it.each([
    ['dd/MM/yyyy kept', { from: '01/05/2024', to: '2024-05-31' }, { from: '01/05/2024', to: '31/05/2024' }, []],
    ['impossible date dropped', { from: '31/02/2024' }, { from: '', to: '' }, ['from']],
    ['unknown outcome dropped', { outcome: 'maybe' }, { outcome: '' }, ['outcome']],
    ['bad cursor dropped', { cursor: '-3' }, { cursor: null }, ['cursor']],
  ])('parses the URL: %s', (_l, sp, expected, invalid) => {
    const r = parseLedgerSearchParams(sp);
    expect(r.filters).toMatchObject(expected);
    expect(r.invalid).toEqual(invalid);
  });

  it('charts the last 14 local days by default and at most 92', () => {
    const now = new Date('2024-05-24T17:30:00Z'); // 25/05 00:30 local
    const d = chartWindow({ from: '', to: '' }, now);
    expect(d.days).toHaveLength(14);
    expect(d.last).toBe('2024-05-25');
    expect(d.first).toBe('2024-05-12');
    expect(chartWindow({ from: '01/01/2023', to: '31/12/2023' }, now).days).toHaveLength(92);
  });

  it('numbers lines like the parser, marks rejected ones, escapes control bytes and dumps binary as hex', () => {
    const text = buildFileContent(Buffer.from('\uFEFFCOD\t1\r\n\r\nTSS\tabc\u001b\r\n'), [{ line: 3, reason: "not a number: 'abc'" }], false);
    expect(text).toMatchObject({ kind: 'text', encoding: 'utf-8', totalLines: 3, hasControlChars: true });
    if (text.kind !== 'text') throw new Error('text expected');
    expect(text.lines.map((l) => [l.n, l.text, l.reasons.length])).toEqual([[1, 'COD\t1', 0], [2, '', 0], [3, 'TSS\tabc\\x1B', 1]]);
    // A line recorded before codes existed keeps its text only; a coded one carries its code for translation.
    expect(text.lines[2]?.reasons).toEqual([{ text: "not a number: 'abc'", code: null }]);
    const coded = buildFileContent(Buffer.from('TSS\tabc\n'), [{ line: 1, reason: "not a number: 'abc'", code: 'not_a_number', params: { value: 'abc' } }], false);
    expect(coded.kind === 'text' && coded.lines[0]?.reasons).toEqual([{ text: "not a number: 'abc'", code: { code: 'not_a_number', params: { value: 'abc' } } }]);
    const only = buildFileContent(Buffer.from('a\nb\nc\n'), [{ line: 2, reason: 'x' }], true);
    expect(only.kind === 'text' && only.lines.map((l) => l.n)).toEqual([2]);
    expect(buildFileContent(Buffer.from([0x41, 0xe9, 0x0a]), [], false)).toMatchObject({ kind: 'text', encoding: 'latin1' });
    expect(buildFileContent(Buffer.from([0, 1, 2]), [], false)).toMatchObject({ kind: 'binary', shown: 3, total: 3 });
    expect(buildFileContent(Buffer.alloc(0), [], false)).toEqual({ kind: 'empty' });
  });
});
