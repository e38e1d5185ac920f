import type { Schedule } from '../job-loop';
import { env } from '../../lib/env';
import { pullDueSnapshots, purgeOldImages } from '../../lib/services/camera';
import { expireCommands, queueAutoSamples, syncCommandFiles } from '../../lib/services/sampler';

/** Every minute: pull the snapshots that are due (each station at its camera.intervalMinutes). */
export const cameraPullSchedule: Schedule = {
  name: 'camera-pull',
  everyMs: 60_000,
  run: async (ctx) => {
    const cfg = env();
    await pullDueSnapshots(ctx.now(), { dataDir: cfg.dataDir, timeoutMs: cfg.CAMERA_PULL_TIMEOUT_MS, maxBytes: cfg.CAMERA_MAX_BYTES, log: ctx.log });
  },
};

/** Hourly: camera images past CAMERA_RETENTION_DAYS are purged, except those near an alert. */
export const cameraRetentionSchedule: Schedule = {
  name: 'camera-retention',
  everyMs: 3_600_000,
  run: async (ctx) => {
    const cfg = env();
    const r = await purgeOldImages(ctx.now(), cfg.CAMERA_RETENTION_DAYS, cfg.dataDir);
    if (r.purged) ctx.log(`camera: ${r.purged} image(s) past retention purged (${r.filesRemoved} raw file(s) removed)`);
  },
};

/**
 * Every 20 s: expire unanswered commands, queue the automatic samples of exceedance episodes (read from open alerts,
 * idempotent), and keep the FTP command files in step with the open commands.
 */
export const samplerSchedule: Schedule = {
  name: 'sampler',
  everyMs: 20_000,
  run: async (ctx) => {
    const now = ctx.now();
    const expired = await expireCommands(now);
    const queued = await queueAutoSamples(now);
    await syncCommandFiles(env().dataDir);
    if (expired || queued.length) ctx.log(`sampler: ${queued.length} automatic command(s) queued, ${expired} expired`);
  },
};
