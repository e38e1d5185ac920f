/**
 * The demo monitoring network, modelled on the former Bắc Giang province (file-name province code 'BG'), named on
 * today's administrative map: Bắc Giang was merged into Bắc Ninh and districts were abolished on 1 July 2025, so
 * addresses are "<place>, tỉnh Bắc Ninh" with no district. The department facility's name follows DEMO_DEPARTMENT
 * (lib/env.ts) when the seed runs, the report headers REPORT_DEPARTMENT and REPORT_PLACE. Park names are real industrial parks; coordinates are illustrative points inside the province outline; the two factories
 * marked "minh họa" are fictional. Limits: QCVN 40:2011 (wastewater, × Kq × Kf), QCVN 19:2009 column B (stacks,
 * × Kp × Kv), QCVN 05:2023 (ambient: 1 h values, PM 24 h values as early-warning limits), QCVN 08:2023 (rivers).
 */
import { findParameter, type StationKind } from '../domain/parameters';
import { DEFAULT_EVENTS, hashSeed, type LoadProfile, type RotaDuty, type SimEvents, type SimStation } from './simulation';
import type { Role } from '../db/users';

export const DEMO_PROVINCE_CODE = 'BG';
export const DEMO_PASSWORD = 'quantrac-demo';

export type DemoParameter = { code: string; level: number; limitMin?: number; limitMax?: number };

export type DemoStation = {
  code: string;
  /** `<FACILITY>_<STATION>` as it appears in file names. */
  fileCode: string;
  name: string;
  kind: StationKind;
  lat: number;
  lon: number;
  parameters: readonly DemoParameter[];
  events?: Partial<SimEvents>;
  load?: LoadProfile;
};

export type DemoFacility = {
  code: string;
  name: string;
  address: string;
  ftp: { username: string; password: string };
  stations: readonly DemoStation[];
};

export type DemoUser = { email: string; password: string; role: Role; name: string; facilityCode?: string };

type Limit = { min?: number; max?: number };
const r2 = (v: number) => Math.round(v * 100) / 100;

/** QCVN 40:2011/BTNMT, Cmax = C × Kq × Kf (not for TEMP, PH, COLOR). */
function qcvn40(column: 'A' | 'B', kq: number, kf: number): Record<string, Limit> {
  const k = kq * kf;
  const a = column === 'A';
  return {
    TEMP: { max: 40 },
    PH: { min: a ? 6 : 5.5, max: 9 },
    COLOR: { max: a ? 50 : 150 },
    COD: { max: r2((a ? 75 : 150) * k) },
    TSS: { max: r2((a ? 50 : 100) * k) },
    NH4: { max: r2((a ? 5 : 10) * k) },
    TN: { max: r2((a ? 20 : 40) * k) },
    TP: { max: r2((a ? 4 : 6) * k) },
    CL: { max: r2((a ? 1 : 2) * k) },
  };
}

/** QCVN 19:2009/BTNMT column B, Cmax = C × Kp × Kv (mg/Nm³). */
function qcvn19B(kp: number, kv: number): Record<string, Limit> {
  const k = kp * kv;
  const b: Record<string, number> = { DUST: 200, SO2: 500, NOX: 850, CO: 1000, H2S: 7.5, NH3: 50, HCL: 50, HF: 20 };
  return Object.fromEntries(Object.entries(b).map(([c, v]) => [c, { max: r2(v * k) }]));
}

/** QCVN 05:2023/BTNMT (µg/m³): 1 h limits, and the 24 h PM limits (PM2.5 45 from 2026) as early-warning values. */
const QCVN05: Record<string, Limit> = {
  PM25: { max: 45 },
  PM10: { max: 100 },
  TSP: { max: 300 },
  SO2: { max: 350 },
  NO2: { max: 200 },
  CO: { max: 30000 },
  O3: { max: 200 },
};

/** QCVN 08:2023/BTNMT: pH of class A, COD/DO/TSS of class B, NH4 of table 1. */
const QCVN08: Record<string, Limit> = {
  PH: { min: 6.5, max: 8.5 },
  COD: { max: 15 },
  DO: { min: 5 },
  TSS: { max: 100 },
  NH4: { max: 0.3 },
};

