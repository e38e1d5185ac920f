import { describe, expect, it } from 'vitest';
import { findParameter, type StationKind } from '../domain/parameters';
import { parseDataText } from '../domain/parse-file';
import { formatCompactLocalTime, fromLocalParts } from '../domain/time';
import {
  DEFAULT_EVENTS,
  createRng,
  generateReadings,
  hashSeed,
  localTime,
  planDay,
  releasedLateSlots,
  renderFile,
  slotRng,
  slotTimes,
  startOfDayIndex,
  type SimEvents,
  type SimReading,
  type SimStation,
} from './simulation';

const NO_EVENTS: SimEvents = {
  exceedanceDayProb: 0,
  deviceErrorDayProb: 0,
  flatLineDayProb: 0,
  gapDayProb: 0,
  linkDownDayProb: 0,
  spikeProb: 0,
  malformedProb: 0,
  calibration: null,
};

const LEVELS: Record<StationKind, Record<string, number>> = {
  wastewater: { FLOW: 150, TEMP: 29, PH: 7.2, COD: 40, TSS: 20, NH4: 1.6, TN: 9, TP: 1.1, COLOR: 30 },
  emission: { FLOW: 500000, TEMP: 135, O2: 6.5, DUST: 60, SO2: 330, NOX: 480, CO: 85, NH3: 14 },
  ambient_air: {
    PM25: 25,
    PM10: 41,
    SO2: 14,
    NO2: 22,
    CO: 900,
    O3: 45,
    TEMP: 24.5,
    RH: 79,
    WS: 1.5,
    WD: 90,
    BARO: 1010,
  },
  surface_water: { TEMP: 25, PH: 7.25, DO: 6.1, EC: 210, TSS: 32, COD: 10.5, NH4: 0.17, TURB: 24 },
};

const LIMITS: Record<string, { limitMin?: number; limitMax?: number }> = {
  COD: { limitMax: 67.5 },
  TSS: { limitMax: 45 },
  PH: { limitMin: 6, limitMax: 9 },
  PM25: { limitMax: 45 },
  DUST: { limitMax: 224 },
  DO: { limitMin: 5 },
};

function station(kind: StationKind, events: Partial<SimEvents> = {}, code = `T_${kind}`): SimStation {
  return {
    code,
    fileCode: `TEST_${kind.toUpperCase().replace('_', '')}`,
    kind,
    seed: hashSeed(code),
    events: { ...NO_EVENTS, ...events },
    parameters: Object.entries(LEVELS[kind]).map(([c, level]) => {
      const def = findParameter(kind, c);
      if (!def) throw new Error(`no ${c} for ${kind}`);
      return {
        code: c,
        unit: def.unit,
        decimals: def.decimals,
        level,
        limitMin: LIMITS[c]?.limitMin ?? null,
        limitMax: LIMITS[c]?.limitMax ?? null,
      };
    }),
  };
}

const slot = (s: SimStation, t: Date) => generateReadings(s, t, slotRng(s, t));
const T0 = new Date('2024-05-24T03:05:00Z'); // 10:05 local

describe('renderFile', () => {
  const readings: SimReading[] = [
    { parameter: 'COD', value: 45.3, unit: 'mg/L', decimals: 1, status: '00' },
    { parameter: 'FLOW', value: 120, unit: 'm³/h', decimals: 1, status: '01' },
    { parameter: 'TEMP', value: 28.44, unit: '°C', decimals: 1, status: '02', text: 'ERR' },
  ];
  it.each([
    [
      'canonical units',
      {},
      'COD\t45.3\tmg/L\t20240524100500\t00\r\nFLOW\t120.0\tm³/h\t20240524100500\t01\r\nTEMP\tERR\t°C\t20240524100500\t02\r\n',
    ],
    [
      'field units',
      { unitStyle: 'field' as const },
      'COD\t45.3\tmg/L\t20240524100500\t00\r\nFLOW\t120.0\tm3/h\t20240524100500\t01\r\nTEMP\tERR\toC\t20240524100500\t02\r\n',
    ],
  ])('%s: TAB-separated lines, CRLF, local time', (_label, opts, content) => {
    const f = renderFile({ fileCode: 'DINHTRAM_NT01' }, T0, readings, 'BG', opts);
    expect(f.name).toBe('BG_DINHTRAM_NT01_20240524100500.txt');
    expect(f.content).toBe(content);
  });

  it.each([
    ['local midnight is the next day in UTC+7', '2024-05-23T17:00:00Z', '20240524000000'],
    ['UTC midnight is 07:00 local', '2024-05-24T00:00:00Z', '20240524070000'],
    ['year boundary', '2023-12-31T17:05:00Z', '20240101000500'],
  ])('time stamp: %s', (_l, iso, stamp) => {
    expect(formatCompactLocalTime(new Date(iso))).toBe(stamp);
  });

  it.each(['wastewater', 'emission', 'ambient_air', 'surface_water'] as const)(
    '%s files parse back to the same values',
    (kind) => {
      const s = station(kind);
      const data = slot(s, T0);
      for (const unitStyle of ['canonical', 'field'] as const) {
        const f = renderFile(s, T0, data.readings, 'BG', { unitStyle });
        const parsed = parseDataText(f.content, {
          parameters: s.parameters.map((p) => ({ code: p.code, unit: p.unit })),
        });
        expect(parsed.rejectedLines).toEqual([]);
        expect(parsed.readings.map((r) => [r.parameter, r.value, r.deviceStatus, r.time.toISOString()])).toEqual(
          data.readings.map((r) => [r.parameter, r.value, r.status, T0.toISOString()]),
        );
      }
    },
  );
});

