import type { StationKind } from '../parameters';
import { ANY_COLUMN } from './types';

/**
 * National standards that apply without set-up (DOMAIN.md §6): an ambient station is judged by QCVN 05:2023, a river
 * station by QCVN 08:2023 for its water-use class (default B). Wastewater and emission stations have none: they need a
 * column and coefficients, or a permit.
 */
export type DefaultBinding = { standardCode: string; columnCode: string };

export const DEFAULT_SURFACE_WATER_CLASS = 'B';

export const DEFAULT_STANDARD_BY_KIND: Readonly<Record<StationKind, DefaultBinding | null>> = {
  ambient_air: { standardCode: 'QCVN05:2023', columnCode: ANY_COLUMN },
  surface_water: { standardCode: 'QCVN08:2023', columnCode: DEFAULT_SURFACE_WATER_CLASS },
  wastewater: null,
  emission: null,
};

/** The binding a station of this kind gets when none is set; null = it needs a column or a permit. */
export function defaultBindingFor(kind: StationKind): DefaultBinding | null {
  return DEFAULT_STANDARD_BY_KIND[kind];
}

/** Whether a station of this kind with these bindings still needs a column or permit before it can be judged. */
export function needsLimitSetup(kind: StationKind, bindingCount: number): boolean {
  return bindingCount === 0 && defaultBindingFor(kind) === null;
}
