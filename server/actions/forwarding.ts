'use server';
import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { localDayBounds, parseLocalDate } from '@/lib/domain/time';
import { createTargetInput, createTargetService, resendService, updateTargetService } from '@/lib/services/forwarding';
import { requireActionUser } from '@/server/auth/session';
import { formAction, toFormFailure, type FormFailure } from './form';

/** Results the forwarding forms show: a message key with its details, never a stack trace. */
export type ForwardingActionResult =
  | { ok: true; count?: number }
  | FormFailure
  | null;

function toError(e: unknown): ForwardingActionResult {
  return toFormFailure(e, 'forwarding action', (a) => a.message);
}

/** A non-blank field as typed (not trimmed: the schemas trim what they should; an FTP user name keeps its spaces). */
const text = (fd: FormData, k: string): string | undefined => {
  const v = fd.get(k);
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
};
const actorOf = (u: { email: string }) => `user:${u.email}`;

/** Admin: adds a target (password encrypted at rest). */
export const createForwardTargetAction = formAction<ForwardingActionResult>(['admin'], toError, async (user, fd) => {
  const input = createTargetInput.parse({
    name: text(fd, 'name'),
    protocol: text(fd, 'protocol'),
    host: text(fd, 'host'),
    port: text(fd, 'port'),
    username: text(fd, 'username'),
    password: fd.get('password') ?? '',
    rootFolder: text(fd, 'rootFolder'),
    pathTemplate: text(fd, 'pathTemplate'),
    enabled: true,
  });
  await createTargetService(input, actorOf(user));
  revalidatePath('/forwarding');
  return { ok: true };
});

/** Admin: switches a target on or off. */
export async function setForwardTargetEnabledAction(id: number, enabled: boolean): Promise<ForwardingActionResult> {
  try {
    const user = await requireActionUser(['admin']);
    const input = z.object({ id: z.number().int().positive(), enabled: z.boolean() }).parse({ id, enabled });
    await updateTargetService(input.id, { enabled: input.enabled }, actorOf(user));
    revalidatePath('/forwarding');
    return { ok: true };
  } catch (e) {
    return toError(e);
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Admin/operator: queues a station's files received between two local dates (inclusive) again. */
export const resendForwardingAction = formAction<ForwardingActionResult>(['admin', 'operator'], toError, async (user, fd) => {
  const q = z
    .object({
      station: z.string().trim().min(1).max(64),
      from: z.string().regex(DAY).refine((d) => parseLocalDate(d) !== null, 'not a calendar date'),
      to: z.string().regex(DAY).refine((d) => parseLocalDate(d) !== null, 'not a calendar date'),
      target: z.coerce.number().int().positive().optional(),
    })
    .parse({ station: text(fd, 'station'), from: text(fd, 'from'), to: text(fd, 'to'), target: text(fd, 'target') });
  const from = localDayBounds(q.from).start;
  const to = localDayBounds(q.to).end;
  const r = await resendService({ station: q.station, from, to, target: q.target }, actorOf(user));
  revalidatePath('/forwarding');
  return { ok: true, count: r.requeued };
});