describe('generateReadings', () => {
  it('is deterministic for a station and slot, and differs between seeds', () => {
    const s = station('wastewater');
    expect(slot(s, T0)).toEqual(slot(s, T0));
    const other = { ...s, seed: s.seed + 1 };
    expect(slot(other, T0).readings.map((r) => r.value)).not.toEqual(slot(s, T0).readings.map((r) => r.value));
  });

  it('createRng is a reproducible uniform generator', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((x, y) => x + y, 0) / xs.length).toBeCloseTo(0.5, 1);
  });

  it.each(['wastewater', 'emission', 'ambient_air', 'surface_water'] as const)(
    '%s: without events, every value lies in the registry fail span and almost all in the suspect span',
    (kind) => {
      const s = station(kind);
      let total = 0;
      let suspect = 0;
      for (const t of slotTimes(new Date('2024-01-01T00:00:00Z'), new Date('2024-01-04T00:00:00Z')).concat(
        slotTimes(new Date('2024-07-01T00:00:00Z'), new Date('2024-07-04T00:00:00Z')),
      )) {
        for (const r of slot(s, t).readings) {
          const def = findParameter(kind, r.parameter)!;
          total++;
          expect(r.value, `${r.parameter} at ${t.toISOString()}`).toBeGreaterThanOrEqual(def.qc.failSpan[0]);
          expect(r.value, `${r.parameter} at ${t.toISOString()}`).toBeLessThanOrEqual(def.qc.failSpan[1]);
          if (r.value < def.qc.suspectSpan[0] || r.value > def.qc.suspectSpan[1]) suspect++;
          expect(r.status).toBe('00');
        }
      }
      expect(suspect / total).toBeLessThan(0.01);
    },
  );

  it.each([
    ['ambient PM2.5 is higher in the evening rush than mid-afternoon', 'ambient_air', 'PM25', 20, 14],
    ['ambient O3 peaks in the afternoon, not at night', 'ambient_air', 'O3', 14, 3],
    ['ambient temperature is higher at 14:00 than at 05:00', 'ambient_air', 'TEMP', 14, 5],
    ['WWTP flow is higher in working hours than at night', 'wastewater', 'FLOW', 11, 2],
    ['WWTP COD follows the flow', 'wastewater', 'COD', 11, 2],
  ] as const)('daily cycle: %s', (_l, kind, code, highHour, lowHour) => {
    const s = station(kind);
    const meanAt = (hour: number) => {
      let sum = 0;
      let n = 0;
      for (let d = 0; d < 14; d++) {
        // Weekdays of March 2024 (4 March is a Monday), at the given local hour.
        const day = 4 + (d % 5) + 7 * Math.floor(d / 5);
        const t = fromLocalParts({ year: 2024, month: 3, day, hour });
        sum += slot(s, t).readings.find((r) => r.parameter === code)!.value;
        n++;
      }
      return sum / n;
    };
    expect(meanAt(highHour)).toBeGreaterThan(meanAt(lowHour));
  });

  it('an exceedance episode pushes the value past the limit on its plateau', () => {
    const s = station('wastewater', { exceedanceDayProb: 1, exceedanceParams: ['COD'] });
    const day = localTime(T0).dayIndex;
    const plan = planDay(s, day);
    expect(plan.exceedance?.parameter).toBe('COD');
    const ex = plan.exceedance!;
    const mid = Math.floor((ex.start + ex.end) / 2 / 5) * 5;
    const t = new Date(startOfDayIndex(day).getTime() + mid * 60_000);
    const cod = slot(s, t).readings.find((r) => r.parameter === 'COD')!;
    expect(cod.value).toBeGreaterThan(67.5);
    expect(cod.status).toBe('00');
  });

  it('a minimum limit (DO) is breached downwards', () => {
    const s = station('surface_water', { exceedanceDayProb: 1, exceedanceParams: ['DO'] });
    const day = localTime(T0).dayIndex;
    const ex = planDay(s, day).exceedance!;
    const mid = Math.floor((ex.start + ex.end) / 2 / 5) * 5;
    const t = new Date(startOfDayIndex(day).getTime() + mid * 60_000);
    expect(slot(s, t).readings.find((r) => r.parameter === 'DO')!.value).toBeLessThan(5);
  });

  it('calibration: analysers report 01 inside the daily window, flow and temperature keep measuring', () => {
    const s = station('wastewater', { calibration: { hour: 7, minute: 30, minutes: 30 } });
    const at = (hh: number, mm: number) => slot(s, fromLocalParts({ year: 2024, month: 5, day: 24, hour: hh, minute: mm }));
    const inside = at(7, 45).readings;
    expect(inside.find((r) => r.parameter === 'COD')!.status).toBe('01');
    expect(inside.find((r) => r.parameter === 'PH')!.status).toBe('01');
    expect(inside.find((r) => r.parameter === 'FLOW')!.status).toBe('00');
    expect(inside.find((r) => r.parameter === 'TEMP')!.status).toBe('00');
    expect(at(7, 25).readings.every((r) => r.status === '00')).toBe(true);
    expect(at(8, 0).readings.every((r) => r.status === '00')).toBe(true);
  });

  it('device error: status 02 on one parameter for the window', () => {
    const s = station('ambient_air', { deviceErrorDayProb: 1 });
    const day = localTime(T0).dayIndex;
    const de = planDay(s, day).deviceError!;
    const t = new Date(startOfDayIndex(day).getTime() + de.start * 60_000);
    const rs = slot(s, t).readings;
    expect(rs.filter((r) => r.status === '02').map((r) => r.parameter)).toEqual([de.parameter]);
  });

  it('flat line: the stuck parameter repeats one value through the window', () => {
    const s = station('surface_water', { flatLineDayProb: 1 });
    const day = localTime(T0).dayIndex;
    const fl = planDay(s, day).flatLine!;
    const values = new Set<number>();
    for (let m = fl.start; m < fl.end; m += 5) {
      const t = new Date(startOfDayIndex(day).getTime() + m * 60_000);
      values.add(slot(s, t).readings.find((r) => r.parameter === fl.parameter)!.value);
    }
    expect(fl.end - fl.start).toBeGreaterThanOrEqual(90);
    expect(values.size).toBe(1);
  });

  it('gap: no readings; link down: readings exist and are released as late files when the link returns', () => {
    const s = station('wastewater', { gapDayProb: 1, linkDownDayProb: 1 });
    const day = localTime(T0).dayIndex;
    const plan = planDay(s, day);
    const at = (m: number) => new Date(startOfDayIndex(day).getTime() + m * 60_000);
    const gap = plan.gap!;
    const ld = plan.linkDown!;
    expect(slot(s, at(gap.start)).gap).toBe(true);
    expect(slot(s, at(gap.start)).readings).toEqual([]);
    expect(slot(s, at(ld.start)).linkDown || slot(s, at(ld.start)).gap).toBe(true);
    const released = releasedLateSlots(s, at(ld.end));
    const expected = [];
    for (let m = ld.start; m < ld.end; m += 5) if (m < gap.start || m >= gap.end) expected.push(at(m).toISOString());
    expect(released.map((d) => d.toISOString())).toEqual(expected);
    expect(releasedLateSlots(s, at(ld.end + 5))).toEqual([]);
    expect(releasedLateSlots(s, at(ld.end - 5))).toEqual([]);
  });
});

