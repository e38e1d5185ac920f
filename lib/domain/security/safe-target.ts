/**
 * Where to go after sign-in. Only a same-site path is followed: it must start with exactly one `/` (not `//`, which a
 * browser reads as another host) and contain no backslash or control character (browsers turn `\` into `/`).
 * The path is normalised first, so `/.//evil.example` (which becomes `//evil.example`) is refused too.
 */
export const DEFAULT_AFTER_LOGIN = '/map';

export function safeTarget(callbackUrl: string | null | undefined, origin: string): string {
  if (!callbackUrl) return DEFAULT_AFTER_LOGIN;
  if (/[\\\u0000-\u001f\u007f]/.test(callbackUrl)) return DEFAULT_AFTER_LOGIN;
  let u: URL;
  let base: URL;
  try {
    base = new URL(origin);
    u = new URL(callbackUrl, base);
  } catch {
    return DEFAULT_AFTER_LOGIN;
  }
  if (u.origin !== base.origin) return DEFAULT_AFTER_LOGIN;
  const target = `${u.pathname}${u.search}${u.hash}`;
  if (!target.startsWith('/') || target.startsWith('//') || target.includes('\\')) return DEFAULT_AFTER_LOGIN;
  if (u.pathname === '/login' || u.pathname.startsWith('/login/')) return DEFAULT_AFTER_LOGIN;
  return target;
}
