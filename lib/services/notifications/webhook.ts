/**
 * Webhook delivery: one JSON POST with a timeout. Anything but a 2xx answer is an error for the caller's retry
 * logic; network errors and timeouts never throw past the result.
 */
export type WebhookResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

export async function postWebhook(url: string, body: unknown, opts: { timeoutMs: number }): Promise<WebhookResult> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: null, error: `invalid webhook URL` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, status: null, error: 'webhook URL must be http(s)' };
  try {
    const res = await fetch(parsed, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'QuanTrac-Notifier/1' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(opts.timeoutMs),
      redirect: 'manual',
    });
    // Drain the body so the connection can be reused.
    await res.arrayBuffer().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status };
    return { ok: false, status: res.status, error: `HTTP ${res.status}` };
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') return { ok: false, status: null, error: `timeout after ${opts.timeoutMs} ms` };
    return { ok: false, status: null, error: e instanceof Error ? e.message : String(e) };
  }
}
