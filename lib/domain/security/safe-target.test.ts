import { describe, expect, it } from 'vitest';
import { DEFAULT_AFTER_LOGIN, safeTarget } from './safe-target';

const ORIGIN = 'https://quantrac.example.vn';

describe('safeTarget: only a same-site path with a single leading slash is followed', () => {
  it.each([
    ['absent', undefined, DEFAULT_AFTER_LOGIN],
    ['empty', '', DEFAULT_AFTER_LOGIN],
    ['plain path', '/alerts', '/alerts'],
    ['path with query and hash', '/stations/3?tab=data#x', '/stations/3?tab=data#x'],
    ['same origin absolute', `${ORIGIN}/alerts`, '/alerts'],
    ['protocol-relative host', '//evil.example/x', DEFAULT_AFTER_LOGIN],
    ['dot segment becoming //host (the reported redirect)', '/.//evil.example/x', DEFAULT_AFTER_LOGIN],
    ['encoded dot segment', '/%2E//evil.example/x', DEFAULT_AFTER_LOGIN],
    ['double backslash', '\\\\evil.example', DEFAULT_AFTER_LOGIN],
    ['slash backslash', '/\\evil.example', DEFAULT_AFTER_LOGIN],
    ['other origin', 'http://evil.example/x', DEFAULT_AFTER_LOGIN],
    ['javascript scheme', 'javascript:alert(1)', DEFAULT_AFTER_LOGIN],
    ['tab inside', '/\t/evil.example', DEFAULT_AFTER_LOGIN],
    ['NUL inside', '/a\u0000b', DEFAULT_AFTER_LOGIN],
    ['login page (loop)', '/login?x=1', DEFAULT_AFTER_LOGIN],
    ['login-like prefix is fine', '/logins', '/logins'],
    ['relative path', 'alerts', '/alerts'],
  ])('%s', (_label, input, expected) => {
    expect(safeTarget(input, ORIGIN)).toBe(expected);
  });
});