function params(levels: Record<string, number>, limits: Record<string, Limit>): DemoParameter[] {
  return Object.entries(levels).map(([code, level]) => {
    const l = limits[code];
    return {
      code,
      level,
      ...(l?.min !== undefined ? { limitMin: l.min } : {}),
      ...(l?.max !== undefined ? { limitMax: l.max } : {}),
    };
  });
}

const wwtp = (flow: number, codL = 38, tssL = 20, nh4 = 1.6) => ({
  FLOW: flow,
  TEMP: 29,
  PH: 7.2,
  COD: codL,
  TSS: tssL,
  NH4: nh4,
  TN: 9,
  TP: 1.1,
});
const river = (over: Partial<Record<string, number>> = {}): Record<string, number> => ({
  TEMP: 25,
  PH: 7.25,
  DO: 6.1,
  EC: 210,
  TSS: 32,
  COD: 10.5,
  NH4: 0.17,
  TURB: 24,
  ...Object.fromEntries(Object.entries(over).filter((e): e is [string, number] => e[1] !== undefined)),
});
const ambient = (pm25: number): Record<string, number> => ({
  PM25: pm25,
  PM10: Math.round(pm25 * 1.65),
  SO2: 14,
  NO2: 22,
  CO: 900,
  O3: 45,
  TEMP: 24.5,
  RH: 79,
});
const AMBIENT_EVENTS: Partial<SimEvents> = { exceedanceParams: ['PM25', 'PM10'] };
const RIVER_EVENTS: Partial<SimEvents> = { exceedanceParams: ['COD', 'NH4', 'DO', 'TSS'] };
const WW_EVENTS: Partial<SimEvents> = { exceedanceParams: ['COD', 'TSS', 'NH4', 'PH'] };

const ftp = (code: string) => ({ username: code.toLowerCase(), password: `${code.toLowerCase()}-demo` });

