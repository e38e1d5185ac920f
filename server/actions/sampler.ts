'use server';
import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { SamplerActionResult } from '@/lib/dto/camera';
import { isAppError } from '@/lib/errors';
import { queueSampleService } from '@/lib/services/sampler';
import { scopeFor } from '@/lib/services/stations';
import { requireActionUser } from '@/server/auth/session';


const input = z.object({
  station: z.string().trim().min(1).max(64),
  alertId: z.number().int().positive().max(2_147_483_647).nullable(),
  reason: z.string().trim().max(500).optional(),
});

/** Inspector or admin queues a sample at the station (from the station page or an alert). */
export async function queueSampleAction(raw: unknown): Promise<SamplerActionResult> {
  try {
    const user = await requireActionUser(['inspector', 'admin']);
    const parsed = input.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'VALIDATION' };
    const v = parsed.data;
    const c = await queueSampleService(v.station, scopeFor(user), { role: user.role, facilityId: user.facilityId, name: user.email, actorName: user.email }, { alertId: v.alertId, reason: v.reason || null });
    revalidatePath(`/stations/${encodeURIComponent(v.station)}`);
    if (v.alertId) revalidatePath(`/alerts/${v.alertId}`);
    return { ok: true, id: c.id };
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: e.code };
    console.error('queueSampleAction failed', e);
    return { ok: false, error: 'INTERNAL' };
  }
}
