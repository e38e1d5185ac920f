import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineReport, fileBytes, searchParam, tableExports, type ReportContext, type ReportDefinition } from './contract';

/** defineReport: the form, the validated params, the scoped load, the view and the files of one request. */
type Row = { code: string; value: number };
const loads: { params: unknown; facilityId: number | null }[] = [];
const definition = {
  id: 'demo',
  readForm: (sp) => {
    const n = searchParam(sp, 'n');
    return { values: { n }, invalid: /^\d+$/.test(n) ? [] : ['n'], query: `n=${n}`, input: { n: Number(n) } };
  },
  params: z.object({ n: z.number().int().min(1) }),
  load: async (p, ctx) => {
    loads.push({ params: p, facilityId: ctx.scope.facilityId });
    return Array.from({ length: p.n }, (_, i): Row => ({ code: `S${i}`, value: i / 2 }));
  },
  view: (rows) => ({ count: rows.length }),
  exports: tableExports<{ n: string }, Row[]>(
    (rows, locale) => ({
      sheetName: locale,
      offsetMinutes: 420,
      columns: [
        { header: 'code', type: 'string' },
        { header: 'value', type: 'number' },
      ],
      rows: rows.map((r) => [
        { csv: r.code, xlsx: r.code },
        { csv: r.value, xlsx: r.value },
      ]),
    }),
    (v) => `demo-${v.n}`,
  ),
  pdf: null,
} satisfies ReportDefinition<{ n: number }, { n: string }, Row[], { count: number }>;

const ctx: ReportContext = { scope: { facilityId: 7 }, now: new Date(0), threshold: 0.8, locale: 'vi', actor: 'test' };
const report = defineReport(definition);

describe('defineReport', () => {
  it('reads the form, loads in the caller scope, and gives the view and the files of the same data', async () => {
    const request = report.read({ n: '2' }, { now: new Date(0), stations: [] });
    expect([request.values, request.invalid, request.query, request.fileName]).toEqual([{ n: '2' }, [], 'n=2', 'demo-2']);
    const opened = await request.open(ctx);
    expect(loads.at(-1)).toEqual({ params: { n: 2 }, facilityId: 7 });
    expect(opened.view).toEqual({ count: 2 });
    const csv = await opened.file('csv');
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    expect((await fileBytes(csv)).toString('utf8')).toBe('\uFEFFcode,value\r\nS0,0\r\nS1,0.5\r\n');
    const xlsx = await fileBytes(await opened.file('xlsx'));
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses params the schema refuses, before loading anything', async () => {
    const before = loads.length;
    const request = report.read({ n: 'x' }, { now: new Date(0), stations: [] });
    expect(request.invalid).toEqual(['n']);
    await expect(request.open(ctx)).rejects.toBeInstanceOf(z.ZodError);
    expect(loads.length).toBe(before);
  });

  it('a report without files or print page says so', async () => {
    const bare = defineReport({ ...definition, exports: null, pdf: null });
    expect([bare.formats, bare.pdf]).toEqual([[], null]);
    const opened = await bare.read({ n: '1' }, { now: new Date(0), stations: [] }).open(ctx);
    await expect(opened.file('csv')).rejects.toThrow('report demo has no csv file');
  });

  it('fileBytes reads a streamed file whole', async () => {
    const body = new Blob(['a', 'b']).stream();
    expect((await fileBytes({ contentType: 'text/plain', body })).toString()).toBe('ab');
  });
});
