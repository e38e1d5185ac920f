import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { ROLES } from '@/lib/db/users';
import { authenticateUser } from '@/lib/services/accounts';
import { clearLoginFailures, endAllSessions, isSessionCurrent, loginRetryAfterMs, recordLoginFailure } from '@/lib/services/accounts';
import { authSecret } from './secret';
import { requestClientAddress } from '@/server/http/client';

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

const roleSchema = z.enum(ROLES);

/** A working day plus margin: operators on shift stay signed in, a forgotten session expires overnight. */
const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'credentials',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(raw, req) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        // Slow guessing down per (account, address) and per address; the address is the socket peer unless a
        // TRUSTED_PROXIES hop forwarded it. Never a lock on the account itself (security round 2).
        const address = requestClientAddress(req?.headers);
        const now = Date.now();
        if (loginRetryAfterMs(parsed.data.email, address, now) > 0) return null;
        const user = await authenticateUser(parsed.data.email, parsed.data.password);
        if (!user) {
          recordLoginFailure(parsed.data.email, address, now);
          return null;
        }
        clearLoginFailures(parsed.data.email, address);
        return { id: String(user.id), email: user.email, name: user.name, role: user.role, facilityId: user.facilityId, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  events: {
    async signOut({ token }) {
      // Signing out ends every session of the user, including copies of this cookie.
      if (token?.uid) await endAllSessions(token.uid);
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      // `user` is present only right after sign-in; afterwards the token carries the claims.
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.facilityId = user.facilityId;
        token.name = user.name;
        token.email = user.email;
        token.sv = user.sessionVersion;
        return token;
      }
      // Every later read checks the version: after sign-out, a password or role change or deactivation the saved
      // cookie is worthless (next-auth answers an empty session and clears the cookie when this throws).
      if (!(await isSessionCurrent(token.uid ?? 0, token.sv))) throw new Error('session ended');
      return token;
    },
    session({ session, token }) {
      const role = roleSchema.safeParse(token.role);
      session.user = {
        id: token.uid ?? 0,
        email: token.email ?? '',
        name: token.name ?? '',
        role: role.success ? role.data : 'facility',
        facilityId: token.facilityId ?? null,
      };
      return session;
    },
  },
};
