import { describe, expect, it } from 'vitest';
import { resolveSymbol, symbolKey } from './symbols';

const WASTEWATER = ['FLOW', 'TEMP', 'PH', 'COD', 'TSS', 'NH4', 'TN', 'TP', 'COLOR'];
const AMBIENT = ['PM25', 'PM10', 'TSP', 'SO2', 'NO2', 'CO', 'O3', 'TEMP', 'RH', 'WS', 'WD', 'BARO'];
const EMISSION = ['FLOW', 'TEMP', 'PRESSURE', 'O2', 'DUST', 'SO2', 'NOX', 'CO'];

describe('symbolKey', () => {
  it.each([
    ['comma decimal', 'PM2,5', 'PM25'],
    ['dashes', 'PM-2-5', 'PM25'],
    ['dot', 'PM2.5', 'PM25'],
    ['plus sign', 'NH4+', 'NH4'],
    ['lower case', 'flowout', 'FLOWOUT'],
    ['Vietnamese diacritics', 'Nhiệt độ', 'NHIETDO'],
    ['đ', 'Độ đục', 'DODUC'],
    ['only punctuation', '--', ''],
  ])('%s: %s → %s', (_label, symbol, key) => {
    expect(symbolKey(symbol)).toBe(key);
  });
});

describe('symbolKey remembered', () => {
  it('gives the same key on every call, for short symbols (kept) and long garbage tokens (not kept)', () => {
    const long = `PM2,5-${'x'.repeat(5000)}`;
    for (let i = 0; i < 3; i++) {
      expect(symbolKey('Nhiệt độ')).toBe('NHIETDO');
      expect(symbolKey(long)).toBe(`PM25${'X'.repeat(5000)}`);
    }
    // More distinct symbols than the cache holds: answers stay right after it is cleared.
    for (let i = 0; i < 5000; i++) expect(symbolKey(`p${i}`)).toBe(`P${i}`);
    expect(symbolKey('Nhiệt độ')).toBe('NHIETDO');
  });
});

describe('resolveSymbol (global table)', () => {
  it.each([
    ['canonical code', 'COD', WASTEWATER, 'COD'],
    ['canonical code, lower case', 'cod', WASTEWATER, 'COD'],
    ['pH spelled pH', 'pH', WASTEWATER, 'PH'],
    ['PM2,5 with a comma', 'PM2,5', AMBIENT, 'PM25'],
    ['PM-2-5', 'PM-2-5', AMBIENT, 'PM25'],
    ['PM2.5', 'PM2.5', AMBIENT, 'PM25'],
    ['NH4+', 'NH4+', WASTEWATER, 'NH4'],
    ['Amoni', 'Amoni', WASTEWATER, 'NH4'],
    ['N-NH4', 'N-NH4', WASTEWATER, 'NH4'],
    ['Flow', 'Flow', WASTEWATER, 'FLOW'],
    ['FlowOut', 'FlowOut', WASTEWATER, 'FLOW'],
    ['FLOWOUT upper', 'FLOWOUT', EMISSION, 'FLOW'],
    ['TSP at an ambient station is TSP', 'TSP', AMBIENT, 'TSP'],
    ['TSP at a stack is DUST', 'TSP', EMISSION, 'DUST'],
    ['Dust at a stack', 'Dust', EMISSION, 'DUST'],
    ['Pressure at a stack', 'Pressure', EMISSION, 'PRESSURE'],
    ['Pressure at an ambient station is BARO', 'Pressure', AMBIENT, 'BARO'],
    ['Vietnamese name', 'Nhiệt độ', WASTEWATER, 'TEMP'],
    ['Colour British spelling', 'Colour', WASTEWATER, 'COLOR'],
  ])('%s: %s → %s', (_label, symbol, codes, expected) => {
    expect(resolveSymbol(symbol, codes)).toBe(expected);
  });

  it.each([
    ['unknown symbol', 'XYZ', WASTEWATER],
    ['known symbol the station does not measure', 'PM2,5', WASTEWATER],
    ['alias whose candidates the station does not measure', 'Amoni', AMBIENT],
    ['empty', '', WASTEWATER],
    ['punctuation only', '+-', WASTEWATER],
  ])('%s: %s → null', (_label, symbol, codes) => {
    expect(resolveSymbol(symbol, codes)).toBeNull();
  });
});

describe('resolveSymbol (per-station aliases)', () => {
  const aliases = { 'COD-1': 'COD', 'Luu luong': 'FLOW', TOC: 'COD', Bui: 'PM10' };
  it.each([
    ['exact station alias', 'COD-1', 'COD'],
    ['station alias matched by key', 'cod_1', 'COD'],
    ['station alias with a space, by key', 'LuuLuong', 'FLOW'],
    ['station alias overrides a canonical code', 'TOC', 'COD'],
    ['global table still applies', 'Amoni', 'NH4'],
  ])('%s: %s → %s', (_label, symbol, expected) => {
    expect(resolveSymbol(symbol, WASTEWATER, aliases)).toBe(expected);
  });

  it('a station alias to a code the station does not measure resolves to nothing', () => {
    expect(resolveSymbol('Bui', WASTEWATER, aliases)).toBeNull();
  });
});
