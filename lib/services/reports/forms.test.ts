import { describe, expect, it } from 'vitest';
import { completenessDefinition } from './completeness';
import { type FormContext } from './contract';
import { dataExportDefinition } from './data';
import { exceedanceDefinition } from './exceedances';
import { monthlyDefinition } from './monthly';

/** The reports' forms read from the URL: defaults, invalid fields, the caller's stations only, links and params. */
const NOW = new Date('2024-05-24T03:00:00Z'); // 24/05/2024 10:00 +07:00
const form: FormContext = { now: NOW, stations: ['NT01', 'NT02'] };
const local = (day: string) => new Date(`${day}T00:00:00+07:00`);

describe('completeness and exceedance forms', () => {
  it.each([
    ['no field: this month so far, by day', {}, { from: '01/05/2024', to: '24/05/2024', period: 'day', station: '' }, []],
    ['a range by month', { from: '02/05/2024', to: '03/05/2024', period: 'month' }, { from: '02/05/2024', to: '03/05/2024', period: 'month', station: '' }, []],
    ['unreadable days', { from: '31/02/2024', to: 'x' }, { from: '01/05/2024', to: '24/05/2024', period: 'day', station: '' }, ['from', 'to']],
    ['to before from', { from: '10/05/2024', to: '09/05/2024' }, { from: '10/05/2024', to: '10/05/2024', period: 'day', station: '' }, ['to']],
    ['more than 366 days is cut', { from: '01/01/2023', to: '24/05/2024' }, { from: '01/01/2023', to: '01/01/2024', period: 'day', station: '' }, ['to']],
    ['a station of the caller', { station: 'NT02' }, { from: '01/05/2024', to: '24/05/2024', period: 'day', station: 'NT02' }, []],
    ['a station out of scope is dropped', { station: 'OTHER' }, { from: '01/05/2024', to: '24/05/2024', period: 'day', station: '' }, ['station']],
  ])('%s', (_label, sp, values, invalid) => {
    const f = completenessDefinition.readForm(sp, form);
    expect(f.values).toEqual(values);
    expect(f.invalid).toEqual(invalid);
    expect(f.query).toBe(new URLSearchParams(values).toString());
    const p = completenessDefinition.params.parse(f.input);
    expect(p.period).toBe(values.period);
    expect(p.station).toBe(values.station || undefined);
    expect(p.to.getTime() - p.from.getTime()).toBeGreaterThan(0);
  });

  it('the range is [first day 00:00, day after the last 00:00) local', () => {
    const p = completenessDefinition.params.parse(completenessDefinition.readForm({ from: '02/05/2024', to: '03/05/2024' }, form).input);
    expect([p.from, p.to]).toEqual([local('2024-05-02'), local('2024-05-04')]);
  });

  it.each([
    ['all by default', {}, 'all', false],
    ['a known kind, by month', { kind: 'approaching', period: 'month' }, 'approaching', true],
    ['an unknown kind is all', { kind: 'nope' }, 'all', false],
  ])('exceedances: %s', (_label, sp, kind, byMonth) => {
    const f = exceedanceDefinition.readForm(sp, form);
    expect(f.values.kind).toBe(kind);
    expect(f.query).toContain(`kind=${kind}`);
    expect(exceedanceDefinition.params.parse(f.input)).toMatchObject({ kind, byMonth });
  });

  it('file names carry the range', () => {
    const c = completenessDefinition.readForm({ from: '24/05/2024', to: '24/05/2024' }, form);
    expect(completenessDefinition.exports.fileName(c.values)).toBe('ty-le-so-lieu-day-24052024-24052024');
    const e = exceedanceDefinition.readForm({ from: '01/05/2024', to: '31/05/2024' }, form);
    expect(exceedanceDefinition.exports.fileName(e.values)).toBe('vuot-nguong-01052024-31052024');
  });
});

describe('monthly form', () => {
  it.each([
    ['no field: this month, no station', {}, { station: '', month: '05/2024' }, [], 'station=&month=2024-05', undefined],
    ['MM/yyyy and a station', { month: '4/2024', station: 'NT01' }, { station: 'NT01', month: '04/2024' }, [], 'station=NT01&month=2024-04', 'NT01'],
    ['yyyy-MM', { month: '2023-12', station: 'NT02' }, { station: 'NT02', month: '12/2023' }, [], 'station=NT02&month=2023-12', 'NT02'],
    ['an unreadable month is this month', { month: '13/2024' }, { station: '', month: '05/2024' }, ['month'], 'station=&month=2024-05', undefined],
    ['a station out of scope', { station: 'OTHER' }, { station: '', month: '05/2024' }, ['station'], 'station=&month=2024-05', undefined],
  ])('%s', (_label, sp, values, invalid, query, station) => {
    const f = monthlyDefinition.readForm(sp, form);
    expect(f.values).toEqual(values);
    expect(f.invalid).toEqual(invalid);
    expect(f.query).toBe(query);
    expect(monthlyDefinition.params.parse(f.input).station).toBe(station);
  });
});

describe('data export form', () => {
  it('reads both days inclusive and names the file', () => {
    const f = dataExportDefinition.readForm({ stations: 'NT01,NT02', from: '01/05/2024', to: '02/05/2024', resolution: '1h', format: 'xlsx' });
    expect(f.invalid).toEqual([]);
    const p = dataExportDefinition.params.parse(f.input);
    expect(p).toMatchObject({ stations: ['NT01', 'NT02'], resolution: '1h', format: 'xlsx', from: local('2024-05-01'), to: local('2024-05-03') });
    expect(dataExportDefinition.exports.fileName(f.values)).toBe('du-lieu-1h-01052024-02052024');
  });

  it('refuses an unreadable day instead of guessing one', () => {
    const f = dataExportDefinition.readForm({ stations: 'NT01', from: '32/05/2024', to: '02/05/2024' });
    expect(f.invalid).toEqual(['from']);
    expect(() => dataExportDefinition.params.parse(f.input)).toThrow('from/to must be dd/MM/yyyy');
  });
});
