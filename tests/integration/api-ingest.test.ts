import { beforeAll, describe, expect, it } from 'vitest';
import { call, ISO_VN, makeFacility, makeStation, tokenFor } from './api-fixtures';
import { POST as ingest } from '@/app/api/v1/ingest/route';
import { GET as listFiles } from '@/app/api/v1/ingest/files/route';
import { GET as rawFile } from '@/app/api/v1/ingest/files/[id]/raw/route';
import { GET as getReadings } from '@/app/api/v1/stations/[code]/readings/route';
import { GET as getStation } from '@/app/api/v1/stations/[code]/route';

let admin: string;
let operator: string;
let fA: { code: string };
let fB: { code: string };
let stA: { code: string; fileCode: string };
let stB: { code: string; fileCode: string };
let tokenA: string;

beforeAll(async () => {
  admin = await tokenFor('admin');
  operator = await tokenFor('operator');
  fA = await makeFacility();
  fB = await makeFacility();
  stA = await makeStation(fA.code);
  stB = await makeStation(fB.code);
  tokenA = await tokenFor('facility', fA.code);
});

const post = (name: string | null, content: string, token: string | null) =>
  call(ingest, '/api/v1/ingest', {
    method: 'POST',
    token,
    raw: content,
    headers: { 'content-type': 'application/octet-stream', ...(name ? { 'x-file-name': name } : {}) },
  });

describe('POST /api/v1/ingest', () => {
  it('ingests a file from its facility; the readings then appear; a resend is a duplicate', async () => {
    const name = `BG_${stA.fileCode}_20240524100500.txt`;
    const content = 'COD\t45.30\tmg/L\t20240524100500\t00\r\nPH\t7.10\tpH\t20240524100500\t00\r\n';
    const r = await post(name, content, tokenA);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ outcome: 'accepted', station: stA.code, readings: 2, rejectedLines: [], reasons: [] });
    expect(r.body.fileId).toEqual(expect.any(Number));

    const readings = await call(getReadings, `/api/v1/stations/${stA.code}/readings?parameter=COD&from=2024-05-24&to=2024-05-25`, {
      token: tokenA,
      params: { code: stA.code },
    });
    expect(readings.body.items).toEqual([expect.objectContaining({ time: '2024-05-24T10:05:00+07:00', value: 45.3, unit: 'mg/L', deviceStatus: '00' })]);

    const station = await call(getStation, `/api/v1/stations/${stA.code}`, { token: operator, params: { code: stA.code } });
    expect(station.body.lastFileAt).toMatch(ISO_VN);
    expect(station.body.lastDataAt).toBe('2024-05-24T10:05:00+07:00');

    const again = await post(name, content, tokenA);
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('duplicate');
  });

  it('reports partial files with their rejected lines', async () => {
    const name = `BG_${stA.fileCode}_20240524101000.txt`;
    const r = await post(name, 'COD\t46.1\tmg/L\t20240524101000\t00\nXYZ\t1\tmg/L\t20240524101000\t00\nTSS\tabc\tmg/L\t20240524101000\t00\n', tokenA);
    expect(r.status).toBe(200);
    expect(r.body.outcome).toBe('partial');
    expect(r.body.readings).toBe(1);
    expect(r.body.rejectedLines.map((l: { line: number }) => l.line)).toEqual([2, 3]);
    // The English texts as ever, and beside them the codes a client translates.
    expect(r.body.rejectedLines).toEqual([
      { line: 2, reason: "unknown parameter 'XYZ' for this station", code: 'unknown_parameter', params: { symbol: 'XYZ' } },
      { line: 3, reason: "not a number: 'abc'", code: 'not_a_number', params: { value: 'abc' } },
    ]);
    expect(r.body.reasons).toEqual(['2 of 3 lines rejected']);
    expect(r.body.reasonCodes).toEqual([{ code: 'lines_rejected', params: { rejected: 2, total: 3 } }]);
  });

  it('rejects another facility’s station for a facility token, but not for an admin', async () => {
    const name = `BG_${stB.fileCode}_20240524100500.txt`;
    const content = 'COD\t12\tmg/L\t20240524100500\t00\n';
    const r = await post(name, content, tokenA);
    expect(r.status).toBe(200);
    expect(r.body.outcome).toBe('rejected');
    expect(r.body.readings).toBe(0);
    expect(r.body.reasons).toEqual(['station not owned by the uploading account']);
    expect(r.body.reasonCodes).toEqual([{ code: 'not_owned', params: {} }]);

    const asAdmin = await post(name, content, admin);
    expect(asAdmin.body).toMatchObject({ outcome: 'accepted', station: stB.code, readings: 1 });
  });

  it('rejects unknown stations and bad names with a stored reason', async () => {
    const r = await post('BG_NOPE_NOPE_20240524100500.txt', 'COD\t12\tmg/L\t20240524100500\t00\n', admin);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ outcome: 'rejected', station: null, readings: 0 });
    expect(r.body.reasons).toEqual(["unknown station 'NOPE_NOPE'"]);
    expect(r.body.reasonCodes).toEqual([{ code: 'unknown_station', params: { fileCode: 'NOPE_NOPE' } }]);
    const badName = await post('hello.txt', 'COD\t12\tmg/L\t20240524100500\t00\n', admin);
    expect(badName.body.outcome).toBe('rejected');
    expect(badName.body.reasonCodes).toEqual([
      { code: 'name_parts', params: { pattern: '<PROVINCE>_<FACILITY>_<STATION>_<yyyyMMddHHmmss>.txt', found: 1 } },
    ]);
  });

  it('refuses: no X-File-Name 400, no token 401, staff other than admin 403', async () => {
    const missing = await post(null, 'x', admin);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'header.X-File-Name' }] });
    expect((await post('a.txt', 'x', null)).status).toBe(401);
    for (const role of ['operator', 'inspector', 'manager'] as const) {
      expect((await post('a.txt', 'x', await tokenFor(role))).status).toBe(403);
    }
  });
});

