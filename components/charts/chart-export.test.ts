import { describe, expect, test } from 'vitest';
import { chartCsv, chartFileName } from './chart-export';

const header = { time: 'Thời gian', value: 'Giá trị', flag: 'Cờ QC', limitMin: 'Giới hạn dưới', limitMax: 'Giới hạn trên' };

describe('chartCsv', () => {
  test('header with BOM, ISO times at +07:00, values at the chart decimals, flags of marked points', () => {
    const t0 = Date.UTC(2026, 11, 1, 17, 0); // 02/12/2026 00:00 local
    const csv = chartCsv({
      header,
      points: [
        { t: t0, v: 12.345 },
        { t: t0 + 300_000, v: null },
        { t: t0 + 600_000, v: 80 },
      ],
      marks: [{ t: t0 + 600_000, f: 4 }],
      decimals: 1,
      limitMin: null,
      limitMax: 50,
    });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Thời gian,Giá trị,Cờ QC,Giới hạn dưới,Giới hạn trên',
      '2026-12-02T00:00:00+07:00,12.3,,,50.0',
      '2026-12-02T00:05:00+07:00,,,,50.0',
      '2026-12-02T00:10:00+07:00,80.0,4,,50.0',
      '',
    ]);
  });

  test('a header cell with a comma is quoted', () => {
    const csv = chartCsv({ header: { ...header, value: 'Giá trị (mg/m³, 1h)' }, points: [], decimals: 0, limitMin: null, limitMax: null });
    expect(csv).toContain('"Giá trị (mg/m³, 1h)"');
  });
});

describe('chartFileName', () => {
  test.each([
    { label: 'codes joined', parts: ['HN_KK01', 'PM25', '2026-12-02'], ext: 'csv' as const, want: 'HN_KK01_PM25_2026-12-02.csv' },
    { label: 'Vietnamese letters folded', parts: ['Đường Láng', 'NH4'], ext: 'png' as const, want: 'Duong-Lang_NH4.png' },
    { label: 'empty parts dropped', parts: [undefined, ''], ext: 'png' as const, want: 'chart.png' },
  ])('$label', ({ parts, ext, want }) => {
    expect(chartFileName(parts, ext)).toBe(want);
  });
});
