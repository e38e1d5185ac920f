/**
 * The automatic sampler (Decree 08/2022 Art. 97–98): command states, the automatic trigger and the FTP command file
 * format (documented in README "Sampler commands over FTP"). Pure rules, no I/O, no clock.
 */
import { z } from 'zod';
import { formatCompactLocalTime, MINUTE_MS, parseCompactLocalTime } from '../time';

export const SAMPLER_STATES = ['queued', 'delivered', 'sampled', 'failed', 'expired'] as const;
export type SamplerState = (typeof SAMPLER_STATES)[number];
export const SAMPLER_TRIGGERS = ['manual', 'auto'] as const;
export type SamplerTrigger = (typeof SAMPLER_TRIGGERS)[number];
export const SAMPLER_RESULTS = ['sampled', 'failed'] as const;
export type SamplerResult = (typeof SAMPLER_RESULTS)[number];

/** A command not answered this long after it was queued expires. */
export const DEFAULT_COMMAND_TTL_MINUTES = 30;
export const DEFAULT_SAMPLER_COOLDOWN_MINUTES = 60;

export type SamplerSettings = { enabled: boolean; autoAfter: number; cooldownMinutes: number };

/** queued → delivered → sampled | failed | expired; a queued command may also be answered or expire directly. */
const NEXT: Record<SamplerState, readonly SamplerState[]> = {
  queued: ['delivered', 'sampled', 'failed', 'expired'],
  delivered: ['sampled', 'failed', 'expired'],
  sampled: [],
  failed: [],
  expired: [],
};

export function canMoveTo(from: SamplerState, to: SamplerState): boolean {
  return NEXT[from].includes(to);
}

export function isOpenState(s: SamplerState): boolean {
  return s === 'queued' || s === 'delivered';
}

export function commandExpiresAt(requestedAt: Date, ttlMinutes = DEFAULT_COMMAND_TTL_MINUTES): Date {
  return new Date(requestedAt.getTime() + ttlMinutes * MINUTE_MS);
}

/** Open and past its expiry (`now >= expiresAt`): expired. */
export function isExpired(c: { state: SamplerState; expiresAt: Date }, now: Date): boolean {
  return isOpenState(c.state) && now.getTime() >= c.expiresAt.getTime();
}

export type AutoDecision =
  | { queue: true }
  | { queue: false; why: 'disabled' | 'off' | 'not_enough' | 'already_queued' | 'cooldown' };

/**
 * One automatic command per exceedance episode: the sampler is enabled, `autoAfter` ≥ 1, the episode has at least
 * `autoAfter` consecutive exceeding valid values, it has no automatic command yet, and the station's last command was
 * requested at least `cooldownMinutes` before `now` (a command exactly at the cooldown boundary is allowed).
 */
export function decideAutoSample(
  settings: SamplerSettings,
  episode: { count: number; hasAutoCommand: boolean },
  lastCommandAt: Date | null,
  now: Date,
): AutoDecision {
  if (!settings.enabled) return { queue: false, why: 'disabled' };
  if (settings.autoAfter < 1) return { queue: false, why: 'off' };
  if (episode.count < settings.autoAfter) return { queue: false, why: 'not_enough' };
  if (episode.hasAutoCommand) return { queue: false, why: 'already_queued' };
  if (lastCommandAt && now.getTime() - lastCommandAt.getTime() < settings.cooldownMinutes * MINUTE_MS) {
    return { queue: false, why: 'cooldown' };
  }
  return { queue: true };
}

// ── FTP command files ──

/** `commands/<fileCode>_<id>.cmd` written by the server; the logger answers with `<same name>.result` or any `*.result`. */
export function commandFileName(fileCode: string, id: number): string {
  return `${fileCode}_${id}.cmd`;
}

export const COMMAND_FOLDER = 'commands';

export type CommandFile = { id: number; station: string; requestedAt: Date; expiresAt: Date; reason: string | null };

/** `key=value` lines, CRLF, times as local yyyyMMddHHmmss (like data file names). */
export function formatCommandFile(c: CommandFile): string {
  const lines = [
    'command=sample',
    `id=${c.id}`,
    `station=${c.station}`,
    `requested_at=${formatCompactLocalTime(c.requestedAt)}`,
    `expires_at=${formatCompactLocalTime(c.expiresAt)}`,
  ];
  if (c.reason) lines.push(`reason=${c.reason.replace(/[\r\n]+/g, ' ')}`);
  return lines.join('\r\n') + '\r\n';
}

export type ResultFile = { id: number; status: SamplerResult; bottle: number | null; sampledAt: Date | null; note: string | null };
export type ResultParse = { ok: true; value: ResultFile } | { ok: false; problem: string };

/**
 * A result file: `id=<n>` and `status=sampled|failed` required; `bottle=<1..999>`, `sampled_at=<yyyyMMddHHmmss local>`
 * and `note=<text>` optional. Keys are case-insensitive, blank lines and lines starting with `#` are ignored.
 */
export function parseResultFile(text: string): ResultParse {
  const kv = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) return { ok: false, problem: `not key=value: ${line.slice(0, 40)}` };
    kv.set(line.slice(0, eq).trim().toLowerCase(), line.slice(eq + 1).trim());
  }
  const id = Number(kv.get('id'));
  if (!Number.isInteger(id) || id <= 0) return { ok: false, problem: 'id missing or not a positive integer' };
  const status = (kv.get('status') ?? '').toLowerCase();
  if (status !== 'sampled' && status !== 'failed') return { ok: false, problem: 'status must be sampled or failed' };
  let bottle: number | null = null;
  if (kv.has('bottle') && kv.get('bottle') !== '') {
    bottle = Number(kv.get('bottle'));
    if (!Number.isInteger(bottle) || bottle < 1 || bottle > 999) return { ok: false, problem: 'bottle must be 1..999' };
  }
  let sampledAt: Date | null = null;
  const at = kv.get('sampled_at');
  if (at) {
    sampledAt = /^\d{14}$/.test(at) ? parseCompactLocalTime(at) : null;
    if (!sampledAt) return { ok: false, problem: 'sampled_at must be yyyyMMddHHmmss' };
  }
  const note = kv.get('note') || null;
  return { ok: true, value: { id, status, bottle, sampledAt, note: note ? note.slice(0, 500) : null } };
}

// ── settings ──

/** `sampler` station setting; autoAfter = N consecutive valid exceeding values that queue a sample (0 = off). */
export const samplerSettingsInput = z.object({
  enabled: z.boolean(),
  autoAfter: z.number().int().min(0).max(1000).optional().describe('0 = no automatic sample (default)'),
  cooldownMinutes: z.number().int().min(0).max(10080).optional().describe(`default ${DEFAULT_SAMPLER_COOLDOWN_MINUTES}`),
});
export type SamplerSettingsInput = z.infer<typeof samplerSettingsInput>;
