import { formatDateTime } from '@/lib/domain/time';

/**
 * A readable before/after of one audit entry (pure). Objects are flattened to dotted keys; arrays and scalars compare
 * as their JSON text. Only keys whose value differs are listed, in first-seen order (before's keys, then after's);
 * a key present on one side only is "added" or "removed".
 */
export type Json = string | number | boolean | null | Json[] | { [k: string]: Json | undefined };

export type DiffRow = { key: string; kind: 'added' | 'removed' | 'changed'; before: string | null; after: string | null };

function flatten(value: Json | null | undefined, prefix: string, out: Map<string, string>): void {
  // A missing side (creation has no "before") holds no keys; a null inside an object is a value ("—").
  if (value === undefined || (value === null && prefix === '')) return;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value).filter((e): e is [string, Json] => e[1] !== undefined);
    if (entries.length === 0 && prefix) out.set(prefix, '{}');
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  out.set(prefix || '(value)', show(value));
}

/** An instant as stored in JSON (ISO 8601 with Z or an offset). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function show(v: Json): string {
  if (v === null) return '—';
  // Times read in Asia/Ho_Chi_Minh (dd/MM/yyyy HH:mm), never as the UTC text the entry stores.
  if (typeof v === 'string') return ISO_INSTANT.test(v) ? formatDateTime(v) : v;
  if (Array.isArray(v)) return v.length === 0 ? '[]' : v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ');
  return JSON.stringify(v);
}

export function diffAudit(before: Json | null | undefined, after: Json | null | undefined): DiffRow[] {
  const b = new Map<string, string>();
  const a = new Map<string, string>();
  flatten(before, '', b);
  flatten(after, '', a);
  const keys = [...new Set([...b.keys(), ...a.keys()])];
  const rows: DiffRow[] = [];
  for (const key of keys) {
    const x = b.has(key) ? b.get(key)! : null;
    const y = a.has(key) ? a.get(key)! : null;
    if (x === y) continue;
    rows.push({ key, kind: x === null ? 'added' : y === null ? 'removed' : 'changed', before: x, after: y });
  }
  return rows;
}
