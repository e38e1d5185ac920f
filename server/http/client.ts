import 'server-only';
import { env } from '@/lib/env';
import { clientAddress, isHttpsRequest, parseIpRanges, type IpRange } from '@/lib/domain/security/client-address';

/**
 * The socket peer of each request, written by scripts/peer-address.cjs (preloaded into `next start` by the launcher)
 * over whatever the client sent under that name. Without it (a bare `next start`) the client is 'unknown' and no
 * forwarded header is believed.
 */
export const PEER_HEADER = 'x-quantrac-peer';

let trusted: { list: string; ranges: IpRange[] } | undefined;
function trustedProxies(): IpRange[] {
  const list = env().TRUSTED_PROXIES;
  if (trusted?.list !== list) trusted = { list, ranges: parseIpRanges(list) };
  return trusted.ranges;
}

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(h: HeaderBag | undefined, name: string): string | null {
  if (!h) return null;
  if (h instanceof Headers) return h.get(name);
  const v = h[name];
  return Array.isArray(v) ? v.join(',') : (v ?? null);
}

/** The client's address for throttle keys and the ledger: X-Forwarded-For only from TRUSTED_PROXIES. */
export function requestClientAddress(h: HeaderBag | undefined): string {
  return clientAddress(header(h, PEER_HEADER), header(h, 'x-forwarded-for'), trustedProxies());
}

/** Served over https: directly, or behind a trusted proxy that says so. */
export function requestIsHttps(h: HeaderBag | undefined): boolean {
  return isHttpsRequest(header(h, PEER_HEADER), header(h, 'x-forwarded-proto'), false, trustedProxies());
}