export const DEMO_FACILITIES: readonly DemoFacility[] = [
  {
    code: 'STNMT',
    name: 'Sở Nông nghiệp và Môi trường Bắc Ninh',
    address: 'Số 50 đường Ngô Gia Tự, phường Bắc Giang, tỉnh Bắc Ninh',
    ftp: ftp('STNMT'),
    stations: [
      {
        code: 'KK_STNMT_01',
        fileCode: 'STNMT_KK01',
        name: 'Trạm không khí tự động phường Bắc Giang (Ngô Gia Tự)',
        kind: 'ambient_air',
        lat: 21.278,
        lon: 106.19,
        parameters: params(ambient(25), QCVN05),
        events: AMBIENT_EVENTS,
      },
      {
        code: 'KK_STNMT_02',
        fileCode: 'STNMT_KK02',
        name: 'Trạm không khí tự động Dĩnh Kế',
        kind: 'ambient_air',
        lat: 21.255,
        lon: 106.215,
        parameters: params(ambient(23), QCVN05),
        events: AMBIENT_EVENTS,
      },
      {
        code: 'KK_STNMT_03',
        fileCode: 'STNMT_KK03',
        name: 'Trạm không khí tự động Việt Yên (KCN Đình Trám)',
        kind: 'ambient_air',
        lat: 21.268,
        lon: 106.1,
        parameters: params(ambient(28), QCVN05),
        events: { ...AMBIENT_EVENTS, exceedanceDayProb: 0.25 },
      },
      {
        code: 'KK_STNMT_04',
        fileCode: 'STNMT_KK04',
        name: 'Trạm không khí tự động Song Mai',
        kind: 'ambient_air',
        lat: 21.3,
        lon: 106.17,
        parameters: params(ambient(20), QCVN05),
        events: AMBIENT_EVENTS,
      },
      {
        code: 'NM_STNMT_01',
        fileCode: 'STNMT_NM01',
        name: 'Trạm nước mặt sông Thương (cầu Xương Giang)',
        kind: 'surface_water',
        lat: 21.262,
        lon: 106.205,
        parameters: params(river(), QCVN08),
        events: { ...RIVER_EVENTS, calibration: { hour: 6, minute: 0, minutes: 30 } },
      },
      {
        code: 'NM_STNMT_02',
        fileCode: 'STNMT_NM02',
        name: 'Trạm nước mặt sông Cầu (Hiệp Hòa)',
        kind: 'surface_water',
        lat: 21.37,
        lon: 105.97,
        parameters: params(river({ NH4: 0.2, COD: 12 }), QCVN08),
        events: { ...RIVER_EVENTS, exceedanceDayProb: 0.15 },
      },
      {
        code: 'NM_STNMT_03',
        fileCode: 'STNMT_NM03',
        name: 'Trạm nước mặt sông Lục Nam (Lục Nam)',
        kind: 'surface_water',
        lat: 21.292,
        lon: 106.39,
        parameters: params(river({ TSS: 40, TURB: 30 }), QCVN08),
        events: RIVER_EVENTS,
      },
    ],
  },
  {
    code: 'DINHTRAM',
    name: 'Trạm xử lý nước thải tập trung KCN Đình Trám',
    address: 'KCN Đình Trám, tỉnh Bắc Ninh',
    ftp: ftp('DINHTRAM'),
    stations: [
      {
        code: 'NT_DINHTRAM_01',
        fileCode: 'DINHTRAM_NT01',
        name: 'KCN Đình Trám – cửa xả nước thải số 1',
        kind: 'wastewater',
        lat: 21.247,
        lon: 106.085,
        parameters: params(wwtp(160), qcvn40('A', 0.9, 1.0)),
        events: { ...WW_EVENTS, calibration: { hour: 7, minute: 30, minutes: 30 } },
      },
      {
        code: 'NT_DINHTRAM_02',
        fileCode: 'DINHTRAM_NT02',
        name: 'KCN Đình Trám – cửa xả nước thải số 2',
        kind: 'wastewater',
        lat: 21.243,
        lon: 106.079,
        parameters: params(wwtp(95, 34, 18, 1.4), qcvn40('A', 0.9, 1.0)),
        events: WW_EVENTS,
      },
    ],
  },
  {
    code: 'QUANGCHAU',
    name: 'Nhà máy xử lý nước thải KCN Quang Châu',
    address: 'KCN Quang Châu, tỉnh Bắc Ninh',
    ftp: ftp('QUANGCHAU'),
    stations: [
      {
        code: 'NT_QUANGCHAU_01',
        fileCode: 'QUANGCHAU_NT01',
        name: 'KCN Quang Châu – cửa xả module 1',
        kind: 'wastewater',
        lat: 21.226,
        lon: 106.068,
        parameters: params(wwtp(310, 40, 21, 1.8), qcvn40('A', 1.0, 0.9)),
        events: { ...WW_EVENTS, calibration: { hour: 8, minute: 0, minutes: 30 } },
      },
      {
        code: 'NT_QUANGCHAU_02',
        fileCode: 'QUANGCHAU_NT02',
        name: 'KCN Quang Châu – cửa xả module 2',
        kind: 'wastewater',
        lat: 21.232,
        lon: 106.076,
        parameters: params(wwtp(180, 36), qcvn40('A', 1.0, 0.9)),
        events: WW_EVENTS,
      },
    ],
  },
  {
    code: 'SKNH',
    name: 'Trạm xử lý nước thải KCN Song Khê – Nội Hoàng',
    address: 'KCN Song Khê – Nội Hoàng, tỉnh Bắc Ninh',
    ftp: ftp('SKNH'),
    stations: [
      {
        code: 'NT_SKNH_01',
        fileCode: 'SKNH_NT01',
        name: 'KCN Song Khê – Nội Hoàng – cửa xả khu Song Khê',
        kind: 'wastewater',
        lat: 21.233,
        lon: 106.165,
        parameters: params(wwtp(120), qcvn40('A', 1.0, 1.0)),
        events: WW_EVENTS,
      },
      {
        code: 'NT_SKNH_02',
        fileCode: 'SKNH_NT02',
        name: 'KCN Song Khê – Nội Hoàng – cửa xả khu Nội Hoàng',
        kind: 'wastewater',
        lat: 21.215,
        lon: 106.18,
        parameters: params(wwtp(140, 42, 24), qcvn40('A', 1.0, 1.0)),
        events: WW_EVENTS,
      },
    ],
  },
  {
    code: 'VANTRUNG',
    name: 'Trạm xử lý nước thải KCN Vân Trung',
    address: 'KCN Vân Trung, tỉnh Bắc Ninh',
    ftp: ftp('VANTRUNG'),
    stations: [
      {
        code: 'NT_VANTRUNG_01',
        fileCode: 'VANTRUNG_NT01',
        name: 'KCN Vân Trung – cửa xả nước thải',
        kind: 'wastewater',
        lat: 21.233,
        lon: 106.095,
        parameters: params(wwtp(210), qcvn40('A', 0.9, 1.0)),
        events: WW_EVENTS,
      },
    ],
  },
  {
    code: 'HOAPHU',
    name: 'Trạm xử lý nước thải KCN Hòa Phú',
    address: 'KCN Hòa Phú, tỉnh Bắc Ninh',
    ftp: ftp('HOAPHU'),
    stations: [
      // An unreliable link: files often arrive late, in bursts (demonstrates late data).
      {
        code: 'NT_HOAPHU_01',
        fileCode: 'HOAPHU_NT01',
        name: 'KCN Hòa Phú – cửa xả nước thải',
        kind: 'wastewater',
        lat: 21.335,
        lon: 105.985,
        parameters: params(wwtp(85, 35), qcvn40('A', 1.0, 1.0)),
        events: { ...WW_EVENTS, linkDownDayProb: 0.4 },
      },
    ],
  },
  {
    code: 'VIETHAN',
    name: 'Trạm xử lý nước thải KCN Việt Hàn',
    address: 'KCN Việt Hàn, tỉnh Bắc Ninh',
    ftp: ftp('VIETHAN'),
    stations: [
      // A plant with frequent exceedances (demonstrates alerts and inspector review).
      {
        code: 'NT_VIETHAN_01',
        fileCode: 'VIETHAN_NT01',
        name: 'KCN Việt Hàn – cửa xả nước thải',
        kind: 'wastewater',
        lat: 21.262,
        lon: 106.045,
        parameters: params(wwtp(40, 52, 30, 2.6), qcvn40('A', 0.9, 1.1)),
        events: { ...WW_EVENTS, exceedanceDayProb: 0.35 },
      },
    ],
  },
  {
    code: 'LNFOOD',
    name: 'Công ty CP Chế biến Nông sản Lục Ngạn (minh họa)',
    address: 'Phường Chũ, tỉnh Bắc Ninh',
    ftp: ftp('LNFOOD'),
    stations: [
      {
        code: 'NT_LNFOOD_01',
        fileCode: 'LNFOOD_NT01',
        name: 'Nhà máy chế biến nông sản Lục Ngạn – cửa xả nước thải',
        kind: 'wastewater',
        lat: 21.385,
        lon: 106.55,
        parameters: params(
          { FLOW: 30, TEMP: 30, PH: 7.1, COD: 95, TSS: 55, NH4: 4.5, COLOR: 60 },
          qcvn40('B', 0.9, 1.1),
        ),
        events: { ...WW_EVENTS, exceedanceDayProb: 0.3 },
      },
    ],
  },
  {
    code: 'SONGMAI',
    name: 'Công ty TNHH Giấy Song Mai (minh họa)',
    address: 'Xã Song Mai (cũ), tỉnh Bắc Ninh',
    ftp: ftp('SONGMAI'),
    stations: [
      {
        code: 'NT_SONGMAI_01',
        fileCode: 'SONGMAI_NT01',
        name: 'Nhà máy giấy Song Mai – cửa xả nước thải',
        kind: 'wastewater',
        lat: 21.302,
        lon: 106.14,
        parameters: params({ FLOW: 55, TEMP: 31, PH: 7.4, COD: 88, TSS: 45, COLOR: 70 }, qcvn40('B', 1.0, 1.0)),
        events: { ...WW_EVENTS, exceedanceParams: ['COD', 'TSS', 'COLOR'] },
      },
    ],
  },
  {
    code: 'SONDONG',
    name: 'Công ty Nhiệt điện Sơn Động – TKV',
    address: 'Xã Cẩm Đàn (cũ), tỉnh Bắc Ninh',
    ftp: ftp('SONDONG'),
    stations: [
      {
        code: 'KT_SONDONG_01',
        fileCode: 'SONDONG_KT01',
        name: 'Nhiệt điện Sơn Động – ống khói tổ máy 1',
        kind: 'emission',
        lat: 21.215,
        lon: 106.84,
        parameters: params(
          { FLOW: 520000, TEMP: 135, O2: 6.5, DUST: 62, SO2: 330, NOX: 480, CO: 85 },
          qcvn19B(0.8, 1.4),
        ),
        events: { exceedanceParams: ['DUST', 'SO2', 'NOX'], calibration: { hour: 1, minute: 0, minutes: 30 } },
      },
      {
        code: 'KT_SONDONG_02',
        fileCode: 'SONDONG_KT02',
        name: 'Nhiệt điện Sơn Động – ống khói tổ máy 2',
        kind: 'emission',
        lat: 21.218,
        lon: 106.845,
        parameters: params(
          { FLOW: 505000, TEMP: 138, O2: 6.8, DUST: 58, SO2: 345, NOX: 465, CO: 90 },
          qcvn19B(0.8, 1.4),
        ),
        events: { exceedanceParams: ['DUST', 'SO2', 'NOX'], calibration: { hour: 1, minute: 30, minutes: 30 } },
      },
      {
        code: 'NT_SONDONG_01',
        fileCode: 'SONDONG_NT01',
        name: 'Nhiệt điện Sơn Động – cửa xả nước thải',
        kind: 'wastewater',
        lat: 21.21,
        lon: 106.835,
        parameters: params({ FLOW: 70, TEMP: 32, PH: 7.6, COD: 45, TSS: 38 }, qcvn40('B', 0.9, 1.0)),
        events: WW_EVENTS,
        load: 'continuous',
      },
    ],
  },
  {
    code: 'DAMHABAC',
    name: 'Công ty TNHH MTV Phân đạm và Hóa chất Hà Bắc',
    address: 'Phường Bắc Giang, tỉnh Bắc Ninh',
    ftp: ftp('DAMHABAC'),
    stations: [
      {
        code: 'KT_DAMHABAC_01',
        fileCode: 'DAMHABAC_KT01',
        name: 'Đạm Hà Bắc – ống khói lò hơi',
        kind: 'emission',
        lat: 21.289,
        lon: 106.216,
        parameters: params(
          { FLOW: 180000, TEMP: 145, O2: 7.2, DUST: 42, SO2: 190, NOX: 300, CO: 110 },
          qcvn19B(0.8, 0.8),
        ),
        events: { exceedanceParams: ['DUST', 'SO2', 'NOX'], calibration: { hour: 2, minute: 0, minutes: 30 } },
        load: 'continuous',
      },
      {
        code: 'KT_DAMHABAC_02',
        fileCode: 'DAMHABAC_KT02',
        name: 'Đạm Hà Bắc – tháp tạo hạt urê',
        kind: 'emission',
        lat: 21.287,
        lon: 106.218,
        parameters: params({ FLOW: 250000, TEMP: 62, O2: 20.1, DUST: 48, NH3: 14 }, qcvn19B(0.8, 0.8)),
        events: { exceedanceParams: ['DUST', 'NH3'], calibration: null },
        load: 'continuous',
      },
      {
        code: 'KT_DAMHABAC_03',
        fileCode: 'DAMHABAC_KT03',
        name: 'Đạm Hà Bắc – ống khói xưởng amoniac',
        kind: 'emission',
        lat: 21.2875,
        lon: 106.2135,
        parameters: params({ FLOW: 95000, TEMP: 118, O2: 8.5, NOX: 260, CO: 150, NH3: 16 }, qcvn19B(0.9, 0.8)),
        events: { exceedanceParams: ['NOX', 'NH3'], calibration: { hour: 2, minute: 30, minutes: 30 } },
        load: 'continuous',
      },
      {
        code: 'NT_DAMHABAC_01',
        fileCode: 'DAMHABAC_NT01',
        name: 'Đạm Hà Bắc – cửa xả nước thải ra sông Thương',
        kind: 'wastewater',
        lat: 21.285,
        lon: 106.212,
        parameters: params({ FLOW: 420, TEMP: 31, PH: 7.5, COD: 70, TSS: 40, NH4: 6.5, TN: 18 }, qcvn40('B', 1.0, 0.9)),
        events: WW_EVENTS,
        load: 'continuous',
      },
    ],
  },
];

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'admin@quantrac.local', password: DEMO_PASSWORD, role: 'admin', name: 'Quản trị hệ thống' },
  { email: 'operator@quantrac.local', password: DEMO_PASSWORD, role: 'operator', name: 'Nguyễn Văn Vận Hành' },
  { email: 'inspector@quantrac.local', password: DEMO_PASSWORD, role: 'inspector', name: 'Trần Thị Thanh Tra' },
  { email: 'manager@quantrac.local', password: DEMO_PASSWORD, role: 'manager', name: 'Lê Văn Quản Lý' },
  {
    email: 'dinhtram@quantrac.local',
    password: DEMO_PASSWORD,
    role: 'facility',
    name: 'Cán bộ môi trường KCN Đình Trám',
    facilityCode: 'DINHTRAM',
  },
];

