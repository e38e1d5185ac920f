import { bumpSessionVersion, findActiveSessionVersion } from '../../db/users';

/**
 * Session versions (security round 2): a session JWT records the user's version at sign-in and is refused once the
 * version has moved on. Sign-out ends every session of the user, as do a password change or reset, a role change and
 * deactivation (lib/db increments the version with those updates).
 */
export async function endAllSessions(userId: number): Promise<void> {
  await bumpSessionVersion(userId);
}

/** True while the user is enabled and the token's version is the current one. */
export async function isSessionCurrent(userId: number, version: number | undefined): Promise<boolean> {
  if (!Number.isSafeInteger(userId) || userId <= 0 || version === undefined) return false;
  return (await findActiveSessionVersion(userId)) === version;
}
