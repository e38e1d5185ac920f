import type { Role } from '../../db/users';
import { AppError } from '../../errors';

/** Who performs an admin change; the services check the role again so no caller can skip it. */
export type AdminActor = { email: string; role: Role };

/** FORBIDDEN unless the actor is an admin; returns the name the audit log records. */
export function assertAdmin(actor: AdminActor): string {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN', 'only admins manage facilities, stations and accounts');
  return `user:${actor.email}`;
}
