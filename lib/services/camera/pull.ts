import { listSnapshotStations, markSnapshotPulled, type SnapshotStation } from '../../db/camera-images';
import { findStationByCode } from '../../db/stations';
import { imageMimeFromContentType, isPullDue, MAX_IMAGE_BYTES } from '../../domain/camera';
import { formatCompactLocalTime } from '../../domain/time';
import { storeImage, type StoreImageResult } from './store';

export type PullOptions = { dataDir: string; timeoutMs: number; maxBytes?: number; log?: (line: string) => void };

export type PullOutcome =
  | { station: string; status: 'stored'; result: StoreImageResult }
  | { station: string; status: 'failed'; error: string };

/** Reads a response body up to `maxBytes`; throws once it grows past it (the camera cannot make us hold more). */
async function readCapped(res: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw new Error(`snapshot larger than ${maxBytes} bytes`);
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new Error(`snapshot larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Fetches one station's snapshot: HTTP 200 with an image Content-Type within the timeout and size cap, then kept as
 * an image (magic bytes must match the Content-Type). A failed pull is reported, not stored.
 */
export async function pullSnapshot(s: SnapshotStation, now: Date, opts: PullOptions): Promise<PullOutcome> {
  const maxBytes = opts.maxBytes ?? MAX_IMAGE_BYTES;
  try {
    const res = await fetch(s.snapshotUrl, { signal: AbortSignal.timeout(opts.timeoutMs), redirect: 'error' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const mime = imageMimeFromContentType(res.headers.get('content-type'));
    if (!mime) throw new Error(`content type ${res.headers.get('content-type') ?? '(none)'} is not an image`);
    const bytes = await readCapped(res, maxBytes);
    const station = await findStationByCode(s.code);
    if (!station) throw new Error('station vanished');
    const ext = mime === 'image/png' ? 'png' : 'jpg';
    const result = await storeImage({
      bytes,
      name: `PULL_${s.fileCode}_${formatCompactLocalTime(now)}.${ext}`,
      source: 'pull',
      account: null,
      remoteAddress: new URL(s.snapshotUrl).host,
      receivedAt: now,
      station,
      announcedMime: mime,
      dataDir: opts.dataDir,
      maxBytes,
    });
    return { station: s.code, status: 'stored', result };
  } catch (e) {
    const error = e instanceof Error ? (e.name === 'TimeoutError' ? `timed out after ${opts.timeoutMs} ms` : e.message) : String(e);
    return { station: s.code, status: 'failed', error };
  }
}

/** Pulls every station whose snapshot is due (camera.intervalMinutes since its last attempt). */
export async function pullDueSnapshots(now: Date, opts: PullOptions): Promise<PullOutcome[]> {
  const due = (await listSnapshotStations()).filter((s) => isPullDue(s.lastPullAt, s.intervalMinutes, now));
  const out: PullOutcome[] = [];
  for (const s of due) {
    // The attempt counts even when it fails: a dead camera is retried at its interval, not every minute.
    await markSnapshotPulled(s.id, now);
    const r = await pullSnapshot(s, now, opts);
    if (r.status === 'failed') opts.log?.(`camera: snapshot of ${s.code} failed: ${r.error}`);
    else if (r.result.outcome === 'rejected') opts.log?.(`camera: snapshot of ${s.code} refused: ${r.result.reasons.join('; ')}`);
    out.push(r);
  }
  return out;
}
