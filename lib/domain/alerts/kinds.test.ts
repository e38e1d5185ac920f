import { describe, expect, it } from 'vitest';
import {
  ALERT_KINDS,
  EXCEEDANCE_ALERT_KINDS,
  LIMIT_ALERT_KINDS,
  RAISED_ALERT_KINDS,
  alertKindInfo,
  isAlertKind,
  reportedValue,
  takesDisposition,
} from './kinds';

describe('alert kind registry', () => {
  it('holds exactly the kinds of the API contract (API.md), in list order', () => {
    expect(ALERT_KINDS).toEqual([
      'compliance_exceedance',
      'instant_exceedance',
      'approaching',
      'offline',
      'device_error',
      'calibration_overrun',
      'qc_fail',
      'clock_fault',
      'trend_warning',
    ]);
  });

  it('derives the lists others use', () => {
    expect(EXCEEDANCE_ALERT_KINDS).toEqual(['compliance_exceedance', 'instant_exceedance']);
    expect(LIMIT_ALERT_KINDS).toEqual(['compliance_exceedance', 'instant_exceedance', 'approaching']);
    expect(RAISED_ALERT_KINDS).toEqual(['compliance_exceedance', 'instant_exceedance', 'approaching', 'offline', 'device_error', 'calibration_overrun', 'qc_fail']);
  });

  it.each(ALERT_KINDS)('%s: a station-wide kind has no basis of its own', (kind) => {
    const k = alertKindInfo(kind);
    if (k.scope === 'station') expect(k.basis).toBeNull();
    if (k.exceedance) expect(k.limit).toBe(true);
  });

  it.each([
    ['compliance_exceedance', true],
    ['instant_exceedance', true],
    ['approaching', false],
    ['offline', false],
  ] as const)('every exceedance kind takes a disposition, nothing else: %s → %s', (kind, takes) => {
    expect(takesDisposition(kind)).toBe(takes);
  });

  it('isAlertKind', () => {
    expect(isAlertKind('clock_fault')).toBe(true);
    expect(isAlertKind('exceedance')).toBe(false);
  });
});

describe('reportedValue: the average for kinds on an averaging basis, else the peak', () => {
  it.each<[string, string, number | null, number | null, number | null]>([
    ['compliance: the average', 'compliance_exceedance', 162.5, 190, 162.5],
    ['compliance without an average: the peak', 'compliance_exceedance', null, 190, 190],
    ['instantaneous: the peak', 'instant_exceedance', 162.5, 190, 190],
    ['offline: nothing', 'offline', null, null, null],
    ['an unknown kind: the peak', 'lunar', 1, 2, 2],
  ])('%s', (_label, kind, averageValue, peakValue, shown) => {
    expect(reportedValue({ kind, averageValue, peakValue })).toBe(shown);
  });
});
