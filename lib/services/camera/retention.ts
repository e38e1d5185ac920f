import { unlink } from 'node:fs/promises';
import { purgeCameraImages } from '../../db/camera-images';
import { ALERT_LINK_MARGIN_MINUTES, retentionCutoff } from '../../domain/camera';
import { rawFilePath } from '../ingest';

/**
 * Purges images older than `retentionDays` (their thumbnails, and their bytes when nothing else uses them); images
 * within ALERT_LINK_MARGIN_MINUTES of an alert episode of their station are kept whatever their age. The image and
 * ledger rows stay (purged_at), so `ledger verify` knows why those bytes are gone.
 */
export async function purgeOldImages(now: Date, retentionDays: number, dataDir: string): Promise<{ purged: number; filesRemoved: number }> {
  let purged = 0;
  let filesRemoved = 0;
  for (;;) {
    const r = await purgeCameraImages(retentionCutoff(now, retentionDays), ALERT_LINK_MARGIN_MINUTES, now);
    purged += r.purged;
    for (const sha of r.freeShas) {
      await unlink(rawFilePath(sha, dataDir)).then(
        () => filesRemoved++,
        () => undefined,
      );
    }
    if (r.purged < 1000) break;
  }
  return { purged, filesRemoved };
}
