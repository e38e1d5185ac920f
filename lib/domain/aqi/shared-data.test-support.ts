// Test-only: reads the shared reference data, so it is exempt from lib/domain's no-I/O rule.
// eslint-disable-next-line no-restricted-imports
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `shared/data` found by walking up from the working directory, then from this file (CI keeps `shared/` beside the repo). */
export function findSharedDataDir(): string {
  for (const start of [process.cwd(), import.meta.dirname]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'shared', 'data');
      if (existsSync(candidate)) return candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error(`shared/data not found above ${process.cwd()} or ${import.meta.dirname}`);
}

export function readSharedText(...parts: string[]): string {
  return readFileSync(path.join(findSharedDataDir(), ...parts), 'utf8');
}
