'use server';
import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { isAppError } from '@/lib/errors';
import { createOverlayInput, createOverlayService, revokeOverlayService } from '@/lib/services/qc';
import { recomputeRequestInput, requestRecomputeService, updateQcSettingsInput, updateQcSettingsService } from '@/lib/services/qc';
import type { SessionUser } from '@/server/auth/session';
import { OVERLAY_ROLES } from '@/server/queries/qc';
import { scopeFor } from '@/lib/services/stations';
import { formAction, issuesText, text } from './form';

/** QC mutations from the UI. Each is a public POST: authorise, validate with zod, one service call, map errors, revalidate. */
/** Same shape as components/qc/types.ts QcFormState (components may not import server/, nor server/ components). */
export type QcActionState = { ok: boolean; error: string | null; message?: string; at?: number };

const actor = (u: SessionUser) => `user:${u.email}`;
const code = z.string().trim().min(1).max(64);

function fail(e: unknown): QcActionState {
  if (e instanceof z.ZodError) return { ok: false, error: issuesText(e), at: Date.now() };
  if (isAppError(e)) return { ok: false, error: e.code, message: e.message, at: Date.now() };
  console.error('qc action failed', e);
  return { ok: false, error: 'INTERNAL', at: Date.now() };
}

/** Create an overlay from the form: station, parameters (checkboxes; none = all), from, to (local), action, reason. */
export const createOverlayAction = formAction<QcActionState>(OVERLAY_ROLES, fail, async (user, form) => {
  const station = code.parse(text(form, 'station'));
  const input = createOverlayInput.parse({
    parameters: form.getAll('parameters').filter((p): p is string => typeof p === 'string' && p !== ''),
    from: text(form, 'from'),
    to: text(form, 'to'),
    action: text(form, 'action'),
    reason: text(form, 'reason') ?? '',
  });
  await createOverlayService(station, scopeFor(user), input, actor(user));
  revalidatePath(`/qc/${station}`);
  return { ok: true, error: null, at: Date.now() };
});

export const revokeOverlayAction = formAction<QcActionState>(OVERLAY_ROLES, fail, async (user, form) => {
  const station = code.parse(text(form, 'station'));
  const id = z.coerce.number().int().positive().parse(text(form, 'id'));
  await revokeOverlayService(station, scopeFor(user), id, actor(user));
  revalidatePath(`/qc/${station}`);
  return { ok: true, error: null, at: Date.now() };
});

const optionalNumber = (f: FormData, k: string) => {
  const v = text(f, k);
  if (v === undefined) return undefined;
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) ? n : Number.NaN;
};

/**
 * Save one parameter's QC override (admin). Empty fields fall back to the registry default; "reset" clears the override.
 * Fields: failMin/failMax, suspectMin/suspectMax, flatTolerance, flatSuspectMinutes, flatFailMinutes, spikeSuspect/spikeFail,
 * rocSuspect/rocFail, zeroImplausible (on/off/default).
 */
export const updateQcSettingsAction = formAction<QcActionState>(['admin'], fail, async (user, form) => {
  const station = code.parse(text(form, 'station'));
  const parameter = text(form, 'parameter') ?? '';
  let override: Record<string, unknown> | null = null;
  if (text(form, 'reset') === undefined) {
    const o: Record<string, unknown> = {};
    const pair = (a: string, b: string, key: string) => {
      const lo = optionalNumber(form, a);
      const hi = optionalNumber(form, b);
      if (lo !== undefined || hi !== undefined) o[key] = [lo ?? Number.NaN, hi ?? Number.NaN];
    };
    pair('failMin', 'failMax', 'failSpan');
    pair('suspectMin', 'suspectMax', 'suspectSpan');
    pair('spikeSuspect', 'spikeFail', 'spike');
    for (const [field, key] of [
      ['flatTolerance', 'flatTolerance'],
      ['flatSuspectMinutes', 'flatSuspectMinutes'],
      ['flatFailMinutes', 'flatFailMinutes'],
      ['rocSuspect', 'rateOfChangePerMinute'],
      ['rocFail', 'rateOfChangeFailPerMinute'],
    ] as const) {
      const n = optionalNumber(form, field);
      if (n !== undefined) o[key] = n;
    }
    const zero = text(form, 'zeroImplausible');
    if (zero === 'on' || zero === 'off') o.zeroImplausible = zero === 'on';
    override = Object.keys(o).length > 0 ? o : null;
  }
  const input = updateQcSettingsInput.parse({ parameter, override });
  await updateQcSettingsService(station, scopeFor(user), input, actor(user));
  revalidatePath(`/qc/${station}`);
  return { ok: true, error: null, at: Date.now() };
});

export const requestRecomputeAction = formAction<QcActionState>(['admin'], fail, async (user, form) => {
  const station = code.parse(text(form, 'station'));
  const input = recomputeRequestInput.parse({ from: text(form, 'from'), to: text(form, 'to') });
  const r = await requestRecomputeService(station, scopeFor(user), input, actor(user));
  revalidatePath(`/qc/${station}`);
  return { ok: true, error: null, message: String(r.pending), at: Date.now() };
});
