import { describe, expect, it } from 'vitest';
import { renderIngestReason, type IngestReason } from './ingest/reasons';
import { findParameter, type StationKind } from './parameters';
import { decodeFileText, parseDataText, parseLine, type ParseContext } from './parse-file';

/** A station measuring these parameters, each in the registry's unit (what the parser must store). */
const stationOf = (kind: StationKind, codes: readonly string[], symbolAliases?: Record<string, string>): ParseContext => ({
  parameters: codes.map((code) => ({ code, unit: findParameter(kind, code)?.unit ?? '' })),
  symbolAliases,
});
const WASTEWATER = stationOf('wastewater', ['FLOW', 'TEMP', 'PH', 'COD', 'TSS', 'NH4'], { 'COD-ONLINE': 'COD' });
const AMBIENT = stationOf('ambient_air', ['PM25', 'PM10', 'CO', 'TEMP']);
const EMISSION = stationOf('emission', ['FLOW', 'O2', 'DUST', 'SO2']);

const T = '2024-05-24T03:05:00.000Z'; // 20240524100500 local

describe('parseLine: layouts and tolerances', () => {
  it.each([
    ['the circular example (tabs)', 'COD\t45.30\tmg/L\t20240524100500\t00', WASTEWATER, 'COD', 45.3, 'mg/L', T, '00'],
    ['spaces instead of tabs', 'COD 45.30 mg/L 20240524100500 00', WASTEWATER, 'COD', 45.3, 'mg/L', T, '00'],
    ['mixed runs of tabs and spaces', '  COD \t\t 45.30   mg/L\t 20240524100500  00  ', WASTEWATER, 'COD', 45.3, 'mg/L', T, '00'],
    ['missing status means 00', 'COD\t45.30\tmg/L\t20240524100500', WASTEWATER, 'COD', 45.3, 'mg/L', T, '00'],
    ['status 01 calibrating', 'COD\t45.30\tmg/L\t20240524100500\t01', WASTEWATER, 'COD', 45.3, 'mg/L', T, '01'],
    ['status 02 device error', 'COD\t45.30\tmg/L\t20240524100500\t02', WASTEWATER, 'COD', 45.3, 'mg/L', T, '02'],
    ['status 03 maintenance', 'COD\t45.30\tmg/L\t20240524100500\t03', WASTEWATER, 'COD', 45.3, 'mg/L', T, '03'],
    ['single-digit status', 'COD\t45.30\tmg/L\t20240524100500\t1', WASTEWATER, 'COD', 45.3, 'mg/L', T, '01'],
    ['legacy: time symbol value unit', '20240524100500\tCOD\t45.30\tmg/L', WASTEWATER, 'COD', 45.3, 'mg/L', T, '00'],
    ['legacy: time symbol value', '20240524100500\tCOD\t45.30', WASTEWATER, 'COD', 45.3, 'mg/L', T, '00'],
    ['legacy: symbol value time', 'COD\t45.30\t20240524100500', WASTEWATER, 'COD', 45.3, 'mg/L', T, '00'],
    ['legacy: symbol value time status', 'COD\t45.30\t20240524100500\t02', WASTEWATER, 'COD', 45.3, 'mg/L', T, '02'],
    ['time first with status', '20240524100500\tCOD\t45.30\tmg/L\t01', WASTEWATER, 'COD', 45.3, 'mg/L', T, '01'],
    ['symbol with a comma', 'PM2,5\t25.1\tug/m3\t20240524100500\t00', AMBIENT, 'PM25', 25.1, 'µg/m³', T, '00'],
    ['PM-2-5 spelling', 'PM-2-5\t25.1\tµg/m3\t20240524100500\t00', AMBIENT, 'PM25', 25.1, 'µg/m³', T, '00'],
    ['PM2.5 spelling, µg/Nm3', 'PM2.5\t25.1\tµg/Nm3\t20240524100500\t00', AMBIENT, 'PM25', 25.1, 'µg/m³', T, '00'],
    ['NH4+ spelling', 'NH4+\t1.25\tmg/l\t20240524100500\t00', WASTEWATER, 'NH4', 1.25, 'mg/L', T, '00'],
    ['Amoni spelling', 'Amoni\t1.25\tmg/l\t20240524100500\t00', WASTEWATER, 'NH4', 1.25, 'mg/L', T, '00'],
    ['Flow spelling, m3/h', 'Flow\t120.5\tm3/h\t20240524100500\t00', WASTEWATER, 'FLOW', 120.5, 'm³/h', T, '00'],
    ['FlowOut spelling, m³/h', 'FlowOut\t120.5\tm³/h\t20240524100500\t00', WASTEWATER, 'FLOW', 120.5, 'm³/h', T, '00'],
    ['stack dust written PM (Bảng 34)', 'PM\t35.2\tmg/Nm3\t20240524100500\t00', EMISSION, 'DUST', 35.2, 'mg/Nm³', T, '00'],
    ['stack flow in Nm3/h', 'Flow\t52000\tNm3/h\t20240524100500\t00', EMISSION, 'FLOW', 52000, 'm³/h', T, '00'],
    ['per-station alias', 'COD-online\t45.3\tmg/L\t20240524100500\t00', WASTEWATER, 'COD', 45.3, 'mg/L', T, '00'],
    ['oC temperature', 'Temp\t28.4\toC\t20240524100500\t00', WASTEWATER, 'TEMP', 28.4, '°C', T, '00'],
    ['°C temperature', 'TEMP\t28.4\t°C\t20240524100500\t00', WASTEWATER, 'TEMP', 28.4, '°C', T, '00'],
    ['pH with unit -', 'pH\t7.12\t-\t20240524100500\t00', WASTEWATER, 'PH', 7.12, '-', T, '00'],
    ['pH with unit pH', 'pH\t7.12\tpH\t20240524100500\t00', WASTEWATER, 'PH', 7.12, '-', T, '00'],
    ['ambient CO in mg/m³ converted to µg/m³', 'CO\t1.2\tmg/m3\t20240524100500\t00', AMBIENT, 'CO', 1200, 'µg/m³', T, '00'],
    ['negative value kept (QC judges it)', 'TEMP\t-1.5\toC\t20240524100500\t00', WASTEWATER, 'TEMP', -1.5, '°C', T, '00'],
    ['zero kept as a real zero', 'COD\t0\tmg/L\t20240524100500\t00', WASTEWATER, 'COD', 0, 'mg/L', T, '00'],
    ['exponent notation', 'FLOW\t1.2e3\tm3/h\t20240524100500\t00', WASTEWATER, 'FLOW', 1200, 'm³/h', T, '00'],
    ['leading-dot decimal', 'COD\t.5\tmg/L\t20240524100500\t00', WASTEWATER, 'COD', 0.5, 'mg/L', T, '00'],
  ])('%s', (_label, line, ctx, parameter, value, unit, iso, status) => {
    const r = parseLine(line, ctx);
    expect(r).toEqual({
      ok: true,
      reading: expect.objectContaining({ parameter, value, unit, deviceStatus: status }),
    });
    if (r.ok) expect(r.reading.time.toISOString()).toBe(iso);
  });
});

