/**
 * Helpers for the `as const` registries of lib/domain (alert kinds, station states …): each registry is a tuple of
 * entries with a `code`, and its list of codes is derived from it, keeping the tuple type (z.enum takes it as is).
 */
type Codes<T extends readonly { code: string }[]> = { -readonly [K in keyof T]: T[K]['code'] };

export function codesOf<const T extends readonly { code: string }[]>(registry: T): Readonly<Codes<T>> {
  return registry.map((e) => e.code) as Codes<T>;
}

