/** Job 'derived': everything computed from an hour's recomputed data (alerts, AQI …); steps live in derived-steps.ts. */
import { z } from 'zod';
import type { JobContext } from '../job-loop';
import { derivedSteps, type DerivedPayload } from './derived-steps';

export const DERIVED_JOB = 'derived';

const payloadSchema = z
  .object({ stationId: z.number().int().positive(), from: z.string().min(1), to: z.string().min(1) })
  .transform((p, ctx): DerivedPayload => {
    const from = new Date(p.from);
    const to = new Date(p.to);
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to <= from) {
      ctx.addIssue({ code: 'custom', message: 'from/to must be ISO instants with from < to' });
      return z.NEVER;
    }
    return { stationId: p.stationId, from, to };
  });

/** Runs every step even when one fails, then fails the job with the collected errors (so it is retried). */
export async function derivedJob(payload: unknown, ctx: JobContext): Promise<void> {
  const p = payloadSchema.parse(payload);
  const errors: string[] = [];
  for (const step of derivedSteps) {
    try {
      await step.run(p, ctx);
    } catch (e) {
      errors.push(`${step.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (errors.length > 0) throw new Error(errors.join('; '));
}
