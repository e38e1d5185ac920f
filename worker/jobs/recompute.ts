/** 'recompute' jobs (enqueued by ingest, overlays and QC settings): QC flags and stored averages of a station period. */
import { runRecomputeJob } from '../../lib/services/qc';
import type { JobHandler } from '../job-loop';

export const recomputeJobHandler: JobHandler = async (payload, ctx) => {
  const stats = await runRecomputeJob(payload, { log: ctx.log });
  // A coalesced backlog is worth a line; single live hours are not.
  if (stats && stats.to.getTime() - stats.from.getTime() > 3_600_000) {
    ctx.log(
      `recompute: station ${JSON.stringify((payload as { stationId?: unknown }).stationId)} ${stats.from.toISOString()}…${stats.to.toISOString()}: ` +
        `${stats.readings} readings, ${stats.flagsChanged} flags changed, ${stats.hours} hours, ${stats.days} days`,
    );
  }
};