describe('parseLine: line-level rejections', () => {
  it.each([
    ['not a number', 'not_a_number', 'COD\tabc\tmg/L\t20240524100500\t00', "not a number: 'abc'"],
    ['empty-ish number', 'not_a_number', 'COD\t-\tmg/L\t20240524100500\t00', "not a number: '-'"],
    ['comma decimal value', 'not_a_number', 'COD\t45,3\tmg/L\t20240524100500\t00', "not a number: '45,3'"],
    ['NaN', 'not_a_number', 'COD\tNaN\tmg/L\t20240524100500\t00', "not a number: 'NaN'"],
    ['Infinity', 'not_a_number', 'COD\tInfinity\tmg/L\t20240524100500\t00', "not a number: 'Infinity'"],
    ['overflowing number', 'not_a_number', 'COD\t1e999\tmg/L\t20240524100500\t00', "not a number: '1e999'"],
    ['bad time (short)', 'bad_time', 'COD\t45.3\tmg/L\t2024133\t00', "bad time: '2024133' (expected yyyyMMddHHmmss)"],
    ['bad time (impossible date)', 'bad_time', 'COD\t45.3\tmg/L\t20241399100500\t00', "bad time: '20241399100500' (expected yyyyMMddHHmmss)"],
    ['bad time, legacy time-first layout', 'bad_time', '2024133\tCOD\t45.3\tmg/L', "bad time: '2024133' (expected yyyyMMddHHmmss)"],
    ['bad time, 3 fields time last', 'bad_time', 'COD\t45.3\t2024-05-24', "bad time: '2024-05-24' (expected yyyyMMddHHmmss)"],
    ['unknown parameter', 'unknown_parameter', 'XYZ\t1\tmg/L\t20240524100500\t00', "unknown parameter 'XYZ' for this station"],
    ['parameter the station does not measure', 'unknown_parameter', 'TN\t1\tmg/L\t20240524100500\t00', "unknown parameter 'TN' for this station"],
    ['unknown unit', 'unknown_unit', 'COD\t45.3\tfurlongs\t20240524100500\t00', "unknown unit 'furlongs' for COD"],
    ['unit of another dimension', 'unit_mismatch', 'COD\t45.3\tug/m3\t20240524100500\t00', "unit 'ug/m3' does not fit COD (expected mg/L)"],
    ['bad device status', 'bad_device_status', 'COD\t45.3\tmg/L\t20240524100500\t09', "bad device status: '09' (expected 00, 01, 02 or 03)"],
    ['too few fields', 'wrong_field_count', 'COD\t45.3', "wrong number of fields: expected 'symbol value unit time status' (3 to 5 fields), found 2"],
    ['too many fields', 'wrong_field_count', 'COD\t45.3\tmg/L\t20240524100500\t00\textra', "wrong number of fields: expected 'symbol value unit time status' (3 to 5 fields), found 6"],
    ['long garbage is shortened in the reason', 'not_a_number', `COD\t${'9x'.repeat(50)}\tmg/L\t20240524100500\t00`, `not a number: '${'9x'.repeat(20)}…'`],
  ])('%s', (_label, code, line, text) => {
    const r = parseLine(line, WASTEWATER);
    expect(r).toEqual({ ok: false, reason: expect.objectContaining({ code }) });
    if (!r.ok) expect(renderIngestReason(r.reason)).toBe(text);
  });

  it('a rejection carries the values the text quotes', () => {
    expect(parseLine('COD\t45.3\tug/m3\t20240524100500\t00', WASTEWATER)).toEqual({
      ok: false,
      reason: { code: 'unit_mismatch', params: { unit: 'ug/m3', parameter: 'COD', expected: 'mg/L' } },
    });
    expect(parseLine('COD\t45.3', WASTEWATER)).toEqual({ ok: false, reason: { code: 'wrong_field_count', params: { found: 2 } } });
  });
});

