import { describe, expect, it } from 'vitest';
import { diffAudit } from './audit-diff';

describe('diffAudit', () => {
  it.each([
    [
      'creation: every key added',
      null,
      { code: 'F1', name: 'A' },
      [
        { key: 'code', kind: 'added', before: null, after: 'F1' },
        { key: 'name', kind: 'added', before: null, after: 'A' },
      ],
    ],
    [
      'unchanged keys are left out',
      { name: 'A', province: 'BN' },
      { name: 'B', province: 'BN' },
      [{ key: 'name', kind: 'changed', before: 'A', after: 'B' }],
    ],
    [
      'null to value is a change, shown as a dash',
      { address: null },
      { address: 'KCN' },
      [{ key: 'address', kind: 'changed', before: '—', after: 'KCN' }],
    ],
    ['a key only before is removed', { a: 1, b: 2 }, { a: 1 }, [{ key: 'b', kind: 'removed', before: '2', after: null }]],
    [
      'nested objects flatten to dotted keys',
      { limit: { min: 1, max: 5 } },
      { limit: { min: 1, max: 6 } },
      [{ key: 'limit.max', kind: 'changed', before: '5', after: '6' }],
    ],
    [
      'arrays compare as a whole',
      { aliases: ['A'] },
      { aliases: ['A', 'B'] },
      [{ key: 'aliases', kind: 'changed', before: 'A', after: 'A, B' }],
    ],
    ['booleans', { active: true }, { active: false }, [{ key: 'active', kind: 'changed', before: 'true', after: 'false' }]],
    ['nothing on either side', null, null, []],
    ['identical', { x: [1, { y: 2 }] }, { x: [1, { y: 2 }] }, []],
    ['a scalar entry', null, 'x', [{ key: '(value)', kind: 'added', before: null, after: 'x' }]],
  ] as const)('%s', (_label, before, after, expected) => {
    expect(diffAudit(before as never, after as never)).toEqual(expected);
  });
});

describe('diffAudit times', () => {
  it.each([
    { label: 'UTC instant → local time', before: { at: '2026-12-07T15:30:00.000Z' }, want: '07/12/2026 22:30' },
    { label: 'instant with an offset', before: { at: '2026-12-07T08:00:00+07:00' }, want: '07/12/2026 08:00' },
    { label: 'a day key stays as it is', before: { at: '2026-12-07' }, want: '2026-12-07' },
  ])('$label', ({ before, want }) => {
    expect(diffAudit(before, {})[0]?.before).toBe(want);
  });
});
