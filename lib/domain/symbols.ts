import { memoByString } from './memo';

/**
 * Parameter symbols as loggers write them → canonical codes (DOMAIN.md §2, §3). Symbols are compared by a key:
 * upper case, Vietnamese diacritics removed, everything but letters and digits dropped (so `PM2,5`, `PM-2-5`, `PM2.5`
 * and `pm25` are one key, `NH4+` is `NH4`). Some keys mean different codes by station kind (`TSP` is ambient TSP but
 * stack DUST): each alias lists candidates, and the first one the station measures wins. Every line of every file asks
 * for the same few symbols and the station's codes, so keys are remembered.
 */
export const symbolKey: (symbol: string) => string = memoByString(computeSymbolKey, 4096, 64);

function computeSymbolKey(symbol: string): string {
  return symbol
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** Global alias table: key → candidate canonical codes, in preference order. */
export const SYMBOL_ALIASES: Readonly<Record<string, readonly string[]>> = {
  // flow, temperature, pressure
  FLOW: ['FLOW'],
  FLOWOUT: ['FLOW'],
  FLOWIN: ['FLOW'],
  FLOWRATE: ['FLOW'],
  Q: ['FLOW'],
  LUULUONG: ['FLOW'],
  TEMP: ['TEMP'],
  T: ['TEMP'],
  TEMPERATURE: ['TEMP'],
  NHIETDO: ['TEMP'],
  PRESSURE: ['PRESSURE', 'BARO'],
  P: ['PRESSURE', 'BARO'],
  APSUAT: ['PRESSURE', 'BARO'],
  BARO: ['BARO', 'PRESSURE'],
  BP: ['BARO', 'PRESSURE'],
  // water
  PH: ['PH'],
  COD: ['COD'],
  TSS: ['TSS'],
  SS: ['TSS'],
  NH4: ['NH4'],
  NH4N: ['NH4'],
  NNH4: ['NH4'],
  AMONI: ['NH4'],
  AMONIUM: ['NH4'],
  AMMONIUM: ['NH4'],
  TN: ['TN'],
  TOTALN: ['TN'],
  TONGNITO: ['TN'],
  TP: ['TP'],
  TOTALP: ['TP'],
  TONGPHOTPHO: ['TP'],
  COLOR: ['COLOR'],
  COLOUR: ['COLOR'],
  DOMAU: ['COLOR'],
  TOC: ['TOC'],
  CL: ['CL'],
  CL2: ['CL'],
  CLODU: ['CL'],
  CHLORINE: ['CL'],
  DO: ['DO'],
  OXYHOATAN: ['DO'],
  EC: ['EC'],
  COND: ['EC'],
  CONDUCTIVITY: ['EC'],
  DODANDIEN: ['EC'],
  TURB: ['TURB'],
  TURBIDITY: ['TURB'],
  DODUC: ['TURB'],
  // stack gases
  O2: ['O2'],
  OXY: ['O2'],
  DUST: ['DUST', 'TSP'],
  // Stack loggers write total dust as `PM` (QCVN 19 / Circular 10 Bảng 34); ambient stations send PM2.5/PM10 by name.
  PM: ['DUST'],
  BUI: ['DUST', 'TSP'],
  BUITONG: ['DUST', 'TSP'],
  TSP: ['TSP', 'DUST'],
  SO2: ['SO2'],
  NOX: ['NOX'],
  NO: ['NO'],
  NO2: ['NO2'],
  CO: ['CO'],
  H2S: ['H2S'],
  NH3: ['NH3'],
  HCL: ['HCL'],
  HF: ['HF'],
  // ambient air and meteorology
  PM25: ['PM25'],
  PM10: ['PM10'],
  O3: ['O3'],
  RH: ['RH'],
  HUMIDITY: ['RH'],
  DOAM: ['RH'],
  WS: ['WS'],
  WINDSPEED: ['WS'],
  TOCDOGIO: ['WS'],
  WD: ['WD'],
  WINDDIRECTION: ['WD'],
  WINDDIR: ['WD'],
  HUONGGIO: ['WD'],
};

/**
 * Resolves a field symbol to one of the station's parameter codes, or null. Order: the station's own aliases (exact
 * symbol, then by key), the symbol being a code the station measures, then the global table.
 */
export function resolveSymbol(
  symbol: string,
  stationCodes: readonly string[],
  stationAliases: Readonly<Record<string, string>> = {},
): string | null {
  const measured = new Set(stationCodes);
  const exact = stationAliases[symbol];
  if (exact !== undefined) return measured.has(exact) ? exact : null;
  const key = symbolKey(symbol);
  if (key === '') return null;
  for (const [alias, code] of Object.entries(stationAliases)) {
    if (symbolKey(alias) === key) return measured.has(code) ? code : null;
  }
  for (const code of stationCodes) if (symbolKey(code) === key) return code;
  for (const candidate of SYMBOL_ALIASES[key] ?? []) if (measured.has(candidate)) return candidate;
  return null;
}
