import { describe, expect, it } from 'vitest';
import { convertToUnit, normaliseUnit } from './units';

describe('normaliseUnit', () => {
  it.each([
    ['mg/l', 'mg/L'],
    ['mg/L', 'mg/L'],
    ['MG/L', 'mg/L'],
    ['m3/h', 'm³/h'],
    ['m³/h', 'm³/h'],
    ['oC', '°C'],
    ['°C', '°C'],
    ['ºC', '°C'],
    ['ug/m3', 'µg/m³'],
    ['µg/m3', 'µg/m³'],
    ['μg/m³', 'µg/m³'],
    ['µg/Nm3', 'µg/Nm³'],
    ['mg/Nm3', 'mg/Nm³'],
    ['mg/m3', 'mg/m³'],
    ['%', '%'],
    ['-', '-'],
    ['pH', '-'],
    ['NTU', 'NTU'],
    ['uS/cm', 'µS/cm'],
    ['Pt-Co', 'Pt-Co'],
    ['kPa', 'kPa'],
    ['hPa', 'hPa'],
    ['m/s', 'm/s'],
    ['deg', '°'],
    ['°', '°'],
  ])('%s → %s', (raw, unit) => {
    expect(normaliseUnit(raw)?.unit).toBe(unit);
  });

  it.each([['furlongs'], ['mg'], [''], ['ppm']])('%s → unknown', (raw) => {
    expect(normaliseUnit(raw)).toBeNull();
  });
});

describe('normaliseUnit remembered', () => {
  it('gives the same answer on every call, for known spellings, unknown ones and long garbage', () => {
    for (let i = 0; i < 3; i++) {
      expect(normaliseUnit('mg/L')).toEqual(normaliseUnit('mg/l'));
      expect(normaliseUnit('furlongs')).toBeNull();
      expect(normaliseUnit('x'.repeat(5000))).toBeNull();
    }
    for (let i = 0; i < 2000; i++) expect(normaliseUnit(`u${i}`)).toBeNull();
    expect(normaliseUnit('mg/l')).not.toBeNull();
  });
});

describe('convertToUnit to the registry unit', () => {
  it.each([
    ['same unit, other spelling', 45.3, 'mg/l', 'mg/L', 45.3],
    ['ambient CO mg/m³ → µg/m³ ×1000', 1.2, 'mg/m3', 'µg/m³', 1200],
    ['conversion noise is tidied (0.1 ×1000)', 0.1, 'mg/m3', 'µg/m³', 100],
    ['µg/Nm³ read as µg/m³', 35, 'µg/Nm3', 'µg/m³', 35],
    ['stack mg/m³ read as mg/Nm³', 120, 'mg/m3', 'mg/Nm³', 120],
    ['stack µg/Nm³ → mg/Nm³ ÷1000', 2500, 'ug/Nm3', 'mg/Nm³', 2.5],
    ['m³/s → m³/h ×3600', 0.5, 'm3/s', 'm³/h', 1800],
    ['L/s → m³/h ×3.6', 10, 'l/s', 'm³/h', 36],
    ['m³/day → m³/h ÷24', 240, 'm3/day', 'm³/h', 10],
    ['hPa → kPa ÷10', 1013.25, 'hPa', 'kPa', 101.325],
    ['kPa → hPa ×10', 101.3, 'kPa', 'hPa', 1013],
    ['Kelvin → °C', 300.15, 'K', '°C', 27],
    ['mS/cm → µS/cm ×1000', 1.5, 'mS/cm', 'µS/cm', 1500],
    ['pH written as pH', 7.2, 'pH', '-', 7.2],
    ['deg for wind direction', 270, 'deg', '°', 270],
    ['negative temperature', -5, 'oC', '°C', -5],
  ])('%s', (_label, value, from, to, expected) => {
    const r = convertToUnit(value, from, to);
    expect(r).toEqual({ ok: true, value: expected, unit: to });
  });

  it.each([
    ['unknown spelling', 'furlongs', 'mg/L', 'unknown_unit'],
    ['water concentration for an air parameter', 'mg/L', 'µg/m³', 'incompatible'],
    ['temperature for a concentration', '°C', 'mg/L', 'incompatible'],
    ['dimensionless for a concentration', '-', 'mg/L', 'incompatible'],
    ['target not in the table', 'mg/L', 'bananas', 'unknown_target'],
  ])('%s → %s', (_label, from, to, reason) => {
    expect(convertToUnit(1, from, to)).toEqual({ ok: false, reason });
  });
});