/** Logins the launcher prints (email, password, role). */
export function demoLogins(): { email: string; password: string; role: Role }[] {
  return DEMO_USERS.map((u) => ({ email: u.email, password: u.password, role: u.role }));
}

/** FTP accounts the launcher prints and the simulator uploads with. */
export function demoFtpAccounts(): { username: string; password: string; facility: string }[] {
  return DEMO_FACILITIES.map((f) => ({ username: f.ftp.username, password: f.ftp.password, facility: f.code }));
}

export function listDemoStations(): (DemoStation & { facilityCode: string })[] {
  return DEMO_FACILITIES.flatMap((f) => f.stations.map((s) => ({ ...s, facilityCode: f.code })));
}

/**
 * Standing rotas, so the demo map always shows stations that need attention: two offline rotas shifted by three hours
 * (two stations offline at any time, three while one hands over to the next), one station with a device error and one
 * calibrating. Each rota's stations take turns period by period (lib/demo/simulation rotaDuty). The calibrating rota
 * holds no wastewater station: their temperature (limit 40 °C) can come near its limit in summer, which would show as
 * "approaching" instead.
 */
export const DEMO_ROTAS: readonly { state: RotaDuty['state']; periodHours: number; offsetHours: number; stations: readonly string[] }[] = [
  {
    state: 'offline',
    periodHours: 6,
    offsetHours: 0,
    stations: ['NT_SKNH_02', 'NT_VANTRUNG_01', 'NT_QUANGCHAU_02', 'NT_DINHTRAM_02'],
  },
  {
    state: 'offline',
    periodHours: 6,
    offsetHours: 3,
    stations: ['NM_STNMT_03', 'NT_SONDONG_01', 'KK_STNMT_04', 'NT_SKNH_01'],
  },
  { state: 'device_error', periodHours: 4, offsetHours: 1, stations: ['KT_DAMHABAC_02', 'NM_STNMT_02', 'NT_LNFOOD_01'] },
  { state: 'calibrating', periodHours: 2, offsetHours: 0, stations: ['KK_STNMT_02', 'KT_SONDONG_02', 'KT_DAMHABAC_03'] },
];

