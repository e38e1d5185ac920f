import { describe, expect, test } from 'vitest';
import { resolveChartWindow } from './chart-range';

const now = Date.parse('2024-05-24T03:00:00.000Z');
const DAY = 86_400_000;

describe('resolveChartWindow', () => {
  test.each([
    { q: {}, range: '24h', res: 'raw', span: DAY, adjusted: false },
    { q: { range: '7d' }, range: '7d', res: 'raw', span: 7 * DAY, adjusted: false },
    { q: { range: '7d', res: '1h' }, range: '7d', res: '1h', span: 7 * DAY, adjusted: false },
    { q: { range: '30d' }, range: '30d', res: '1h', span: 30 * DAY, adjusted: false },
    { q: { range: '1y' }, range: '1y', res: '24h', span: 365 * DAY, adjusted: false },
    { q: { range: '1y', res: 'raw' }, range: '1y', res: '1h', span: 365 * DAY, adjusted: true },
    { q: { range: 'bogus', res: 'bogus' }, range: '24h', res: 'raw', span: DAY, adjusted: false },
    { q: { range: 'custom', from: '01/05/2024', to: '03/05/2024' }, range: 'custom', res: 'raw', span: 3 * DAY, adjusted: false },
    { q: { range: 'custom', from: '03/05/2024', to: '01/05/2024' }, range: '24h', res: 'raw', span: DAY, adjusted: false },
  ] as const)('$q → $range $res', ({ q, range, res, span, adjusted }) => {
    const w = resolveChartWindow(q, now);
    expect(w.range).toBe(range);
    expect(w.res).toBe(res);
    expect(w.to - w.from).toBe(span);
    expect(w.adjusted).toBe(adjusted);
  });
  test('custom texts round-trip (to inclusive)', () => {
    const w = resolveChartWindow({ range: 'custom', from: '01/05/2024', to: '03/05/2024' }, now);
    expect([w.fromText, w.toText]).toEqual(['01/05/2024', '03/05/2024']);
  });
});