describe('parseDataText', () => {
  it('CRLF, BOM, blank lines; line numbers count blank lines; the rest of the file is kept', () => {
    const text = '\uFEFFCOD\t45.30\tmg/L\t20240524100500\t00\r\n\r\nTSS\tabc\tmg/L\t20240524100500\t00\r\n  \r\npH\t7.1\t-\t20240524100500\t00\r\n';
    const r = parseDataText(text, WASTEWATER);
    expect(r.dataLines).toBe(3);
    expect(r.readings.map((x) => [x.line, x.parameter, x.value])).toEqual([
      [1, 'COD', 45.3],
      [5, 'PH', 7.1],
    ]);
    expect(r.readings[0]!.time.toISOString()).toBe(T);
    expect(r.rejectedLines).toEqual([{ line: 3, reason: { code: 'not_a_number', params: { value: 'abc' } } }]);
  });

  it.each([
    ['LF only', 'COD 1 mg/L 20240524100500 00\nTSS 2 mg/L 20240524100500 00\n'],
    ['CR only (old Mac)', 'COD 1 mg/L 20240524100500 00\rTSS 2 mg/L 20240524100500 00'],
    ['CRLF without final newline', 'COD 1 mg/L 20240524100500 00\r\nTSS 2 mg/L 20240524100500 00'],
    ['DOS end-of-file marker', 'COD 1 mg/L 20240524100500 00\r\nTSS 2 mg/L 20240524100500 00\r\n\u001a'],
  ])('line endings: %s', (_label, text) => {
    const r = parseDataText(text, WASTEWATER);
    expect(r.readings.map((x) => x.parameter)).toEqual(['COD', 'TSS']);
    expect(r.rejectedLines).toEqual([]);
  });

  it('a file of blank lines has no data lines', () => {
    expect(parseDataText('\uFEFF\r\n \t \r\n', WASTEWATER)).toEqual({ readings: [], rejectedLines: [], dataLines: 0 });
  });
});

