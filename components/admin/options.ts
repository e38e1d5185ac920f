import type { Option } from '@/components/ui/select';
import type { FacilityOption } from './types';

/** Facilities as select options: "CODE — name". */
export function facilityOptions(facilities: readonly FacilityOption[]): Option[] {
  return facilities.map((f) => ({ value: f.code, label: `${f.code} — ${f.name}` }));
}
