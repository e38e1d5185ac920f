import { describe, expect, it } from 'vitest';
import { memoByString } from './memo';

describe('memoByString', () => {
  it('computes a short key once, a long key every time, and starts over when full', () => {
    const calls: string[] = [];
    const f = memoByString((k) => (calls.push(k), k.length), 2, 5);
    expect([f('ab'), f('ab'), f('abcdef'), f('abcdef')]).toEqual([2, 2, 6, 6]);
    expect(calls).toEqual(['ab', 'abcdef', 'abcdef']);
    f('c'); // second entry: full
    f('d'); // cleared, then kept
    f('ab'); // computed again
    expect(calls).toEqual(['ab', 'abcdef', 'abcdef', 'c', 'd', 'ab']);
  });

  it('remembers null answers too', () => {
    let n = 0;
    const f = memoByString(() => (n++, null), 10, 10);
    expect([f('x'), f('x')]).toEqual([null, null]);
    expect(n).toBe(1);
  });
});
