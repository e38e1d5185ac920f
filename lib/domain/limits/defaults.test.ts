import { describe, expect, it } from 'vitest';
import { BUILT_IN_LIMIT_STANDARDS } from './catalogue';
import { defaultBindingFor, needsLimitSetup } from './defaults';
import { resolveLimit } from './resolve';

describe('national standards apply without set-up (DOMAIN.md §6)', () => {
  it.each([
    ['ambient → QCVN 05:2023, any column', 'ambient_air', { standardCode: 'QCVN05:2023', columnCode: 'all' }],
    ['river → QCVN 08:2023 class B', 'surface_water', { standardCode: 'QCVN08:2023', columnCode: 'B' }],
    ['wastewater → none (needs a column or permit)', 'wastewater', null],
    ['emission → none (needs a column or permit)', 'emission', null],
  ] as const)('%s', (_label, kind, expected) => {
    expect(defaultBindingFor(kind)).toEqual(expected);
  });

  it.each([
    ['wastewater without binding', 'wastewater', 0, true],
    ['wastewater with a binding', 'wastewater', 1, false],
    ['emission without binding', 'emission', 0, true],
    ['ambient without binding', 'ambient_air', 0, false],
    ['river without binding', 'surface_water', 0, false],
  ] as const)('needsLimitSetup: %s → %s', (_label, kind, n, expected) => {
    expect(needsLimitSetup(kind, n)).toBe(expected);
  });

  it('the default bindings resolve in the builtin catalogue: ambient PM2.5 24 h 50 in 2025, river COD class B 15', () => {
    const at = Date.parse('2025-06-01T00:00:00+07:00');
    const air = defaultBindingFor('ambient_air')!;
    const pm = resolveLimit({ standards: BUILT_IN_LIMIT_STANDARDS, stationKind: 'ambient_air', parameter: 'PM25', averaging: '24h', column: air.columnCode, standardCode: air.standardCode, at });
    expect(pm?.max).toBe(50);
    const river = defaultBindingFor('surface_water')!;
    const cod = resolveLimit({ standards: BUILT_IN_LIMIT_STANDARDS, stationKind: 'surface_water', parameter: 'COD', column: river.columnCode, standardCode: river.standardCode, at });
    expect(cod?.max).toBe(15);
  });
});
