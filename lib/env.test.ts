import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

describe('loadEnv', () => {
  it('applies the documented defaults to an empty environment', () => {
    const e = loadEnv({});
    expect(e).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', FTP_PORT: 2121, FTP_PASV_MIN: 30000, FTP_PASV_MAX: 30049, DEMO: true, TZ_DISPLAY: 'Asia/Ho_Chi_Minh', DATA_DIR: './data' });
    expect(e.DATABASE_URL).toBeUndefined();
  });
  it.each([
    ['0', false],
    ['false', false],
    ['off', false],
    ['1', true],
    ['yes', true],
  ])('DEMO=%s → %s', (v, expected) => {
    expect(loadEnv({ DEMO: v }).DEMO).toBe(expected);
  });
  it('rejects a port that is not a number', () => {
    expect(() => loadEnv({ PORT: 'abc' })).toThrow();
  });
  it.each([['Asia/Ho_Chi_Minh', true], ['UTC', false], ['Asia/Bangkok', false]])('TZ_DISPLAY=%s accepted: %s', (zone, ok) => {
    if (ok) expect(loadEnv({ TZ_DISPLAY: zone }).TZ_DISPLAY).toBe(zone);
    else expect(() => loadEnv({ TZ_DISPLAY: zone })).toThrow();
  });
});
