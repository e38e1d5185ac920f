/**
 * Who is the client: the socket's peer, unless that peer is a trusted proxy (TRUSTED_PROXIES), in which case
 * X-Forwarded-For is read from the right, skipping trusted hops; the first untrusted hop is the client. An address
 * sent by anyone else is ignored (it would let a caller pick its throttle key and its ledger sender).
 */

/** An address as 16 bytes (IPv4 as IPv4-mapped IPv6), or null when not an address. */
export function parseIp(text: string): number[] | null {
  let s = text.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  const v4 = parseIpv4(s);
  if (v4) return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4];
  if (!s.includes(':')) return null;
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  const maybeV4 = parseIpv4(s.slice(lastColon + 1));
  if (maybeV4) {
    tail = maybeV4;
    s = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  const bytes: number[] = [];
  for (const g of all) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    const n = parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

function parseIpv4(s: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((n) => n <= 255) ? parts : null;
}

export type IpRange = { bytes: number[]; prefix: number };

/** `10.0.0.0/8`, `::1`, `fd00::/8`, `192.168.1.5` → ranges; throws on an entry that is not an address or range. */
export function parseIpRanges(list: string): IpRange[] {
  return list
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
    .map((entry) => {
      const [addr, bits] = entry.split('/');
      const bytes = parseIp(addr ?? '');
      if (!bytes) throw new Error(`not an IP address or range: ${entry}`);
      const isV4 = parseIpv4((addr ?? '').trim()) !== null;
      const max = isV4 ? 32 : 128;
      const n = bits === undefined ? max : Number(bits);
      if (!Number.isInteger(n) || n < 0 || n > max || (bits !== undefined && !/^\d+$/.test(bits))) throw new Error(`bad prefix length: ${entry}`);
      return { bytes, prefix: isV4 ? n + 96 : n };
    });
}

export function ipInRanges(ip: string, ranges: readonly IpRange[]): boolean {
  const b = parseIp(ip);
  if (!b) return false;
  return ranges.some((r) => {
    for (let bit = 0; bit < r.prefix; bit++) {
      const i = bit >> 3;
      const mask = 0x80 >> (bit & 7);
      if ((b[i]! & mask) !== (r.bytes[i]! & mask)) return false;
    }
    return true;
  });
}

/** The client address for throttling and the ledger; 'unknown' when the peer is not known. */
export function clientAddress(peer: string | null | undefined, forwardedFor: string | null | undefined, trusted: readonly IpRange[]): string {
  const p = peer?.trim();
  if (!p) return 'unknown';
  if (!ipInRanges(p, trusted)) return p;
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!parseIp(hop)) return p;
    if (!ipInRanges(hop, trusted)) return hop;
  }
  return hops[0] ?? p;
}

/** The request came over https: the socket itself, or X-Forwarded-Proto from a trusted proxy. */
export function isHttpsRequest(peer: string | null | undefined, forwardedProto: string | null | undefined, socketTls: boolean, trusted: readonly IpRange[]): boolean {
  if (socketTls) return true;
  const p = peer?.trim();
  if (!p || !ipInRanges(p, trusted)) return false;
  return (forwardedProto ?? '').split(',')[0]?.trim().toLowerCase() === 'https';
}

/**
 * Addresses a webhook may not reach unless an admin allow-lists them: loopback, private, link-local, carrier-grade
 * NAT, unspecified, multicast and reserved ranges (IPv4, IPv6 and IPv4-mapped IPv6 alike).
 */
export const NON_PUBLIC_RANGES: readonly IpRange[] = parseIpRanges(
  [
    '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24',
    '192.168.0.0/16', '198.18.0.0/15', '224.0.0.0/4', '240.0.0.0/4',
    '::/128', '::1/128', 'fc00::/7', 'fe80::/10', 'ff00::/8', '64:ff9b::/96',
  ].join(','),
);

export function isPublicAddress(ip: string): boolean {
  return parseIp(ip) !== null && !ipInRanges(ip, NON_PUBLIC_RANGES);
}
