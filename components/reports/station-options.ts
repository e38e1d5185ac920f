import type { Option } from '@/components/ui/select';

/** Stations as the reports' select options: "CODE — name". */
export function stationOptions(stations: readonly { code: string; name: string }[]): Option[] {
  return stations.map((s) => ({ value: s.code, label: `${s.code} — ${s.name}` }));
}
