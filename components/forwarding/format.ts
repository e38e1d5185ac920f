import type { Option } from '@/components/ui/select';

/** The forwarding targets as select options: the id, shown by name. */
export function targetOptions(targets: readonly { id: number; name: string }[]): Option[] {
  return targets.map((x) => ({ value: x.id, label: x.name }));
}
