/**
 * Steps run for each 'derived' job ({stationId, from, to}: one recomputed hour, ISO), in order, by worker/jobs/derived.ts.
 * The 'recompute' job (QC flags + averages) enqueues 'derived' after each hour it recomputes.
 * AQI ENGINEER: your step (worker/jobs/aqi-step.ts aqiDerivedStep) is registered below; change that entry as you need.
 * Other areas: add one import + one entry. A failing step fails the job (retried with back-off): keep steps idempotent.
 */
import { evaluateStationHour } from '../../lib/services/alerts';
import type { JobContext } from '../job-loop';
import { aqiDerivedStep } from './aqi-step';

export type DerivedPayload = { stationId: number; from: Date; to: Date };
export type DerivedStep = { name: string; run: (payload: DerivedPayload, ctx: JobContext) => Promise<void> };

const HOUR_MS = 3_600_000;

export const derivedSteps: DerivedStep[] = [
  {
    name: 'alerts',
    run: async (p, ctx) => {
      // One hour per job normally; a wider payload is walked hour by hour (oldest first, so runs and clearings keep order).
      const first = Math.ceil(p.from.getTime() / HOUR_MS) * HOUR_MS + (p.from.getTime() % HOUR_MS === 0 ? HOUR_MS : 0);
      const last = Math.ceil(p.to.getTime() / HOUR_MS) * HOUR_MS;
      for (let end = Math.min(first, last); end <= last; end += HOUR_MS) {
        await evaluateStationHour({ stationId: p.stationId, from: new Date(end - HOUR_MS), to: new Date(end), now: ctx.now() });
      }
    },
  },
  {
    name: 'aqi',
    run: (p, ctx) => aqiDerivedStep({ stationId: p.stationId, from: p.from.toISOString(), to: p.to.toISOString() }, ctx),
  },
];
