import { prisma } from './client';

type Info = { [k: string]: string | number | boolean | null };

/** Worker components report liveness here; /api/v1/health reads it. */
export async function writeHeartbeat(name: string, at: Date, info: Info = {}): Promise<void> {
  await prisma().workerHeartbeat.upsert({ where: { name }, create: { name, at, info }, update: { at, info } });
}

export async function readHeartbeats(): Promise<{ name: string; at: Date; info: Info }[]> {
  const rows = await prisma().workerHeartbeat.findMany();
  return rows.map((r) => ({ name: r.name, at: r.at, info: (r.info ?? {}) as Info }));
}
