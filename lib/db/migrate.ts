import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

/**
 * Applies prisma/migrations/<name>/migration.sql in order and records them in `_prisma_migrations` exactly as Prisma
 * Migrate does, so `prisma migrate deploy` (where its engine can be downloaded) sees the same history. We run our own
 * because the Prisma CLI needs a native engine it cannot download offline.
 */
export type MigrationReport = { applied: string[]; alreadyApplied: string[] };

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export function migrationsDir(root = process.cwd()): string {
  return path.join(root, 'prisma', 'migrations');
}

export async function listMigrations(dir = migrationsDir()): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export async function applyMigrations(connectionString: string, dir = migrationsDir()): Promise<MigrationReport> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const report: MigrationReport = { applied: [], alreadyApplied: [] };
  try {
    // One migrator at a time (web, worker and CLI may start together).
    await client.query('SELECT pg_advisory_lock(727274)');
    await client.query(CREATE_TABLE);
    const done = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const byName = new Map(done.rows.map((r) => [r.migration_name, r]));
    for (const name of await listMigrations(dir)) {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const existing = byName.get(name);
      if (existing?.finished_at) {
        if (existing.checksum !== checksum) {
          throw new Error(`migration ${name} was modified after it was applied (checksum differs)`);
        }
        report.alreadyApplied.push(name);
        continue;
      }
      if (existing) throw new Error(`migration ${name} failed earlier and needs attention (see _prisma_migrations)`);
      const id = randomUUID();
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [id, checksum, name],
        );
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${name} failed: ${(e as Error).message}`);
      }
      report.applied.push(name);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(727274)').catch(() => undefined);
    await client.end();
  }
  return report;
}