describe('decodeFileText', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it.each([
    ['UTF-8 text', enc('COD\t45.3\tmg/L\t20240524100500\t00\n'), 'utf-8', 'COD\t45.3\tmg/L\t20240524100500\t00\n'],
    ['UTF-8 with BOM (dropped) and µ', enc('\uFEFFPM10 20 µg/m3 20240524100500 00'), 'utf-8', 'PM10 20 µg/m3 20240524100500 00'],
    ['UTF-16LE with its byte-order mark (Windows loggers)', Uint8Array.from([0xff, 0xfe, ...[...'COD\t45.3'].flatMap((c) => [c.charCodeAt(0), 0])]), 'utf-16le', 'COD\t45.3'],
    ['UTF-16BE with its byte-order mark', Uint8Array.from([0xfe, 0xff, ...[...'COD 5'].flatMap((c) => [0, c.charCodeAt(0)])]), 'utf-16be', 'COD 5'],
    ['Latin-1 µ (0xB5) falls back leniently', Uint8Array.from([0x50, 0x4d, 0x31, 0x30, 0x20, 0xb5, 0x67]), 'latin1', 'PM10 µg'],
  ])('%s', (_label, bytes, encoding, text) => {
    expect(decodeFileText(bytes)).toEqual({ ok: true, text, encoding });
  });

  it.each([
    ['empty', new Uint8Array(), 'empty_file', 'empty file'],
    ['NUL byte', Uint8Array.from([0x43, 0x4f, 0x44, 0x00, 0x31]), 'not_text_nul', 'not a text file (contains NUL bytes)'],
    ['UTF-16LE without a byte-order mark stays not text', Uint8Array.from([0x43, 0x00, 0x4f, 0x00]), 'not_text_nul', 'not a text file (contains NUL bytes)'],
    ['UTF-16LE mark with an odd byte count', Uint8Array.from([0xff, 0xfe, 0x43, 0x00, 0x4f]), 'not_text_binary', 'not a text file (binary content)'],
    ['binary control bytes', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x01, 0x02, 0x03, 0x04, 0x05]), 'not_text_binary', 'not a text file (binary content)'],
  ])('%s → %s', (_label, bytes, code, text) => {
    expect(decodeFileText(bytes)).toEqual({ ok: false, reason: { code, params: {} } });
    expect(renderIngestReason({ code, params: {} } as IngestReason)).toBe(text);
  });

  it('a Latin-1 file parses instead of crashing', () => {
    const bytes = Uint8Array.from([...enc('PM10\t20\t'), 0xb5, ...enc('g/m3\t20240524100500\t00')]);
    const d = decodeFileText(bytes);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    const r = parseDataText(d.text, AMBIENT);
    expect(r.readings.map((x) => [x.parameter, x.value, x.unit])).toEqual([['PM10', 20, 'µg/m³']]);
  });
});
