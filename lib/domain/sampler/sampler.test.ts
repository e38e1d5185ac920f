import { describe, expect, test } from 'vitest';
import { canMoveTo, commandExpiresAt, decideAutoSample, formatCommandFile, isExpired, parseResultFile } from '.';

describe('states', () => {
  test.each([
    ['queued → delivered', 'queued', 'delivered', true],
    ['delivered → sampled', 'delivered', 'sampled', true],
    ['delivered → queued', 'delivered', 'queued', false],
    ['sampled is final', 'sampled', 'failed', false],
    ['expired is final', 'expired', 'sampled', false],
  ] as const)('%s', (_l, from, to, ok) => expect(canMoveTo(from, to)).toBe(ok));

  const at = new Date('2026-12-08T03:00:00Z');
  const exp = commandExpiresAt(at);
  test.each([
    ['one ms before expiry', 'queued', new Date(exp.getTime() - 1), false],
    ['at expiry', 'delivered', exp, true],
    ['finished commands never expire', 'sampled', new Date(exp.getTime() + 1), false],
  ] as const)('%s', (_l, state, now, expired) => expect(isExpired({ state, expiresAt: exp }, now)).toBe(expired));
});

describe('automatic sample', () => {
  const now = new Date('2026-12-08T03:00:00Z');
  const on = { enabled: true, autoAfter: 3, cooldownMinutes: 60 };
  test.each([
    ['disabled', { ...on, enabled: false }, 5, false, null, { queue: false, why: 'disabled' }],
    ['autoAfter 0 is off', { ...on, autoAfter: 0 }, 5, false, null, { queue: false, why: 'off' }],
    ['one short of autoAfter', on, 2, false, null, { queue: false, why: 'not_enough' }],
    ['exactly autoAfter', on, 3, false, null, { queue: true }],
    ['already queued for the episode', on, 9, true, null, { queue: false, why: 'already_queued' }],
    ['last command 59 min ago', on, 3, false, new Date('2026-12-08T02:01:00Z'), { queue: false, why: 'cooldown' }],
    ['last command exactly 60 min ago', on, 3, false, new Date('2026-12-08T02:00:00Z'), { queue: true }],
  ] as const)('%s', (_l, s, count, has, last, expected) =>
    expect(decideAutoSample(s, { count, hasAutoCommand: has }, last, now)).toEqual(expected),
  );
});

describe('command files', () => {
  test('command file in local time', () => {
    const text = formatCommandFile({ id: 42, station: 'NT01', requestedAt: new Date('2026-12-08T03:50:00Z'), expiresAt: new Date('2026-12-08T04:20:00Z'), reason: 'COD\nhigh' });
    expect(text).toBe('command=sample\r\nid=42\r\nstation=NT01\r\nrequested_at=20261208105000\r\nexpires_at=20261208112000\r\nreason=COD high\r\n');
  });
  test.each([
    ['sampled with bottle and time', 'id=42\r\nstatus=sampled\r\nbottle=7\r\nsampled_at=20261208105500\r\n', { ok: true, value: { id: 42, status: 'sampled', bottle: 7, sampledAt: new Date('2026-12-08T03:55:00Z'), note: null } }],
    ['failed with note, comments, case', '# answer\nID=5\nStatus=FAILED\nnote=no flow\n', { ok: true, value: { id: 5, status: 'failed', bottle: null, sampledAt: null, note: 'no flow' } }],
    ['missing id', 'status=sampled\n', { ok: false, problem: 'id missing or not a positive integer' }],
    ['unknown status', 'id=1\nstatus=done\n', { ok: false, problem: 'status must be sampled or failed' }],
    ['bottle 0', 'id=1\nstatus=sampled\nbottle=0\n', { ok: false, problem: 'bottle must be 1..999' }],
    ['bad time', 'id=1\nstatus=sampled\nsampled_at=2026-12-08\n', { ok: false, problem: 'sampled_at must be yyyyMMddHHmmss' }],
    ['not key=value', 'id=1\nstatus=sampled\nhello\n', { ok: false, problem: 'not key=value: hello' }],
  ] as const)('%s', (_l, text, expected) => expect(parseResultFile(text)).toEqual(expected));
});
