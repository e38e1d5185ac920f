import { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupAddress } from 'node:dns';
import { ipInRanges, isPublicAddress, parseIp, parseIpRanges } from '../../domain/security/client-address';

/**
 * Webhook delivery: one JSON POST with a timeout. Anything but a 2xx answer is an error for the caller's retry
 * logic; network errors and timeouts never throw past the result.
 *
 * No SSRF (security round 2): the host is resolved and every address must be public (not loopback, private or
 * link-local) unless an admin allow-listed the host or address. The check runs inside the connection's own DNS
 * lookup, so the address connected to is the address checked (no DNS rebinding between check and send).
 */
export type WebhookResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/** Admin allow-list: host names (exact, case-insensitive) and IP addresses or CIDR ranges. */
export type WebhookAllowList = readonly string[];

type Resolver = (host: string) => Promise<LookupAddress[]>;
const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (e, a) => (e ? reject(e) : resolve(a))));

function allowed(host: string, address: string, allow: WebhookAllowList): boolean {
  if (isPublicAddress(address)) return true;
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  for (const entry of allow) {
    const e = entry.trim().toLowerCase();
    if (!e) continue;
    if (e === h) return true;
    try {
      if (ipInRanges(address, parseIpRanges(e))) return true;
    } catch {
      // a host name, not a range
    }
  }
  return false;
}

/** Why this URL may not be a webhook target, or null when it may (resolves the host). */
export async function webhookTargetProblem(url: string, allow: WebhookAllowList, resolve: Resolver = systemResolver): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'invalid webhook URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'webhook URL must be http(s)';
  if (parsed.username || parsed.password) return 'webhook URL must not carry a user name or password';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = parseIp(host) ? [host] : (await resolve(host)).map((a) => a.address);
  } catch {
    return `webhook host ${host} does not resolve`;
  }
  if (addresses.length === 0) return `webhook host ${host} does not resolve`;
  const refused = addresses.find((a) => !allowed(host, a, allow));
  return refused ? `webhook host ${host} resolves to a non-public address (${refused}); an admin may allow-list it` : null;
}

export async function postWebhook(
  url: string,
  body: unknown,
  opts: { timeoutMs: number; allow?: WebhookAllowList; resolve?: Resolver; trusted?: boolean },
): Promise<WebhookResult> {
  // `trusted`: the operator's own WEBHOOK_URL (configuration, not user input) may point anywhere.
  const allow = opts.trusted ? ['0.0.0.0/0', '::/0'] : (opts.allow ?? []);
  const resolve = opts.resolve ?? systemResolver;
  const problem = await webhookTargetProblem(url, allow, resolve);
  if (problem) return { ok: false, status: null, error: problem };
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  // The connection's own lookup checks again, so what was checked is what is reached.
  const guardedLookup = (hostname: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) => {
    resolve(hostname).then(
      (list) => {
        const bad = list.find((a) => !allowed(host, a.address, allow));
        if (bad || list.length === 0) return cb(new Error(`webhook host ${hostname} resolves to a non-public address`));
        if (options.all) return cb(null, list);
        return cb(null, list[0]!.address, list[0]!.family);
      },
      (e: unknown) => cb(e),
    );
  };
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  const lib = parsed.protocol === 'https:' ? https : http;
  return new Promise<WebhookResult>((done) => {
    const req = lib.request(
      parsed,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'QuanTrac-Notifier/1', 'content-length': payload.length },
        lookup: guardedLookup as unknown as typeof dnsLookup,
        timeout: opts.timeoutMs,
      },
      (res) => {
        // Drain the body (redirects are not followed: a 3xx is a failure).
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          done(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: `HTTP ${status}` });
        });
        res.on('error', (e) => done({ ok: false, status: res.statusCode ?? null, error: e.message }));
      },
    );
    const timer = setTimeout(() => req.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })), opts.timeoutMs);
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })));
    req.on('error', (e) => done(e.name === 'TimeoutError' ? { ok: false, status: null, error: `timeout after ${opts.timeoutMs} ms` } : { ok: false, status: null, error: e.message }));
    req.on('close', () => clearTimeout(timer));
    req.end(payload);
  });
}
