import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { env } from '../env';
import { PrismaClient } from './generated/client';

/**
 * One Prisma client and one pg pool per process. DATABASE_URL is resolved by the launcher (scripts/start.mjs sets it
 * to the embedded PostgreSQL when unset), so by the time code runs here it must be present.
 */
type Holder = { prisma?: PrismaClient; pool?: pg.Pool; sidePool?: pg.Pool };
const holder = globalThis as unknown as { __quanTrac?: Holder };
const state: Holder = (holder.__quanTrac ??= {});

function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (start the product with `npm start`, which provides it)');
  return url;
}

/** Raw pg pool for hot paths (bulk inserts, time-bucketed aggregates, SKIP LOCKED queues). */
export function pool(): pg.Pool {
  state.pool ??= newPool();
  return state.pool;
}

/**
 * A small second pool for autocommit statements that an open transaction of `pool()` issues beside itself and waits
 * for (QC flag write-back during a recompute: each commit lets PostgreSQL prune the row versions it replaced). Separate,
 * so those statements never wait for a connection that the waiting transactions hold.
 */
export function sidePool(): pg.Pool {
  state.sidePool ??= newPool(4);
  return state.sidePool;
}

export function prisma(): PrismaClient {
  // Prisma gets its own pool with the same error handling, so its queries never wait behind bulk inserts.
  state.prisma ??= new PrismaClient({ adapter: new PrismaPg(newPool()) });
  return state.prisma;
}

/**
 * An idle connection that the server drops (PostgreSQL restarted, network blip) emits 'error' on the pool; without a
 * listener that kills the process. The pool discards the client and the next query reconnects.
 */
function newPool(max = 10): pg.Pool {
  const p = new pg.Pool({ connectionString: databaseUrl(), max });
  p.on('error', (e) => console.error(`[db] idle connection lost: ${e.message}`));
  // pg-pool removes its own listener while a client is checked out; a server restart then must not crash us.
  p.on('connect', (client) => {
    client.on('error', (e) => console.error(`[db] connection lost: ${e.message}`));
  });
  return p;
}

export async function disconnectDb(): Promise<void> {
  const { prisma: p, pool: pl, sidePool: sp } = state;
  state.prisma = undefined;
  state.pool = undefined;
  state.sidePool = undefined;
  await Promise.all([p?.$disconnect(), pl?.end(), sp?.end()]);
}

export type { PrismaClient };