describe('GET /api/v1/ingest/files and /{id}/raw', () => {
  it('lists the ledger newest first with filters, and serves the original bytes', async () => {
    const st = await makeStation(fA.code);
    const name1 = `BG_${st.fileCode}_20240524100500.txt`;
    const name2 = `BG_${st.fileCode}_20240524101000.txt`;
    const bytes1 = '\uFEFFCOD\t45.30\tmg/L\t20240524100500\t00\r\n';
    const first = await post(name1, bytes1, admin);
    const second = await post(name2, 'COD\tnope\tmg/L\t20240524101000\t00\r\n', admin);
    expect(second.body.outcome).toBe('rejected');

    const list = await call(listFiles, `/api/v1/ingest/files?station=${st.code}`, { token: operator });
    expect(list.status).toBe(200);
    expect(list.body.nextCursor).toBeNull();
    expect(list.body.items.map((f: { id: number }) => f.id)).toEqual([second.body.fileId, first.body.fileId]);
    const item = list.body.items[1];
    expect(item).toMatchObject({ id: first.body.fileId, name: name1, source: 'api', outcome: 'accepted', reasons: [], reasonCodes: [], station: st.code });
    expect(list.body.items[0]).toMatchObject({
      reasons: ['no valid data lines'],
      reasonCodes: [{ code: 'no_valid_lines', params: {} }],
      rejectedLines: [{ line: 1, reason: "not a number: 'nope'", code: 'not_a_number', params: { value: 'nope' } }],
    });
    expect(item.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(item.size).toBe(Buffer.byteLength(bytes1));
    expect(item.receivedAt).toMatch(ISO_VN);

    const rejected = await call(listFiles, `/api/v1/ingest/files?station=${st.code}&outcome=rejected`, { token: operator });
    expect(rejected.body.items.map((f: { id: number }) => f.id)).toEqual([second.body.fileId]);
    const future = await call(listFiles, `/api/v1/ingest/files?station=${st.code}&from=2999-01-01T00:00:00Z`, { token: operator });
    expect(future.body.items).toEqual([]);
    const past = await call(listFiles, `/api/v1/ingest/files?station=${st.code}&to=2000-01-01`, { token: operator });
    expect(past.body.items).toEqual([]);
    const unknown = await call(listFiles, '/api/v1/ingest/files?station=NOPE', { token: operator });
    expect(unknown.body.items).toEqual([]);

    const page1 = await call(listFiles, `/api/v1/ingest/files?station=${st.code}&limit=1`, { token: operator });
    expect(page1.body.items).toHaveLength(1);
    const page2 = await call(listFiles, `/api/v1/ingest/files?station=${st.code}&limit=1&cursor=${page1.body.nextCursor}`, { token: operator });
    expect(page2.body.items.map((f: { id: number }) => f.id)).toEqual([first.body.fileId]);
    expect(page2.body.nextCursor).toBeNull();

    const raw = await call(rawFile, `/api/v1/ingest/files/${first.body.fileId}/raw`, { token: operator, params: { id: String(first.body.fileId) } });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toBe('application/octet-stream');
    expect(raw.headers.get('content-disposition')).toContain(`filename="${name1}"`);
    expect(Buffer.from(await raw.response.arrayBuffer()).equals(Buffer.from(bytes1))).toBe(true);
  });

  it('refuses: facility tokens 403, no token 401, bad filters 400, unknown file 404', async () => {
    expect((await call(listFiles, '/api/v1/ingest/files', { token: tokenA })).status).toBe(403);
    expect((await call(listFiles, '/api/v1/ingest/files')).status).toBe(401);
    expect((await call(listFiles, '/api/v1/ingest/files?outcome=lost', { token: operator })).status).toBe(400);
    expect((await call(listFiles, '/api/v1/ingest/files?from=soon', { token: operator })).status).toBe(400);
    expect((await call(rawFile, '/api/v1/ingest/files/999999999/raw', { token: operator, params: { id: '999999999' } })).status).toBe(404);
    expect((await call(rawFile, '/api/v1/ingest/files/abc/raw', { token: operator, params: { id: 'abc' } })).status).toBe(400);
    expect((await call(rawFile, '/api/v1/ingest/files/1/raw', { token: tokenA, params: { id: '1' } })).status).toBe(403);
  });
});
