import type pg from 'pg';
import { pool } from './client';

/** A connection inside an open transaction: what functions that write as part of a larger unit take. */
export type Tx = pg.PoolClient;

/**
 * Runs `fn` in one transaction on `client`: BEGIN, then COMMIT when it returns or ROLLBACK when it throws (the error
 * is rethrown). `begin` may name the isolation level, e.g. 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'.
 */
export async function inTransaction<T>(client: pg.ClientBase, fn: () => Promise<T>, begin = 'BEGIN'): Promise<T> {
  await client.query(begin);
  try {
    const out = await fn();
    await client.query('COMMIT');
    return out;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** Runs `fn` in one transaction on a connection of `on` (default: the shared pool), released afterwards. */
export async function withTransaction<T>(
  fn: (tx: Tx) => Promise<T>,
  opts: { on?: pg.Pool; begin?: string } = {},
): Promise<T> {
  const client = await (opts.on ?? pool()).connect();
  try {
    return await inTransaction(client, () => fn(client), opts.begin);
  } finally {
    client.release();
  }
}
