/**
 * `npm run cli -- backup DIR [--format auto|pg_dump|logical]` and `npm run cli -- restore DIR` (registered in cli.ts,
 * which has connected to the database: DATABASE_URL, or the embedded server under DATA_DIR).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { env } from '../lib/env';
import { backup, restore, type BackupFormat } from '../lib/services/backup';

const ROOT = path.resolve(import.meta.dirname, '..');

const say = (line: string) => process.stdout.write(`${line}\n`);

export async function backupCommand(which: 'backup' | 'restore', args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const dir = positionals[0];
  if (!dir || positionals.length > 1) {
    process.stderr.write(
      `usage: npm run cli -- ${which} DIR${which === 'backup' ? ' [--format auto|pg_dump|logical]' : ''}\n`,
    );
    return 2;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('no database connection');
  const place = { databaseUrl, dataDir: env().dataDir, dir, log: say };
  if (which === 'backup') {
    const format = values.format ?? 'auto';
    if (format !== 'auto' && format !== 'pg_dump' && format !== 'logical') {
      process.stderr.write('--format must be auto, pg_dump or logical\n');
      return 2;
    }
    const m = await backup({ ...place, format: format as BackupFormat | 'auto' });
    say(
      `backup written to ${path.resolve(dir)} (${m.format}, ${m.files.length} files; manifest.json lists their SHA-256)`,
    );
    return 0;
  }
  if (values.format !== undefined) {
    process.stderr.write('restore takes no --format: the backup says which it is\n');
    return 2;
  }
  const r = await restore({ ...place, migrations: path.join(ROOT, 'prisma', 'migrations') });
  say(
    `restored ${path.resolve(dir)} (${r.manifest.format}, made ${r.manifest.createdAt}); run \`npm run cli -- ledger verify\` to check`,
  );
  return 0;
}
