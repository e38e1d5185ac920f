import { memoByString } from './memo';

/**
 * Unit spellings as loggers write them → units of the parameter registry, with conversion (DOMAIN.md §2). Units are
 * grouped by dimension; a value converts between units of one dimension by factor (and offset for temperatures).
 * Air concentrations with and without "N" (normal conditions) share one dimension: loggers report at reference
 * conditions whether or not they write the N, and the department compares them as such.
 */
export type UnitDef = {
  /** Canonical spelling (as in lib/domain/parameters.ts). */
  unit: string;
  dimension: string;
  /** value_in_base = value × factor + offset. */
  factor: number;
  offset: number;
};

const def = (unit: string, dimension: string, factor = 1, offset = 0): UnitDef => ({ unit, dimension, factor, offset });

const MG_L = def('mg/L', 'water_concentration');
const UG_L = def('µg/L', 'water_concentration', 0.001);
const G_L = def('g/L', 'water_concentration', 1000);
const MG_NM3 = def('mg/Nm³', 'air_concentration');
const MG_M3 = def('mg/m³', 'air_concentration');
const UG_NM3 = def('µg/Nm³', 'air_concentration', 0.001);
const UG_M3 = def('µg/m³', 'air_concentration', 0.001);
const G_NM3 = def('g/Nm³', 'air_concentration', 1000);
const M3_H = def('m³/h', 'flow');
const CELSIUS = def('°C', 'temperature');
const KELVIN = def('K', 'temperature', 1, -273.15);
const FAHRENHEIT = def('°F', 'temperature', 5 / 9, -32 * (5 / 9));
const PERCENT = def('%', 'percent');
const NONE = def('-', 'none');
const PTCO = def('Pt-Co', 'colour');
const NTU = def('NTU', 'turbidity');
const US_CM = def('µS/cm', 'conductivity');
const KPA = def('kPa', 'pressure');
const HPA = def('hPa', 'pressure', 0.1);
const M_S = def('m/s', 'speed');
const DEG = def('°', 'angle');

/** Spelling key: lower case, no spaces, micro as u, superscript 3 as 3, degree signs as "deg". */
export function unitKey(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[µμ]/g, 'u')
    .replace(/³/g, '3')
    .replace(/[°º]/g, 'deg');
}

const UNITS: Readonly<Record<string, UnitDef>> = {
  'mg/l': MG_L,
  'g/m3': MG_L,
  'ppm(mg/l)': MG_L,
  'ug/l': UG_L,
  'g/l': G_L,
  'mg/nm3': MG_NM3,
  'mg/m3': MG_M3,
  'ug/nm3': UG_NM3,
  'ug/m3': UG_M3,
  'g/nm3': G_NM3,
  'm3/h': M3_H,
  'm3/hr': M3_H,
  // Stack loggers write the flow at normal conditions (Nm³/h); FLOW's canonical unit is m³/h, same scale.
  'nm3/h': M3_H,
  'nm3/hr': M3_H,
  'm3/s': def('m³/s', 'flow', 3600),
  'm3/min': def('m³/min', 'flow', 60),
  'm3/d': def('m³/d', 'flow', 1 / 24),
  'm3/day': def('m³/d', 'flow', 1 / 24),
  'm3/ngd': def('m³/d', 'flow', 1 / 24),
  'l/s': def('L/s', 'flow', 3.6),
  'l/min': def('L/min', 'flow', 0.06),
  'l/h': def('L/h', 'flow', 0.001),
  degc: CELSIUS,
  oc: CELSIUS,
  c: CELSIUS,
  'độc': CELSIUS,
  celsius: CELSIUS,
  k: KELVIN,
  degf: FAHRENHEIT,
  '%': PERCENT,
  '%vol': PERCENT,
  '%v': PERCENT,
  '%rh': PERCENT,
  '-': NONE,
  ph: NONE,
  'pt-co': PTCO,
  ptco: PTCO,
  'pt/co': PTCO,
  'mgpt/l': PTCO,
  'mgpt-co/l': PTCO,
  tcu: PTCO,
  hu: PTCO,
  ntu: NTU,
  fnu: NTU,
  ftu: NTU,
  'us/cm': US_CM,
  'ms/cm': def('mS/cm', 'conductivity', 1000),
  'ms/m': def('mS/m', 'conductivity', 10),
  's/m': def('S/m', 'conductivity', 10000),
  kpa: KPA,
  mpa: def('MPa', 'pressure', 1000),
  pa: def('Pa', 'pressure', 0.001),
  hpa: HPA,
  mbar: HPA,
  bar: def('bar', 'pressure', 100),
  atm: def('atm', 'pressure', 101.325),
  mmhg: def('mmHg', 'pressure', 0.101325 / 0.76),
  'm/s': M_S,
  'km/h': def('km/h', 'speed', 1 / 3.6),
  deg: DEG,
  degree: DEG,
  degrees: DEG,
  'độ': DEG,
};

/** The unit a spelling means, or null when unknown (asked for every line of every file: remembered). */
export const normaliseUnit: (raw: string) => UnitDef | null = memoByString(
  (raw) => UNITS[unitKey(raw)] ?? null,
  1024,
  32,
);

export type ConversionResult =
  | { ok: true; value: number; unit: string }
  | { ok: false; reason: 'unknown_unit' | 'incompatible' | 'unknown_target' };

/** Converting can add binary noise (0.1 × 1000 = 100.00000000000001): keep 12 significant digits. */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

/** Converts a value written in `rawUnit` to the canonical `targetUnit` (a registry spelling). */
export function convertToUnit(value: number, rawUnit: string, targetUnit: string): ConversionResult {
  const from = normaliseUnit(rawUnit);
  if (!from) return { ok: false, reason: 'unknown_unit' };
  const to = normaliseUnit(targetUnit);
  if (!to) return { ok: false, reason: 'unknown_target' };
  if (from.dimension !== to.dimension) return { ok: false, reason: 'incompatible' };
  if (from.factor === to.factor && from.offset === to.offset) return { ok: true, value, unit: to.unit };
  const base = value * from.factor + from.offset;
  return { ok: true, value: tidy((base - to.offset) / to.factor), unit: to.unit };
}
