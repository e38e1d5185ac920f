import path from 'node:path';
import { z } from 'zod';
import { LOCAL_TIME_ZONE } from './domain/time';
import { parseIpRanges } from './domain/security/client-address';

/**
 * All configuration, parsed once. Names and defaults are fixed by the public contract (shared/API.md).
 * Nothing else reads process.env.
 */
/** A flag that is on unless set to 0/false/no/off. */
const flagDefaultOn = z
  .string()
  .optional()
  .transform((v) => v === undefined || !['0', 'false', 'no', 'off', ''].includes(v.trim().toLowerCase()));

/** A flag that is off unless set to 1/true/yes/on. */
const flagDefaultOff = z
  .string()
  .optional()
  .transform((v) => v !== undefined && ['1', 'true', 'yes', 'on'].includes(v.trim().toLowerCase()));

const schema = z.object({
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().positive().default(3000),
  /** Where the server reaches its own pages (report PDFs); default http://HOST:PORT, never the caller's Host header. */
  INTERNAL_URL: z.string().url().optional(),
  FTP_HOST: z.string().default('127.0.0.1'),
  FTP_PORT: z.coerce.number().int().positive().default(2121),
  FTP_PASV_MIN: z.coerce.number().int().positive().default(30000),
  FTP_PASV_MAX: z.coerce.number().int().positive().default(30049),
  FTP_PASV_URL: z.string().optional(),
  DEMO: flagDefaultOn,
  /**
   * Display and file-time zone (API.md). Local time is the fixed UTC+7 of lib/domain/time, so only Vietnam's zone (or
   * its old alias) is accepted: another zone would make file times and screens disagree.
   */
  TZ_DISPLAY: z
    .enum([LOCAL_TIME_ZONE, 'Asia/Saigon'])
    .default(LOCAL_TIME_ZONE)
    .transform(() => LOCAL_TIME_ZONE),
  AUTH_SECRET: z.string().optional(),
  NEXTAUTH_SECRET: z.string().optional(),
  NEXTAUTH_URL: z.string().optional(),
  /**
   * Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (comma-separated IPs or CIDR ranges, e.g.
   * `127.0.0.1,10.0.0.0/8`); empty = none: the socket's peer is the client.
   */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .refine((v) => {
      try {
        parseIpRanges(v);
        return true;
      } catch {
        return false;
      }
    }, 'TRUSTED_PROXIES: comma-separated IP addresses or CIDR ranges'),
  /** Largest accepted data file in bytes (DOMAIN.md §2, default 1 MiB). */
  INGEST_MAX_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  /** A reading time further ahead than this is stored but flagged clock_ahead. */
  CLOCK_AHEAD_MINUTES: z.coerce.number().int().nonnegative().default(10),
  /** Optional raster tile URL template for deployments with internet; the offline GeoJSON basemap is the default. */
  MAP_TILE_URL: z.string().optional(),
  /** Credit line of that tile server (HTML allowed), shown in the map's corner when its layer is on. */
  MAP_TILE_ATTRIBUTION: z.string().optional(),
  /** Station state colours as JSON over the DOMAIN.md §7 defaults, e.g. {"good":"#1DCE6C"}. */
  STATION_STATE_COLORS: z.string().optional(),
  /**
   * Port of the embedded PostgreSQL started when DATABASE_URL is unset. Unset (the default): each DATA_DIR's own port,
   * a free one from 54329 up chosen at its first start and remembered in DATA_DIR/pg-port.
   */
  EMBEDDED_PG_PORT: z.coerce.number().int().positive().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Public page and anonymous AQI/WQI API: only hours ending at least this many minutes ago are published. */
  PUBLIC_DELAY_MINUTES: z.coerce.number().int().nonnegative().default(60),
  /** Forwarding: AES-256-GCM key (base64, 32 bytes) for target passwords; unset = generated into DATA_DIR/forward-key. */
  FORWARD_SECRET_KEY: z.string().optional(),
  /** Forwarding: parallel FTP sessions per target. */
  FORWARD_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  /** Forwarding: a claimed job not finished within this many seconds (worker killed) is retried by another. */
  FORWARD_LEASE_SECONDS: z.coerce.number().positive().default(300),
  /** Forwarding: first retry delay in seconds after a failed upload, doubling up to FORWARD_RETRY_MAX_SECONDS. */
  FORWARD_RETRY_BASE_SECONDS: z.coerce.number().positive().default(30),
  FORWARD_RETRY_MAX_SECONDS: z.coerce.number().positive().default(3600),
  /** Notifications (alertsui): SMTP server for e-mail; unset SMTP_HOST = e-mail notifications fail with a reason. */
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().positive().default(25),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_FROM: z.string().default('Quan Trắc <no-reply@quantrac.local>'),
  SMTP_SECURE: z.string().optional().transform((v) => ['1', 'true', 'yes', 'on'].includes((v ?? '').trim().toLowerCase())),
  /** No storms: a repeat of an open alert is notified again only after this many minutes. */
  NOTIFY_REPEAT_MINUTES: z.coerce.number().int().nonnegative().default(60),
  /** Alert episodes (DOMAIN.md §8): clear time, confirming run, approaching minimum duration, historical threshold. */
  ALERT_CLEAR_MINUTES: z.coerce.number().int().nonnegative().default(30),
  ALERT_CONFIRM_RUN: z.coerce.number().int().positive().default(3),
  ALERT_APPROACHING_MIN_MINUTES: z.coerce.number().int().nonnegative().default(15),
  ALERT_HISTORICAL_HOURS: z.coerce.number().positive().default(24),
  /** Per station kind overrides, JSON: {"emission":{"clearMinutes":60,"confirmRun":2,"approachingMinMinutes":30}}. */
  ALERT_EPISODES_BY_KIND: z.string().optional().transform((v) => v?.trim() || undefined),
  /** Digest window: e-mails and webhook calls of a burst reach each recipient as one message per window. */
  NOTIFY_DIGEST_MINUTES: z.coerce.number().int().nonnegative().default(10),
  /** Trend warnings (wastewater, emission): a valid trend reaching the limit within this many minutes opens one. */
  TREND_WARNING_HORIZON_MINUTES: z.coerce.number().int().positive().default(120),
  /** A trend warning resolves after no heading trend has been seen for this many minutes (DOMAIN.md §8 clear time). */
  TREND_WARNING_CLEAR_MINUTES: z.coerce.number().int().nonnegative().default(30),
  /** Optional global webhook that receives every alert notification (SMS gateway, chat). */
  WEBHOOK_URL: z.string().optional().transform((v) => v?.trim() || undefined),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  /** Delivery attempts per notification before it is marked failed (back-off 1, 2, 4 … minutes). */
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().positive().default(6),
  /** Watched folder (DOMAIN.md §2: a department's own FTP server writes here); unset = off. */
  WATCH_DIR: z.string().optional(),
  WATCH_POLL_MS: z.coerce.number().int().positive().default(2000),
  /** 1: delete watched files after ingest instead of moving them to WATCH_DIR/.done/. */
  WATCH_DELETE: z.string().optional().transform((v) => v !== undefined && ['1', 'true', 'yes', 'on'].includes(v.trim().toLowerCase())),
  /** PEM certificate and key paths: both set = explicit FTPS (AUTH TLS) on the FTP receiver. */
  FTP_TLS_CERT: z.string().optional(),
  FTP_TLS_KEY: z.string().optional(),
  /** With FTP_TLS_CERT/KEY: also serve implicit FTPS (TLS from the first byte) on this port; unset = off. */
  FTPS_IMPLICIT_PORT: z.coerce.number().int().positive().optional(),
  /** First retry delay for a spooled file whose ingest failed (database down), doubling up to an hour. */
  INGEST_RETRY_MS: z.coerce.number().int().positive().default(30_000),
  /**
   * 1: FTP uploads are ingested on a dedicated thread (worker_threads); off (the default): on the receiver's own
   * thread, which on 2 cores measured cheaper per file (README).
   */
  INGEST_THREAD: flagDefaultOff,
  /** The FTP receiver refuses uploads (452) while the spool's disk has this many MB free or fewer; 0 turns it off. */
  SPOOL_MIN_FREE_MB: z.coerce.number().min(0).default(64),
  /** A job claimed by a worker that died is claimed again after this many seconds (recomputation is idempotent). */
  JOB_LOCK_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(600),
  /** Folder of pg_dump / pg_restore for backups when they are not on PATH (must be at least the server's version). */
  PG_BIN_DIR: z.string().optional(),
  /** Share of expected readings that must be valid for a complete average (DOMAIN.md §5: 9 of 12, 18 of 24). */
  AVERAGE_COMPLETE_RATIO: z.coerce.number().gt(0).max(1).default(0.75),
  /** Receipt/valid rate below which a KPI row is flagged (DOMAIN.md §7, default 80 %). */
  KPI_THRESHOLD: z.coerce.number().gt(0).max(1).default(0.8),
  /** Reports: the administrative header (left block) and the place in the date line of printed reports. */
  REPORT_DEPARTMENT: z.string().default('SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH BẮC NINH'),
  REPORT_UNIT: z.string().default('TRUNG TÂM QUAN TRẮC MÔI TRƯỜNG'),
  REPORT_PLACE: z.string().default('Bắc Ninh'),
  /** Demo network: the department facility's name (today's map: Bắc Giang merged into Bắc Ninh on 1 July 2025). */
  DEMO_DEPARTMENT: z.string().default('Sở Nông nghiệp và Môi trường Bắc Ninh'),
  /** Reports: Chromium used to render PDFs server-side (Debian's package path by default). */
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  /** Monthly report e-mail: day of month (1–28) and hour (0–23, Asia/Ho_Chi_Minh) from which last month's reports go out. */
  MONTHLY_REPORT_DAY: z.coerce.number().int().min(1).max(28).default(1),
  MONTHLY_REPORT_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** Camera images (issue #21): days kept (images near an alert are never purged), snapshot pull timeout and size cap. */
  CAMERA_RETENTION_DAYS: z.coerce.number().int().positive().default(90),
  CAMERA_PULL_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  CAMERA_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  /** Sampler commands not answered within this many minutes expire. */
  SAMPLER_COMMAND_TTL_MINUTES: z.coerce.number().int().positive().default(30),
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
