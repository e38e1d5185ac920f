/**
 * Deterministic simulation of monitoring stations (demo network, simulator, load tests). Pure: time is passed in and
 * randomness comes from seeded generators derived from (station seed, time), so the seeded history, the live
 * simulator and a replay produce the same file for the same station and slot.
 */
import type { StationKind } from '../domain/parameters';
import { DAY_MS, formatCompactLocalTime, fromLocalParts, localParts, startOfLocalDay, type LocalParts } from '../domain/time';

export type DeviceStatus = '00' | '01' | '02' | '03';
/** Uniform numbers in [0, 1). */
export type Rng = () => number;

export const SLOT_MINUTES = 5;
const SLOT_MS = SLOT_MINUTES * 60_000;

// ---------------------------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: small, fast, good enough for simulated noise. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 32-bit hash of the parts (FNV-1a with a final avalanche), for deriving seeds. */
export function hashSeed(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = typeof part === 'number' ? part.toString(36) : part;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x1f;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function unit(h: number): number {
  return h / 4294967296;
}

function gaussian(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Smooth noise in [-1, 1]: cosine interpolation between random knots every `period` minutes. */
function slowNoise(seed: number, key: string, minutes: number, period: number): number {
  const x = minutes / period;
  const k = Math.floor(x);
  const f = x - k;
  const a = unit(hashSeed(seed, key, period, k));
  const b = unit(hashSeed(seed, key, period, k + 1));
  const w = (1 - Math.cos(Math.PI * f)) / 2;
  return (a + (b - a) * w) * 2 - 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Stations

export type SimParameter = {
  code: string;
  unit: string;
  decimals: number;
  /** Typical level (the mean the daily cycles move around). */
  level: number;
  limitMin?: number | null;
  limitMax?: number | null;
};

export type SimEvents = {
  /** Chance that a local day holds one exceedance episode (1–3 h) of one limited parameter. */
  exceedanceDayProb: number;
  /** Parameters an exceedance may hit (default: every parameter with a limit). */
  exceedanceParams?: readonly string[];
  /** Chance per day of a device error (status 02) on one parameter for 1–3 h. */
  deviceErrorDayProb: number;
  /** Chance per day of a stuck (flat-line) parameter for 1.5–4 h. */
  flatLineDayProb: number;
  /** Chance per day of a gap: the logger is off, the data are lost (20 min – 2.5 h). */
  gapDayProb: number;
  /** Chance per day that the link is down for 30 min – 3 h: files are held and re-sent when it returns (late files). */
  linkDownDayProb: number;
  /** Chance per reading of a one-slot spike. */
  spikeProb: number;
  /** Chance per file of a malformed line (a bad value or an unknown symbol). */
  malformedProb: number;
  /** Daily zero/span check at a fixed local time: analysers report status 01. */
  calibration: { hour: number; minute: number; minutes: number } | null;
  /** A standing duty in a network-wide rota (see rotaDuty): the station is offline, in error or calibrating in turn. */
  rota?: RotaDuty | null;
};

/**
 * One station's place in a rota of `members` stations sharing a standing state: time is cut into periods of
 * `periodHours` (shifted by `offsetHours` from the epoch) and in period k the member `k mod members` is in `state`.
 * So the network always has one station of each rota in that state (demo: two or three offline, one in device error,
 * one calibrating), the station changing every period.
 */
export type RotaDuty = {
  state: 'offline' | 'device_error' | 'calibrating';
  periodHours: number;
  offsetHours: number;
  members: number;
  index: number;
};

/**
 * An offline duty lasts this long into the next period: the next member only shows as offline once interval + grace
 * (5 + 15 minutes) have passed without a file, so the two overlap and the rota is never short of an offline station.
 */
export const ROTA_OFFLINE_OVERLAP_MINUTES = 30;

/** The rota state of a station at t, or null when it is not on duty. */
export function rotaDuty(station: Pick<SimStation, 'events'>, t: Date): RotaDuty['state'] | null {
  const r = station.events.rota;
  if (!r || r.members < 1) return null;
  const period = r.periodHours * 3_600_000;
  const since = t.getTime() - r.offsetHours * 3_600_000;
  const k = Math.floor(since / period);
  const mine = (n: number) => ((n % r.members) + r.members) % r.members === r.index;
  if (mine(k)) return r.state;
  if (r.state === 'offline' && mine(k - 1) && since - k * period < ROTA_OFFLINE_OVERLAP_MINUTES * 60_000) return 'offline';
  return null;
}

export type LoadProfile = 'working_hours' | 'power' | 'continuous';

export type SimStation = {
  code: string;
  fileCode: string;
  kind: StationKind;
  seed: number;
  parameters: readonly SimParameter[];
  events: SimEvents;
  /** How activity varies over the day (flow of a WWTP, load of a boiler). Default by kind. */
  load?: LoadProfile;
};

const WASTEWATER_EVENTS: SimEvents = {
  exceedanceDayProb: 0.12,
  deviceErrorDayProb: 0.05,
  flatLineDayProb: 0.05,
  gapDayProb: 0.06,
  linkDownDayProb: 0.08,
  spikeProb: 0.002,
  malformedProb: 0.002,
  calibration: null,
};

export const DEFAULT_EVENTS: Record<StationKind, SimEvents> = {
  wastewater: WASTEWATER_EVENTS,
  emission: {
    exceedanceDayProb: 0.1,
    deviceErrorDayProb: 0.04,
    flatLineDayProb: 0.03,
    gapDayProb: 0.04,
    linkDownDayProb: 0.06,
    spikeProb: 0.002,
    malformedProb: 0.001,
    calibration: { hour: 1, minute: 0, minutes: 30 },
  },
  ambient_air: {
    exceedanceDayProb: 0.15,
    deviceErrorDayProb: 0.04,
    flatLineDayProb: 0.04,
    gapDayProb: 0.05,
    linkDownDayProb: 0.06,
    spikeProb: 0.0015,
    malformedProb: 0.001,
    calibration: null,
  },
  // River stations fail as wastewater ones do; their exceedances are rarer.
  surface_water: { ...WASTEWATER_EVENTS, exceedanceDayProb: 0.08 },
};

// ---------------------------------------------------------------------------------------------------------------
// Time

export type LocalTime = LocalParts & {
  minuteOfDay: number;
  /** Days since 1970-01-01 in local time: identifies the local day. */
  dayIndex: number;
  dayOfYear: number;
};

/** Local wall clock of `t` (file times are local, lib/domain/time), with the fields the simulation draws from. */
export function localTime(t: Date): LocalTime {
  const p = localParts(t);
  const dayIndex = Date.UTC(p.year, p.month - 1, p.day) / DAY_MS;
  return {
    ...p,
    minuteOfDay: p.hour * 60 + p.minute,
    dayIndex,
    dayOfYear: dayIndex - Date.UTC(p.year, 0, 1) / DAY_MS + 1,
  };
}

/** Local midnight starting the day `dayIndex` (LocalTime.dayIndex). */
export function startOfDayIndex(dayIndex: number): Date {
  return fromLocalParts({ year: 1970, month: 1, day: 1 + dayIndex });
}

/** The start of the 5-minute slot holding t. */
export function floorToSlot(t: Date): Date {
  return new Date(Math.floor(t.getTime() / SLOT_MS) * SLOT_MS);
}

/** Slot times in [from, to), aligned to 5 minutes (from rounded up). */
export function slotTimes(from: Date, to: Date): Date[] {
  const out: Date[] = [];
  for (let ms = Math.ceil(from.getTime() / SLOT_MS) * SLOT_MS; ms < to.getTime(); ms += SLOT_MS) out.push(new Date(ms));
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Daily event plan

/** Minutes since local midnight, [start, end). */
export type Window = { start: number; end: number };

export type DayPlan = {
  exceedance: (Window & { parameter: string; factor: number }) | null;
  deviceError: (Window & { parameter: string }) | null;
  flatLine: (Window & { parameter: string }) | null;
  gap: Window | null;
  linkDown: Window | null;
  calibration: Window | null;
};

const LAST_MINUTE = 1440 - SLOT_MINUTES;

function drawWindow(rng: Rng, minLen: number, maxLen: number): Window {
  const len = Math.round((minLen + rng() * (maxLen - minLen)) / SLOT_MINUTES) * SLOT_MINUTES;
  // Windows end by 23:55 so a link-down window's release slot falls on the same day.
  const start = Math.floor((rng() * (LAST_MINUTE - len)) / SLOT_MINUTES) * SLOT_MINUTES;
  return { start, end: start + len };
}

function pick<T>(rng: Rng, items: readonly T[]): T | undefined {
  return items[Math.floor(rng() * items.length)];
}

/** Plans are asked for once per slot; cached per station object (a station's settings never change under it). */
const planCache = new WeakMap<SimStation, Map<number, DayPlan>>();

/** The events of one station on one local day. Every draw happens in a fixed order whatever the outcomes. */
export function planDay(station: SimStation, dayIndex: number): DayPlan {
  let byDay = planCache.get(station);
  if (!byDay) {
    byDay = new Map();
    planCache.set(station, byDay);
  }
  const cached = byDay.get(dayIndex);
  if (cached) return cached;
  const ev = station.events;
  const rng = createRng(hashSeed(station.seed, 'plan', dayIndex));
  const codes = station.parameters.map((p) => p.code);
  const limited = station.parameters
    .filter((p) => p.limitMax != null || p.limitMin != null)
    .map((p) => p.code)
    .filter((c) => !ev.exceedanceParams || ev.exceedanceParams.includes(c));

  const exRoll = rng();
  const exWin = drawWindow(rng, 60, 180);
  const exParam = pick(rng, limited);
  const exFactor = 1.15 + rng() * 0.55;
  const deRoll = rng();
  const deWin = drawWindow(rng, 60, 180);
  const deParam = pick(rng, codes);
  const flRoll = rng();
  const flWin = drawWindow(rng, 90, 240);
  const flParam = pick(
    rng,
    codes.filter((c) => c !== 'FLOW'),
  );
  const gapRoll = rng();
  const gapWin = drawWindow(rng, 20, 150);
  const ldRoll = rng();
  const ldWin = drawWindow(rng, 30, 180);

  const cal = ev.calibration;
  const plan: DayPlan = {
    exceedance: exRoll < ev.exceedanceDayProb && exParam ? { ...exWin, parameter: exParam, factor: exFactor } : null,
    deviceError: deRoll < ev.deviceErrorDayProb && deParam ? { ...deWin, parameter: deParam } : null,
    flatLine: flRoll < ev.flatLineDayProb && flParam ? { ...flWin, parameter: flParam } : null,
    gap: gapRoll < ev.gapDayProb ? gapWin : null,
    linkDown: ldRoll < ev.linkDownDayProb ? ldWin : null,
    calibration: cal
      ? { start: cal.hour * 60 + cal.minute, end: Math.min(1440, cal.hour * 60 + cal.minute + cal.minutes) }
      : null,
  };
  if (byDay.size > 400) byDay.clear();
  byDay.set(dayIndex, plan);
  return plan;
}

const inWindow = (w: Window | null, m: number): boolean => w !== null && m >= w.start && m < w.end;

// ---------------------------------------------------------------------------------------------------------------
// Values

const gauss = (h: number, mu: number, sigma: number) => Math.exp(-((h - mu) ** 2) / (2 * sigma * sigma));
const smoothstep = (a: number, b: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
};
/** 1 plus Gaussian bumps over the hour of day: [amplitude, hour, width in hours] each, a negative amplitude a dip. */
const daily = (h: number, ...bumps: [number, number, number][]) => bumps.reduce((f, [a, at, w]) => f + a * gauss(h, at, w), 1);
const cosDay = (h: number, peakHour: number) => Math.cos((2 * Math.PI * (h - peakHour)) / 24);

type Ctx = { h: number; dow: number; season: number };

function loadFactor(profile: LoadProfile, c: Ctx): number {
  switch (profile) {
    case 'working_hours': {
      const day = smoothstep(6.5, 8.5, c.h) * (1 - smoothstep(17, 19.5, c.h));
      const week = c.dow === 0 ? 0.45 : c.dow === 6 ? 0.7 : 1;
      return 0.55 + 0.6 * day * week;
    }
    case 'power':
      return 0.72 + 0.18 * gauss(c.h, 10.5, 2.5) + 0.25 * gauss(c.h, 19.5, 2);
    case 'continuous':
      return 0.95 + 0.05 * cosDay(c.h, 14);
  }
}

const DEFAULT_LOAD: Record<StationKind, LoadProfile> = {
  wastewater: 'working_hours',
  emission: 'power',
  ambient_air: 'continuous',
  surface_water: 'continuous',
};

/** Deterministic mean of a parameter at a time (daily and seasonal cycles), before noise. */
function meanValue(kind: StationKind, code: string, level: number, c: Ctx, load: number): number {
  const s = c.season; // +1 mid-January (dry, cool, hazy), -1 mid-July (wet, hot)
  const h = c.h;
  switch (kind) {
    case 'ambient_air': {
      const weekend = c.dow === 0 || c.dow === 6 ? 0.92 : 1;
      switch (code) {
        case 'PM25':
        case 'PM10':
        case 'TSP':
          return level * (1 + 0.35 * s) * daily(h, [0.3, 8, 1.5], [0.45, 20.5, 2], [-0.3, 14, 2.5]) * weekend;
        case 'SO2':
          return level * (1 + 0.2 * s) * daily(h, [0.25, 10, 3]);
        case 'NO2':
        case 'NOX':
          return level * (1 + 0.2 * s) * daily(h, [0.6, 8, 1.2], [0.5, 18.5, 1.5], [-0.2, 14, 2]) * weekend;
        case 'NO':
          return level * daily(h, [1.2, 7.5, 1], [0.8, 18, 1.2]) * weekend;
        case 'CO':
          return level * (1 + 0.3 * s) * daily(h, [0.5, 8, 1.5], [0.6, 19, 2]) * weekend;
        case 'O3':
          return level * (1 - 0.25 * s) * (0.35 + 1.4 * gauss(h, 14, 2.8));
        case 'TEMP':
          return level - 6.5 * s + 4 * cosDay(h, 14);
        case 'RH':
          return level - 14 * cosDay(h, 14) - 3 * s;
        case 'WS':
          return level * (0.6 + 1.0 * gauss(h, 14, 3.5));
        case 'WD':
          return 90 - 45 * s;
        case 'BARO':
          return level + 7 * s + 1.2 * Math.cos((4 * Math.PI * (h - 10)) / 24);
        default:
          return level;
      }
    }
    case 'wastewater':
      switch (code) {
        case 'FLOW':
          return level * load;
        case 'TEMP':
          return level - 2.5 * s + 0.8 * cosDay(h, 15);
        case 'PH':
          return level + 0.1 * cosDay(h, 15);
        case 'COD':
        case 'TOC':
          return level * (0.8 + 0.3 * load);
        case 'TSS':
          return level * (0.75 + 0.35 * load);
        case 'NH4':
          return level * (0.85 + 0.25 * load);
        case 'TN':
        case 'TP':
        case 'COLOR':
          return level * (0.9 + 0.15 * load);
        default:
          return level;
      }
    case 'emission':
      switch (code) {
        case 'FLOW':
          return level * load;
        case 'TEMP':
          return level + 15 * (load - 0.8);
        case 'PRESSURE':
          return level + 0.3 * cosDay(h, 4);
        case 'O2':
          return level + 2.5 * (0.85 - load);
        default:
          return level * (0.7 + 0.4 * load);
      }
    case 'surface_water':
      switch (code) {
        case 'TEMP':
          return level - 4.5 * s + 0.7 * cosDay(h, 15);
        case 'PH':
          return level + 0.15 * cosDay(h, 15);
        case 'DO':
          return level + 0.6 * s + 0.7 * cosDay(h, 15);
        case 'EC':
          return level * (1 + 0.15 * s);
        case 'TSS':
        case 'TURB':
          return level * (1 - 0.45 * s);
        case 'COD':
          return level * (1 - 0.1 * s);
        case 'NH4':
          return level * (1 + 0.3 * s);
        default:
          return level;
      }
  }
}

/** Noise per code: absolute for quantities on an offset scale (pH, °C, %), relative otherwise. */
type Noise = { mode: 'abs' | 'rel'; slow: number; white: number };
const NOISE: Record<string, Noise> = {
  PH: { mode: 'abs', slow: 0.08, white: 0.02 },
  TEMP: { mode: 'abs', slow: 0.4, white: 0.08 },
  O2: { mode: 'abs', slow: 0.3, white: 0.08 },
  RH: { mode: 'abs', slow: 3, white: 0.5 },
  BARO: { mode: 'abs', slow: 0.8, white: 0.1 },
  WD: { mode: 'abs', slow: 70, white: 12 },
  DO: { mode: 'abs', slow: 0.25, white: 0.04 },
  PRESSURE: { mode: 'abs', slow: 0.2, white: 0.04 },
  FLOW: { mode: 'rel', slow: 0.08, white: 0.03 },
  WS: { mode: 'rel', slow: 0.3, white: 0.12 },
};
const DEFAULT_NOISE: Noise = { mode: 'rel', slow: 0.12, white: 0.04 };

/** Plausible physical bounds, applied after noise. */
function clampValue(code: string, v: number): number {
  switch (code) {
    case 'PH':
      return Math.min(14, Math.max(0, v));
    case 'RH':
      return Math.min(100, Math.max(5, v));
    case 'O2':
      return Math.min(21, Math.max(0, v));
    case 'WD':
      return ((v % 360) + 360) % 360;
    case 'TEMP':
    case 'BARO':
    case 'PRESSURE':
      return v;
    default:
      return Math.max(0, v);
  }
}

function context(l: LocalTime): Ctx {
  return {
    h: l.hour + l.minute / 60,
    dow: l.weekday,
    season: Math.cos((2 * Math.PI * (l.dayOfYear - 15)) / 365),
  };
}

/** The smooth value (cycles + slow noise, no white noise) of a parameter at t. */
function smoothValue(station: SimStation, p: SimParameter, t: Date, l: LocalTime): number {
  const c = context(l);
  const load = loadFactor(station.load ?? DEFAULT_LOAD[station.kind], c);
  const mean = meanValue(station.kind, p.code, p.level, c, load);
  const nz = NOISE[p.code] ?? DEFAULT_NOISE;
  const minutes = t.getTime() / 60_000;
  const n = slowNoise(station.seed, p.code, minutes, 90) + 0.5 * slowNoise(station.seed, p.code, minutes, 360);
  return nz.mode === 'abs' ? mean + nz.slow * n : mean * (1 + nz.slow * n);
}

const MET_CODES = new Set(['TEMP', 'RH', 'WS', 'WD', 'BARO', 'PRESSURE', 'FLOW']);

// ---------------------------------------------------------------------------------------------------------------
// Slots

export type SimReading = {
  parameter: string;
  value: number;
  unit: string;
  decimals: number;
  status: DeviceStatus;
  /** Replaces the rendered value: a malformed line (not a number). */
  text?: string;
  /** A symbol the station does not measure (malformed file). */
  extra?: true;
};

export type Malformation = 'bad_value' | 'unknown_symbol';

export type SlotData = {
  time: Date;
  /** The logger was off: no file exists for this slot. */
  gap: boolean;
  /** The link was down: the file exists but is sent late (see releasedLateSlots). */
  linkDown: boolean;
  malformed: Malformation | null;
  readings: SimReading[];
};

/** The generator for one slot's white noise; generateReadings(s, t, slotRng(s, t)) is reproducible. */
export function slotRng(station: SimStation, time: Date): Rng {
  return createRng(hashSeed(station.seed, 'slot', Math.floor(time.getTime() / SLOT_MS)));
}

const BAD_VALUES = ['ERR', '1.2.3', '#VALUE!', '--'] as const;

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

/**
 * One slot of one station: values with daily cycles and noise, plus the day's planned events (exceedance, flat line,
 * device error, calibration, gap, link down), spikes and the occasional malformed line. `rng` drives the per-slot
 * noise; pass slotRng(station, slotTime) for reproducible output.
 */
export function generateReadings(station: SimStation, slotTime: Date, rng: Rng): SlotData {
  const l = localTime(slotTime);
  const plan = planDay(station, l.dayIndex);
  const m = l.minuteOfDay;
  const duty = rotaDuty(station, slotTime);
  // Offline duty: the logger is off (no file). A station on error or calibration duty keeps sending on time.
  const gap = duty === 'offline' || (duty === null && inWindow(plan.gap, m));
  if (gap) return { time: slotTime, gap: true, linkDown: false, malformed: null, readings: [] };
  const calibrating = duty === 'calibrating' || inWindow(plan.calibration, m);

  const readings: SimReading[] = station.parameters.map((p) => {
    const nz = NOISE[p.code] ?? DEFAULT_NOISE;
    const smooth = smoothValue(station, p, slotTime, l);
    const white = gaussian(rng) * nz.white;
    const spikeRoll = rng();
    const spikeSize = rng();
    let value = nz.mode === 'abs' ? smooth + white : smooth * (1 + white);
    let status: DeviceStatus = '00';

    const ex = plan.exceedance;
    if (ex && ex.parameter === p.code && inWindow(ex, m)) {
      // Trapezoid: 15 minutes up, plateau, 15 minutes down.
      const w = Math.min(1, (m - ex.start + SLOT_MINUTES) / 15, (ex.end - m) / 15);
      const target =
        p.code === 'PH' && p.limitMax != null
          ? p.limitMax + (ex.factor - 1) * 2
          : p.limitMax != null
            ? p.limitMax * ex.factor
            : p.limitMin != null
              ? p.limitMin / ex.factor
              : value * ex.factor;
      value = value + w * (target * (1 + white * 0.5) - value);
    }
    const fl = plan.flatLine;
    if (fl && fl.parameter === p.code && inWindow(fl, m)) {
      const start = new Date(slotTime.getTime() - (m - fl.start) * 60_000);
      value = smoothValue(station, p, start, localTime(start));
    } else if (spikeRoll < station.events.spikeProb) {
      // Offset-scale quantities (pH, °C, %) jump by a few units; concentrations and flows by a factor.
      value = nz.mode === 'abs' ? value + nz.slow * (10 + 10 * spikeSize) : value * (2.5 + 2.5 * spikeSize);
    }
    if (calibrating && !MET_CODES.has(p.code)) {
      status = '01';
      value = p.code === 'PH' ? 7 : p.code === 'O2' ? 20.9 : p.level * 1.8; // buffer, ambient air, span standard
    }
    const de = plan.deviceError;
    // Error duty: a sampling-system fault, every channel reports 02; calibration duty is not interrupted by one.
    if (duty === 'device_error' || (duty === null && de && de.parameter === p.code && inWindow(de, m))) {
      status = '02';
      value = 0;
    }
    return {
      parameter: p.code,
      value: round(clampValue(p.code, value), p.decimals),
      unit: p.unit,
      decimals: p.decimals,
      status,
    };
  });

  let malformed: Malformation | null = null;
  const mRoll = rng();
  const mKind = rng();
  const mIndex = rng();
  if (mRoll < station.events.malformedProb && readings.length > 0) {
    if (mKind < 0.5) {
      malformed = 'bad_value';
      const i = Math.floor(mIndex * readings.length);
      const r = readings[i];
      if (r) readings[i] = { ...r, text: BAD_VALUES[Math.floor(mKind * 8) % BAD_VALUES.length] };
    } else {
      malformed = 'unknown_symbol';
      readings.push({
        parameter: 'XSYM',
        value: round(mIndex * 100, 2),
        unit: 'mg/L',
        decimals: 2,
        status: '00',
        extra: true,
      });
    }
  }
  return { time: slotTime, gap: false, linkDown: duty === null && inWindow(plan.linkDown, m), malformed, readings };
}

/**
 * The slots whose files a station re-sends at `time`: when `time` is the first slot after the day's link-down window,
 * every slot of that window that is not in a gap (the logger kept them). Empty otherwise.
 */
export function releasedLateSlots(station: SimStation, time: Date): Date[] {
  const l = localTime(time);
  const plan = planDay(station, l.dayIndex);
  const ld = plan.linkDown;
  // A logger switched off by an offline duty sends nothing, held files included.
  if (!ld || l.minuteOfDay !== ld.end || rotaDuty(station, time) === 'offline') return [];
  const midnight = startOfLocalDay(time).getTime();
  const out: Date[] = [];
  for (let mm = ld.start; mm < ld.end; mm += SLOT_MINUTES) {
    const t = new Date(midnight + mm * 60_000);
    // Slots on a rota duty were either never written (offline) or sent on time (error, calibration).
    if (!inWindow(plan.gap, mm) && rotaDuty(station, t) === null) out.push(t);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Files

/** How loggers in the field usually spell the canonical units (the receiver maps them back). */
const FIELD_UNITS: Record<string, string> = {
  'm³/h': 'm3/h',
  '°C': 'oC',
  'µg/m³': 'ug/m3',
  'mg/Nm³': 'mg/Nm3',
  'µS/cm': 'uS/cm',
};

export type RenderOptions = { unitStyle?: 'canonical' | 'field' };

/**
 * A Circular-10 data file: `<PROVINCE>_<fileCode>_<yyyyMMddHHmmss>.txt`, one TAB-separated line per reading
 * (symbol, value, unit, local time, status), CRLF line ends.
 */
export function renderFile(
  station: Pick<SimStation, 'fileCode'>,
  slotTime: Date,
  readings: readonly SimReading[],
  provinceCode: string,
  opts: RenderOptions = {},
): { name: string; content: string } {
  const stamp = formatCompactLocalTime(slotTime);
  const field = opts.unitStyle === 'field';
  const lines = readings.map((r) => {
    const value = r.text ?? r.value.toFixed(r.decimals);
    const unitText = field ? (FIELD_UNITS[r.unit] ?? r.unit) : r.unit;
    return `${r.parameter}\t${value}\t${unitText}\t${stamp}\t${r.status}`;
  });
  return { name: `${provinceCode}_${station.fileCode}_${stamp}.txt`, content: lines.map((x) => `${x}\r\n`).join('') };
}
