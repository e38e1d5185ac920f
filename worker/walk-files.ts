import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export type FoundFile = { filePath: string; rel: string[]; stat: Stats };

/**
 * Regular files below `root` (symlinks and other types passed over), with their path segments under it and their stat.
 * Folders deeper than `maxDepth` and names `skip` refuses are left out, and so is whatever vanishes during the walk.
 */
export async function walkFiles(
  root: string,
  opts: { maxDepth?: number; skip?: (name: string) => boolean } = {},
): Promise<FoundFile[]> {
  const out: FoundFile[] = [];
  const walk = async (folder: string, rel: string[]) => {
    if (rel.length > (opts.maxDepth ?? Infinity)) return;
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (opts.skip?.(e.name)) continue;
      const p = path.join(folder, e.name);
      if (e.isDirectory()) await walk(p, [...rel, e.name]);
      else if (e.isFile()) {
        const st = await stat(p).catch(() => null);
        if (st) out.push({ filePath: p, rel: [...rel, e.name], stat: st });
      }
    }
  };
  await walk(root, []);
  return out;
}
