/**
 * Remembers a pure function of a string for keys up to `maxKeyLength` characters, at most `maxEntries` of them (the
 * whole memory is dropped when full). For lookups that every line of every file repeats with a handful of spellings;
 * garbage keys (long tokens) are computed every time and never kept.
 */
export function memoByString<T>(fn: (key: string) => T, maxEntries: number, maxKeyLength: number): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (known.has(key)) return known.get(key)!;
    const value = fn(key);
    if (key.length > maxKeyLength) return value;
    if (known.size >= maxEntries) known.clear();
    known.set(key, value);
    return value;
  };
}
