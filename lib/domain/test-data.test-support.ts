// Test-only: reads the reference data kept in the repository (tests/data), so it is exempt from lib/domain's no-I/O rule.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository's reference data folder (tests/data; sources and licences in its README). */
export const TEST_DATA_DIR = path.resolve(import.meta.dirname, '../../tests/data');

export function readTestData(...parts: string[]): string {
  return readFileSync(path.join(TEST_DATA_DIR, ...parts), 'utf8');
}
