/**
 * The one registry of monitored parameters (DOMAIN.md §3, §4). Seed, parser, QC, limits, charts, legends and reports
 * all read it. A code may serve several station kinds with different units/QC (SO2 in a stack is mg/Nm³, in ambient
 * air µg/m³), so the registry is keyed by kind and code.
 */
export const STATION_KINDS = ['wastewater', 'emission', 'ambient_air', 'surface_water'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

export type QcDefaults = {
  /** Outside this span → fail. */
  failSpan: readonly [number, number];
  /** Outside this span → suspect. */
  suspectSpan: readonly [number, number];
  /** Flat-line tolerance; 0 disables the test. */
  flatTolerance: number;
  /** Spike thresholds (suspect, fail); null disables the test. */
  spike: readonly [number, number] | null;
  /** An exact zero is implausible for this parameter → suspect. */
  zeroImplausible: boolean;
};

export type AqiRole = 'PM25' | 'PM10' | 'O3' | 'CO' | 'SO2' | 'NO2' | null;

export type ParameterDef = {
  code: string;
  nameVi: string;
  nameEn: string;
  unit: string;
  decimals: number;
  aqi: AqiRole;
  qc: QcDefaults;
};

const qc = (
  failSpan: readonly [number, number],
  suspectSpan: readonly [number, number],
  flatTolerance: number,
  spike: readonly [number, number] | null,
  zeroImplausible = false,
): QcDefaults => ({ failSpan, suspectSpan, flatTolerance, spike, zeroImplausible });

const FLOW = { code: 'FLOW', nameVi: 'Lưu lượng', nameEn: 'Flow', unit: 'm³/h', decimals: 1, aqi: null, qc: qc([0, 1e7], [0, 1e6], 0, null) } as const;
const TEMP_WATER = { code: 'TEMP', nameVi: 'Nhiệt độ', nameEn: 'Temperature', unit: '°C', decimals: 1, aqi: null, qc: qc([0, 80], [5, 60], 0.001, [5, 10]) } as const;
const PH = { code: 'PH', nameVi: 'pH', nameEn: 'pH', unit: '-', decimals: 2, aqi: null, qc: qc([0, 14], [2, 12], 0.001, [1, 2]) } as const;
const COD = { code: 'COD', nameVi: 'COD', nameEn: 'COD', unit: 'mg/L', decimals: 1, aqi: null, qc: qc([0, 2000], [0, 1000], 0.001, [100, 300], true) } as const;
const TSS = { code: 'TSS', nameVi: 'Tổng chất rắn lơ lửng', nameEn: 'Total suspended solids', unit: 'mg/L', decimals: 1, aqi: null, qc: qc([0, 2000], [0, 1000], 0.001, [100, 300], true) } as const;
const NH4 = { code: 'NH4', nameVi: 'Amoni (theo N)', nameEn: 'Ammonium (as N)', unit: 'mg/L', decimals: 2, aqi: null, qc: qc([0, 200], [0, 100], 0.001, [10, 30]) } as const;
const TOC = { code: 'TOC', nameVi: 'Tổng cacbon hữu cơ', nameEn: 'Total organic carbon', unit: 'mg/L', decimals: 1, aqi: null, qc: qc([0, 2000], [0, 1000], 0.001, [100, 300], true) } as const;
const STACK_GAS = (code: string, nameVi: string, nameEn: string) =>
  ({ code, nameVi, nameEn, unit: 'mg/Nm³', decimals: 1, aqi: null, qc: qc([0, 10000], [0, 5000], 0.001, [200, 500], code === 'DUST') }) as const;
const AMBIENT_GAS = (code: string, nameVi: string, nameEn: string, aqi: AqiRole) =>
  ({ code, nameVi, nameEn, unit: 'µg/m³', decimals: 1, aqi, qc: qc([0, 5000], [0, 2000], 0.001, [200, 500]) }) as const;

export const PARAMETERS_BY_KIND: Record<StationKind, readonly ParameterDef[]> = {
  wastewater: [
    FLOW,
    TEMP_WATER,
    PH,
    COD,
    TSS,
    NH4,
    { code: 'TN', nameVi: 'Tổng nitơ', nameEn: 'Total nitrogen', unit: 'mg/L', decimals: 2, aqi: null, qc: qc([0, 500], [0, 250], 0.001, [20, 60]) },
    { code: 'TP', nameVi: 'Tổng phốtpho', nameEn: 'Total phosphorus', unit: 'mg/L', decimals: 2, aqi: null, qc: qc([0, 100], [0, 50], 0.001, [5, 15]) },
    { code: 'COLOR', nameVi: 'Độ màu', nameEn: 'Colour', unit: 'Pt-Co', decimals: 0, aqi: null, qc: qc([0, 5000], [0, 2000], 0.001, [100, 300]) },
    TOC,
    { code: 'CL', nameVi: 'Clo dư', nameEn: 'Residual chlorine', unit: 'mg/L', decimals: 2, aqi: null, qc: qc([0, 50], [0, 20], 0.001, [2, 5]) },
  ],
  emission: [
    FLOW,
    { code: 'TEMP', nameVi: 'Nhiệt độ khí thải', nameEn: 'Flue gas temperature', unit: '°C', decimals: 1, aqi: null, qc: qc([0, 1000], [0, 600], 0.001, [50, 100]) },
    { code: 'PRESSURE', nameVi: 'Áp suất', nameEn: 'Pressure', unit: 'kPa', decimals: 2, aqi: null, qc: qc([0, 500], [50, 200], 0.001, [10, 30]) },
    { code: 'O2', nameVi: 'Oxy', nameEn: 'Oxygen', unit: '%', decimals: 2, aqi: null, qc: qc([0, 25], [1, 21], 0.001, [5, 10]) },
    STACK_GAS('DUST', 'Bụi tổng', 'Dust'),
    STACK_GAS('SO2', 'SO₂', 'SO₂'),
    STACK_GAS('NOX', 'NOx (theo NO₂)', 'NOx (as NO₂)'),
    STACK_GAS('NO', 'NO', 'NO'),
    STACK_GAS('CO', 'CO', 'CO'),
    STACK_GAS('H2S', 'H₂S', 'H₂S'),
    STACK_GAS('NH3', 'NH₃', 'NH₃'),
    STACK_GAS('HCL', 'HCl', 'HCl'),
    STACK_GAS('HF', 'HF', 'HF'),
  ],
  ambient_air: [
    { code: 'PM25', nameVi: 'Bụi PM2,5', nameEn: 'PM2.5', unit: 'µg/m³', decimals: 1, aqi: 'PM25', qc: qc([0, 1000], [0, 600], 0.001, [100, 300], true) },
    { code: 'PM10', nameVi: 'Bụi PM10', nameEn: 'PM10', unit: 'µg/m³', decimals: 1, aqi: 'PM10', qc: qc([0, 1000], [0, 600], 0.001, [100, 300], true) },
    { code: 'TSP', nameVi: 'Bụi tổng (TSP)', nameEn: 'Total suspended particulates', unit: 'µg/m³', decimals: 1, aqi: null, qc: qc([0, 2000], [0, 1000], 0.001, [100, 300], true) },
    AMBIENT_GAS('SO2', 'SO₂', 'SO₂', 'SO2'),
    AMBIENT_GAS('NO2', 'NO₂', 'NO₂', 'NO2'),
    AMBIENT_GAS('NO', 'NO', 'NO', null),
    AMBIENT_GAS('NOX', 'NOx', 'NOx', null),
    { code: 'CO', nameVi: 'CO', nameEn: 'CO', unit: 'µg/m³', decimals: 0, aqi: 'CO', qc: qc([0, 150000], [0, 60000], 1, [10000, 30000]) },
    AMBIENT_GAS('O3', 'O₃', 'O₃', 'O3'),
    { code: 'TEMP', nameVi: 'Nhiệt độ', nameEn: 'Temperature', unit: '°C', decimals: 1, aqi: null, qc: qc([-10, 60], [0, 45], 0.001, [5, 10]) },
    { code: 'RH', nameVi: 'Độ ẩm', nameEn: 'Relative humidity', unit: '%', decimals: 1, aqi: null, qc: qc([0, 100], [5, 100], 0, [20, 40]) },
    { code: 'WS', nameVi: 'Tốc độ gió', nameEn: 'Wind speed', unit: 'm/s', decimals: 1, aqi: null, qc: qc([0, 75], [0, 40], 0, [10, 20]) },
    { code: 'WD', nameVi: 'Hướng gió', nameEn: 'Wind direction', unit: '°', decimals: 0, aqi: null, qc: qc([0, 360], [0, 360], 0, null) },
    { code: 'BARO', nameVi: 'Áp suất khí quyển', nameEn: 'Barometric pressure', unit: 'hPa', decimals: 1, aqi: null, qc: qc([800, 1100], [950, 1060], 0, [5, 10]) },
  ],
  surface_water: [
    TEMP_WATER,
    PH,
    { code: 'DO', nameVi: 'Oxy hòa tan', nameEn: 'Dissolved oxygen', unit: 'mg/L', decimals: 2, aqi: null, qc: qc([0, 25], [0, 20], 0.001, [2, 5]) },
    { code: 'EC', nameVi: 'Độ dẫn điện', nameEn: 'Conductivity', unit: 'µS/cm', decimals: 0, aqi: null, qc: qc([0, 100000], [0, 50000], 0.001, [500, 1500]) },
    TSS,
    COD,
    NH4,
    TOC,
    { code: 'TURB', nameVi: 'Độ đục', nameEn: 'Turbidity', unit: 'NTU', decimals: 1, aqi: null, qc: qc([0, 4000], [0, 2000], 0.001, [100, 300]) },
  ],
};

/** Every canonical code the registry knows, any kind. */
export const ALL_PARAMETER_CODES: readonly string[] = [
  ...new Set(STATION_KINDS.flatMap((k) => PARAMETERS_BY_KIND[k].map((p) => p.code))),
];

export function findParameter(kind: StationKind, code: string): ParameterDef | null {
  return PARAMETERS_BY_KIND[kind].find((p) => p.code === code) ?? null;
}

/** Any definition for a code (for labels when the kind is not known). */
export function findAnyParameter(code: string): ParameterDef | null {
  for (const kind of STATION_KINDS) {
    const p = findParameter(kind, code);
    if (p) return p;
  }
  return null;
}

export function parameterName(code: string, locale: 'vi' | 'en'): string {
  const p = findAnyParameter(code);
  if (!p) return code;
  return locale === 'vi' ? p.nameVi : p.nameEn;
}

/** Name and code together where the code alone would show: "Amoni (theo N) (NH4)"; the code once when they are one. */
export function parameterLabel(code: string, locale: 'vi' | 'en'): string {
  const name = parameterName(code, locale);
  return name === code ? code : `${name} (${code})`;
}
