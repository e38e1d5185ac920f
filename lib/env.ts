import path from 'node:path';
import { z } from 'zod';

/**
 * All configuration, parsed once. Names and defaults are fixed by the public contract (shared/API.md).
 * Nothing else reads process.env.
 */
/** A flag that is on unless set to 0/false/no/off. */
const flagDefaultOn = z
  .string()
  .optional()
  .transform((v) => v === undefined || !['0', 'false', 'no', 'off', ''].includes(v.trim().toLowerCase()));

const schema = z.object({
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().positive().default(3000),
  FTP_HOST: z.string().default('127.0.0.1'),
  FTP_PORT: z.coerce.number().int().positive().default(2121),
  FTP_PASV_MIN: z.coerce.number().int().positive().default(30000),
  FTP_PASV_MAX: z.coerce.number().int().positive().default(30049),
  FTP_PASV_URL: z.string().optional(),
  DEMO: flagDefaultOn,
  TZ_DISPLAY: z.string().default('Asia/Ho_Chi_Minh'),
  AUTH_SECRET: z.string().optional(),
  NEXTAUTH_SECRET: z.string().optional(),
  NEXTAUTH_URL: z.string().optional(),
  /** Largest accepted data file in bytes (DOMAIN.md §2, default 1 MiB). */
  INGEST_MAX_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  /** A reading time further ahead than this is stored but flagged clock_ahead. */
  CLOCK_AHEAD_MINUTES: z.coerce.number().int().nonnegative().default(10),
  /** Optional raster tile URL template for deployments with internet; the offline GeoJSON basemap is the default. */
  MAP_TILE_URL: z.string().optional(),
  /** Port of the embedded PostgreSQL started when DATABASE_URL is unset. */
  EMBEDDED_PG_PORT: z.coerce.number().int().positive().default(54329),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type Env = z.infer<typeof schema> & { dataDir: string };

let cached: Env | undefined;

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.parse(source);
  return { ...parsed, dataDir: path.resolve(parsed.DATA_DIR) };
}

/** The process-wide configuration, parsed on first use. */
export function env(): Env {
  cached ??= loadEnv();
  return cached;
}

/** Forget the parsed configuration (the launcher calls it after it has provided DATABASE_URL itself). */
export function resetEnv(): void {
  cached = undefined;
}