describe('event injection rates', () => {
  const DAYS = 3000;
  it.each([
    ['exceedance', 'exceedanceDayProb', 'exceedance', 0.12],
    ['device error', 'deviceErrorDayProb', 'deviceError', 0.05],
    ['flat line', 'flatLineDayProb', 'flatLine', 0.05],
    ['gap', 'gapDayProb', 'gap', 0.06],
    ['link down', 'linkDownDayProb', 'linkDown', 0.08],
  ] as const)('%s happens on about the configured share of days', (_l, key, field, p) => {
    const s = station('wastewater', { [key]: p });
    let n = 0;
    for (let d = 0; d < DAYS; d++) if (planDay(s, 19_000 + d)[field] !== null) n++;
    // Binomial: 4 standard deviations.
    const sd = Math.sqrt(DAYS * p * (1 - p));
    expect(Math.abs(n - DAYS * p)).toBeLessThan(4 * sd);
  });

  it('episodes stay within one local day and on slot boundaries', () => {
    const s = station('emission', {
      exceedanceDayProb: 1,
      gapDayProb: 1,
      linkDownDayProb: 1,
      flatLineDayProb: 1,
      deviceErrorDayProb: 1,
    });
    for (let d = 0; d < 500; d++) {
      const plan = planDay(s, 19_000 + d);
      for (const w of [plan.exceedance, plan.gap, plan.linkDown, plan.flatLine, plan.deviceError]) {
        expect(w).not.toBeNull();
        expect(w!.start % 5).toBe(0);
        expect(w!.end % 5).toBe(0);
        expect(w!.start).toBeGreaterThanOrEqual(0);
        expect(w!.end).toBeLessThanOrEqual(1435);
        expect(w!.end).toBeGreaterThan(w!.start);
      }
    }
  });

  it('malformed files and spikes occur at about their per-file and per-reading rates', () => {
    const s = station('wastewater', { malformedProb: 0.01, spikeProb: 0.005 });
    const clean = station('wastewater', {}, s.code); // same seed, no events: a spike is a large jump from it
    const slots = slotTimes(new Date('2024-01-01T00:00:00Z'), new Date('2024-03-01T00:00:00Z'));
    let malformed = 0;
    let badValue = 0;
    let unknown = 0;
    let spikes = 0;
    let readings = 0;
    for (const t of slots) {
      const a = slot(s, t);
      const b = slot(clean, t);
      if (a.malformed) malformed++;
      if (a.malformed === 'bad_value') {
        badValue++;
        expect(a.readings.filter((r) => r.text !== undefined)).toHaveLength(1);
      }
      if (a.malformed === 'unknown_symbol') {
        unknown++;
        expect(a.readings.at(-1)?.extra).toBe(true);
      }
      b.readings.forEach((r, i) => {
        const x = a.readings[i]!;
        readings++;
        if (x.text === undefined && Math.abs(x.value - r.value) > 1e-9) spikes++;
      });
    }
    const sdM = Math.sqrt(slots.length * 0.01 * 0.99);
    expect(Math.abs(malformed - slots.length * 0.01)).toBeLessThan(4 * sdM);
    expect(badValue).toBeGreaterThan(0);
    expect(unknown).toBeGreaterThan(0);
    const sdS = Math.sqrt(readings * 0.005 * 0.995);
    expect(Math.abs(spikes - readings * 0.005)).toBeLessThan(4 * sdS);
  });

  it('a malformed file is partly rejected by the parser, the rest is kept', () => {
    const s = station('wastewater', { malformedProb: 1 });
    for (const t of slotTimes(T0, new Date(T0.getTime() + 3_600_000))) {
      const data = slot(s, t);
      const f = renderFile(s, t, data.readings, 'BG', { unitStyle: 'field' });
      const parsed = parseDataText(f.content, {
        parameters: s.parameters.map((p) => ({ code: p.code, unit: p.unit })),
      });
      expect(parsed.rejectedLines).toHaveLength(1);
      expect(parsed.readings.length).toBe(
        data.malformed === 'bad_value' ? s.parameters.length - 1 : s.parameters.length,
      );
    }
  });

  it('default event settings exist for every kind', () => {
    for (const kind of ['wastewater', 'emission', 'ambient_air', 'surface_water'] as const) {
      expect(DEFAULT_EVENTS[kind].spikeProb).toBeGreaterThan(0);
    }
  });
});
