/**
 * Security round 2, finding 3: a saved session cookie stops working after sign-out, a password reset, a role change
 * and deactivation. The session JWT carries users.session_version; next-auth's jwt callback (run for every
 * /api/auth/session and getServerSession) refuses a token whose version is no longer current.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JWT } from 'next-auth/jwt';
import { uid } from './api-fixtures';
import { disconnectDb } from '@/lib/db/client';
import { changeUserRoleAsAdmin, createUserService, resetUserPasswordAsAdmin, setUserActiveAsAdmin } from '@/lib/services/accounts';

const PASSWORD = 'Sessions-pass-1234';
const ADMIN = { email: 'admin@security2.test', role: 'admin' as const };

type Authorize = (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<Record<string, unknown> | null>;
type JwtCallback = (a: { token: JWT; user?: unknown }) => Promise<JWT>;
type SignOut = (m: { token: JWT }) => Promise<void>;
let authorize: Authorize;
let jwt: JwtCallback;
let signOut: SignOut;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= 'security2-test-secret';
  const { authOptions } = await import('@/server/auth/options');
  authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
  jwt = authOptions.callbacks!.jwt as unknown as JwtCallback;
  signOut = authOptions.events!.signOut as unknown as SignOut;
});

afterAll(async () => {
  await disconnectDb();
});

/** A fresh user signed in through the credentials provider: the token as the cookie would hold it. */
async function signedIn(): Promise<{ id: number; token: JWT }> {
  const email = `${uid('sess')}@security2.test`.toLowerCase();
  const u = await createUserService({ email, password: PASSWORD, role: 'operator', facilityCode: null, name: 'Session' });
  const user = await authorize({ email, password: PASSWORD }, { headers: { 'x-quantrac-peer': `198.51.100.${u.id % 250}` } });
  expect(user).not.toBeNull();
  const token = await jwt({ token: { email }, user });
  // The saved cookie works before anything happens.
  await expect(jwt({ token: { ...token } })).resolves.toMatchObject({ uid: u.id });
  return { id: u.id, token };
}

describe('session version', () => {
  it.each([
    ['sign-out', async (id: number, token: JWT) => signOut({ token: { ...token, uid: id } })],
    ['password reset by an admin', async (id: number) => void (await resetUserPasswordAsAdmin(ADMIN, id))],
    ['role change', async (id: number) => void (await changeUserRoleAsAdmin(ADMIN, id, { role: 'inspector', facilityCode: null }))],
    ['deactivation', async (id: number) => void (await setUserActiveAsAdmin(ADMIN, id, false))],
  ] as const)('a saved session is refused after %s', async (_label, act) => {
    const { id, token } = await signedIn();
    await act(id, token);
    await expect(jwt({ token: { ...token } })).rejects.toThrow();
  });

  it('a token without a version (issued before this change) is refused', async () => {
    const { token } = await signedIn();
    const { sv: _sv, ...old } = token;
    await expect(jwt({ token: old })).rejects.toThrow();
  });
});
