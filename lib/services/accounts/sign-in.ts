import { findUserCredentials, type UserRow } from '../../db/users';
import { verifyPassword } from './passwords';

/** What a signed-in user is, without the password hash. */
export type AuthenticatedUser = Omit<UserRow, 'disabledAt'>;

/**
 * Checks an e-mail and password. Returns null for an unknown e-mail, a wrong password or a disabled account, without
 * saying which (the login page shows one message for all three).
 */
export async function authenticateUser(email: string, password: string): Promise<AuthenticatedUser | null> {
  const normalized = email.trim().toLowerCase();
  if (!normalized || !password) return null;
  const user = await findUserCredentials(normalized);
  if (!user) {
    // Spend comparable time on unknown e-mails so response time does not reveal which accounts exist.
    await verifyPassword(password, '$2b$10$S3ZbvbFRVk0AbDoEiblPSO6NcnnDKJ01WpQ2S9HKibrs.mhTsLOnS');
    return null;
  }
  const ok = await verifyPassword(password, user.passwordHash);
  if (!ok || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, facilityId: user.facilityId, locale: user.locale, sessionVersion: user.sessionVersion };
}
