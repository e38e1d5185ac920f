import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../lib/db/embedded';
import { applyMigrations } from '../../lib/db/migrate';

/**
 * A PostgreSQL server for tests: the one named by TEST_PG_URL / DATABASE_URL when set, else an embedded one under
 * ./test-data. Returns a fresh, migrated database on it.
 */
export async function serverUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  const given = process.env.TEST_PG_URL ?? process.env.DATABASE_URL;
  if (given) return { url: given, stop: async () => undefined };
  const port = Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54339);
  const db = await startEmbeddedPostgres({ dataDir: path.resolve('test-data'), port, database: 'postgres' });
  return { url: db.url, stop: db.stop };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createEmptyDatabase(serverUrlStr: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `qt_${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
  const admin = new pg.Client({ connectionString: serverUrlStr });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    url: withDatabase(serverUrlStr, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrlStr });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function createTestDatabase(prefix: string): Promise<{ url: string; dispose: () => Promise<void> }> {
  const server = await serverUrl();
  const db = await createEmptyDatabase(server.url, prefix);
  await applyMigrations(db.url);
  return {
    url: db.url,
    dispose: async () => {
      if (!process.env.KEEP_TEST_DB) await db.drop();
      await server.stop();
    },
  };
}