function rotaFor(code: string): RotaDuty | null {
  for (const r of DEMO_ROTAS) {
    const index = r.stations.indexOf(code);
    if (index >= 0)
      return { state: r.state, periodHours: r.periodHours, offsetHours: r.offsetHours, members: r.stations.length, index };
  }
  return null;
}

/** The parameter's canonical unit and decimals from the registry; throws on a code the kind does not have. */
function registryParameter(kind: StationKind, code: string): { unit: string; decimals: number } {
  const def = findParameter(kind, code);
  if (!def) throw new Error(`demo network: ${code} is not a ${kind} parameter`);
  return { unit: def.unit, decimals: def.decimals };
}

/** A demo station as the simulator sees it. */
export function toSimStation(s: DemoStation): SimStation {
  return {
    code: s.code,
    fileCode: s.fileCode,
    kind: s.kind,
    seed: hashSeed('demo', s.code),
    load: s.load,
    events: { ...DEFAULT_EVENTS[s.kind], ...s.events, rota: rotaFor(s.code) },
    parameters: s.parameters.map((p) => ({
      code: p.code,
      level: p.level,
      ...registryParameter(s.kind, p.code),
      limitMin: p.limitMin ?? null,
      limitMax: p.limitMax ?? null,
    })),
  };
}

export function demoSimStations(): SimStation[] {
  return listDemoStations().map(toSimStation);
}
