import { NextResponse } from 'next/server';
import type { NextFetchEvent } from 'next/server';
import { withAuth, type NextRequestWithAuth } from 'next-auth/middleware';
import { authSecret } from '@/server/auth/secret';

/**
 * Every page needs a signed-in user except /login and /public; /api/** authenticates itself (tokens, next-auth).
 * This is a first gate only: each page, query and server action checks the caller again.
 */
const guard = withAuth(
  function onAuthorized(req: NextRequestWithAuth) {
    if (req.nextUrl.pathname.startsWith('/admin') && req.nextauth.token?.role !== 'admin') {
      return NextResponse.redirect(new URL('/map', req.url));
    }
    return NextResponse.next();
  },
  {
    secret: authSecret(),
    pages: { signIn: '/login' },
    callbacks: { authorized: ({ token }) => token != null },
  },
);

export function proxy(req: NextRequestWithAuth, event: NextFetchEvent) {
  return guard(req, event);
}

export const config = {
  matcher: ['/((?!api/|api$|login|public|_next/|geo/|favicon\\.ico|icon\\.svg|robots\\.txt).*)'],
};
