/** The AQI/WQI step of each 'derived' job (hour(s) whose averages changed): recompute the indices they move. */
import { z } from 'zod';
import { recomputeIndicesForChange } from '../../lib/services/aqi';

const payloadSchema = z.object({
  stationId: z.number().int().positive(),
  from: z.string().refine((s) => !Number.isNaN(Date.parse(s))),
  to: z.string().refine((s) => !Number.isNaN(Date.parse(s))),
});

export async function aqiDerivedStep(payload: unknown, ctx: { now: () => Date; log: (line: string) => void }): Promise<void> {
  const p = payloadSchema.safeParse(payload);
  if (!p.success) {
    ctx.log(`aqi: invalid derived payload ${JSON.stringify(payload)?.slice(0, 200)}; skipped`);
    return;
  }
  await recomputeIndicesForChange(p.data.stationId, new Date(p.data.from), new Date(p.data.to), ctx.now());
}
