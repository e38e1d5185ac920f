import { describe, expect, it } from 'vitest';
import { ALERT_KINDS, RAISED_ALERT_KINDS } from '@/lib/domain/alerts/kinds';
import { ALERT_BASES, ALERT_STATES, DISPOSITIONS } from '@/lib/domain/alerts/lifecycle';
import { enMessages, viMessages } from '@/messages';
import { alertsHref, durationParts, formatDuration, KIND_OPTIONS } from './format';

describe('alerts display helpers', () => {
  it.each([
    ['zero', 0, { d: 0, h: 0, m: 0 }],
    ['negative is zero', -5000, { d: 0, h: 0, m: 0 }],
    ['59 s floors to 0 min', 59_000, { d: 0, h: 0, m: 0 }],
    ['exactly one hour', 3_600_000, { d: 0, h: 1, m: 0 }],
    ['1 day 2 h 3 min', 86_400_000 + 2 * 3_600_000 + 3 * 60_000, { d: 1, h: 2, m: 3 }],
  ])('durationParts: %s', (_label, ms, parts) => {
    expect(durationParts(ms)).toEqual(parts);
  });

  it('formatDuration picks the largest unit', () => {
    const t = (k: string, v: { d: number; h: number; m: number }) => `${k}:${v.d}/${v.h}/${v.m}`;
    expect(formatDuration(5 * 60_000, t)).toBe('minutes:0/0/5');
    expect(formatDuration(65 * 60_000, t)).toBe('hours:0/1/5');
    expect(formatDuration(25 * 3_600_000, t)).toBe('days:1/1/0');
  });

  it('alertsHref keeps only non-empty filters', () => {
    expect(alertsHref('/alerts', {})).toBe('/alerts');
    expect(alertsHref('/alerts/export', { kind: 'offline', state: '', from: '01/05/2024' })).toBe('/alerts/export?kind=offline&from=01%2F05%2F2024');
  });
});

describe('alert names come from messages, one per registry code', () => {
  it.each([
    ['vi', viMessages],
    ['en', enMessages],
  ] as const)('%s: every kind, state, disposition and basis has a name on screen and in notifications', (_locale, m) => {
    for (const k of ALERT_KINDS) {
      expect(m.alerts.kinds[k], k).toBeTruthy();
      expect(m.notify.kinds[k], k).toBeTruthy();
    }
    for (const s of ALERT_STATES) expect(m.alerts.states[s] && m.notify.states[s], s).toBeTruthy();
    for (const d of DISPOSITIONS) expect(m.alerts.dispositions[d] && m.notify.dispositions[d], d).toBeTruthy();
    for (const b of ALERT_BASES) expect(m.alerts.bases[b] && m.notify.bases[b], b).toBeTruthy();
  });

  it('the filters offer the kinds the engine raises', () => {
    expect(KIND_OPTIONS).toEqual(RAISED_ALERT_KINDS);
  });
});
