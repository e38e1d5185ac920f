import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, listMigrations } from '../../lib/db/migrate';
import { createEmptyDatabase, serverUrl } from '../support/test-db';

describe('migrations', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('apply to an empty database, are recorded like Prisma Migrate, and a second run applies nothing', async () => {
    const server = await serverUrl();
    cleanups.push(server.stop);
    const db = await createEmptyDatabase(server.url, 'mig');
    cleanups.push(db.drop);

    const first = await applyMigrations(db.url);
    expect(first.applied).toEqual(await listMigrations());
    const second = await applyMigrations(db.url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);

    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      const rows = await c.query('SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name');
      expect(rows.rows.map((r) => r.migration_name)).toEqual(first.applied);
      // reading is partitioned: inserting creates/uses a monthly partition, far-off times land in the default one
      await c.query(`SELECT ensure_reading_partition('2024-05-24T03:05:00Z')`);
      await c.query(`INSERT INTO reading (station_id, parameter, time, value, device_status) VALUES (1, 'COD', '2024-05-24T03:05:00Z', 45.3, '00')`);
      const part = await c.query(`SELECT tableoid::regclass::text AS p FROM reading`);
      expect(part.rows[0].p).toBe('reading_202405');
      const kind = await c.query(`SELECT relkind FROM pg_class WHERE relname = 'reading'`);
      expect(kind.rows[0].relkind).toBe('p');
      // the audit log refuses edits
      await c.query(`INSERT INTO audit_log (actor, action, entity) VALUES ('test', 'create', 'x')`);
      await expect(c.query(`UPDATE audit_log SET actor = 'evil'`)).rejects.toThrow(/append-only/);
    } finally {
      await c.end();
    }
  });
});
