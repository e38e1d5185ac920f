/**
 * Camera images (Decree 08/2022 Art. 97): file names, content checks and retention. Pure rules, no I/O.
 */
import { z } from 'zod';
import { parseFileName, type ParsedFileName } from '../file-name';
import { MINUTE_MS, DAY_MS } from '../time';

export const IMAGE_SOURCES = ['ftp', 'pull'] as const;
export type ImageSource = (typeof IMAGE_SOURCES)[number];
export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png'] as const;
export type ImageMime = (typeof IMAGE_MIME_TYPES)[number];

/** Default retention of camera images (days); images linked to an alert are never purged. */
export const DEFAULT_IMAGE_RETENTION_DAYS = 90;
/** An image this close to an alert's episode (before its start, after its end) is linked to it. */
export const ALERT_LINK_MARGIN_MINUTES = 30;
/** Largest image accepted (FTP or pull). */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

const IMAGE_EXT = /\.(jpe?g|png)$/i;

/** `.jpg`, `.jpeg`, `.png` (any case): a camera image rather than a data file. */
export function isImageFileName(name: string): boolean {
  return IMAGE_EXT.test(name);
}

/** The mime type the extension promises, or null for other names. */
export function mimeForImageName(name: string): ImageMime | null {
  const m = IMAGE_EXT.exec(name);
  if (!m) return null;
  return m[1]!.toLowerCase() === 'png' ? 'image/png' : 'image/jpeg';
}

/** Image names follow data file names (`<PROV>_<FACILITY>_<STATION>_<yyyyMMddHHmmss>.jpg`): null when not. */
export function parseImageFileName(name: string): ParsedFileName | null {
  if (!isImageFileName(name)) return null;
  const r = parseFileName(name.replace(IMAGE_EXT, '.txt'));
  return r.ok ? r.value : null;
}

/** What the first bytes say: JPEG starts FF D8 FF, PNG with its 8-byte signature; anything else is null. */
export function detectImageMime(bytes: Uint8Array): ImageMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return null;
}

export type ImageCheck = { ok: true; mime: ImageMime } | { ok: false; problem: 'empty' | 'too_large' | 'not_an_image' | 'type_mismatch' };

/**
 * An image is kept when it is not empty, at most `maxBytes`, its magic bytes are JPEG or PNG and they agree with the
 * type it was announced as (extension or Content-Type), when one was announced.
 */
export function checkImage(bytes: Uint8Array, announced: ImageMime | null, maxBytes = MAX_IMAGE_BYTES): ImageCheck {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (bytes.length > maxBytes) return { ok: false, problem: 'too_large' };
  const mime = detectImageMime(bytes);
  if (!mime) return { ok: false, problem: 'not_an_image' };
  if (announced && announced !== mime) return { ok: false, problem: 'type_mismatch' };
  return { ok: true, mime };
}

/** A Content-Type header as an image type (parameters ignored); null for anything else. */
export function imageMimeFromContentType(header: string | null | undefined): ImageMime | null {
  const t = (header ?? '').split(';')[0]!.trim().toLowerCase();
  if (t === 'image/jpeg' || t === 'image/jpg' || t === 'image/pjpeg') return 'image/jpeg';
  if (t === 'image/png') return 'image/png';
  return null;
}

/** Images taken before this instant are due for purging (unless linked to an alert). */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/** The window of an alert's episode within which images are linked to it: [opened − margin, end + margin]. */
export function alertImageWindow(
  episode: { openedAt: Date; endedAt: Date | null },
  now: Date,
  marginMinutes = ALERT_LINK_MARGIN_MINUTES,
): { from: Date; to: Date } {
  const end = episode.endedAt ?? now;
  return { from: new Date(episode.openedAt.getTime() - marginMinutes * MINUTE_MS), to: new Date(end.getTime() + marginMinutes * MINUTE_MS) };
}

/** A pull is due when none happened yet or `intervalMinutes` have passed since the last one. */
export function isPullDue(lastPullAt: Date | null, intervalMinutes: number, now: Date): boolean {
  return lastPullAt === null || now.getTime() - lastPullAt.getTime() >= intervalMinutes * MINUTE_MS;
}

/** The frame nearest to `at` among times (ties: the earlier one); null when there is none. */
export function nearestFrame<T extends { time: Date }>(frames: readonly T[], at: Date): T | null {
  let best: T | null = null;
  let bestDiff = Infinity;
  for (const f of frames) {
    const d = Math.abs(f.time.getTime() - at.getTime());
    if (d < bestDiff || (d === bestDiff && best !== null && f.time < best.time)) {
      best = f;
      bestDiff = d;
    }
  }
  return best;
}

// ── settings (admins only) ──

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), { message: 'must be an http(s) URL' });

/** `camera` station setting: snapshot URL pulled every intervalMinutes, live-view link. Empty/null clears a URL. */
export const cameraSettingsInput = z.object({
  snapshotUrl: z.union([httpUrl, z.literal(''), z.null()]).optional().describe('pulled by the worker every intervalMinutes (admins only)'),
  streamUrl: z.union([httpUrl, z.literal(''), z.null()]).optional().describe('live view link shown on the station page'),
  intervalMinutes: z.number().int().min(1).max(1440).optional().describe('default 15'),
});
export type CameraSettingsInput = z.infer<typeof cameraSettingsInput>;
export const DEFAULT_PULL_INTERVAL_MINUTES = 15;
