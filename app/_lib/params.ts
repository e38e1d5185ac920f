/** What a page receives as `searchParams`. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One value of a search parameter: the first when the URL repeats it. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A path segment decoded; a malformed escape is kept as typed (its lookup then finds nothing). */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
