import 'server-only';
import { fail, type AdminActionState } from './admin-result';

/**
 * The frame of an admin form action: runs its body and turns anything thrown (UNAUTHORIZED / FORBIDDEN from the role
 * check, validation, service errors) into the form state. The body still does its own role check, first.
 */
export async function runAdminAction(body: () => Promise<AdminActionState>): Promise<AdminActionState> {
  try {
    return await body();
  } catch (e) {
    return fail(e);
  }
}
