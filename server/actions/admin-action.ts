import 'server-only';
import type { AdminActor } from '@/lib/services/accounts';
import { fail, type AdminActionState } from './admin-result';
import { formAction } from './form';

/**
 * An admin form action: every other role gets FORBIDDEN and a signed-out caller UNAUTHORIZED before `body` runs;
 * `body` gets the admin as the services want it, and anything thrown (validation, service errors) becomes the form state.
 */
export function adminAction(
  body: (actor: AdminActor, fd: FormData) => Promise<AdminActionState>,
): (prev: AdminActionState, fd: FormData) => Promise<AdminActionState> {
  return formAction(['admin'], fail, (user, fd) => body({ email: user.email, role: user.role }, fd));
}
