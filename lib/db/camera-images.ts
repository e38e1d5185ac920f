/**
 * Camera images (issue #21) and the stations' camera and sampler settings. An image's ledger row (ingest_file) and its
 * camera_image row are written in one transaction under the ledger lock, so the hash chain covers every image.
 */
import type { ImageMime, ImageSource } from '../domain/camera';
import { pool } from './client';
import { insertLedgerRows, reserveLedgerIds, type LedgerFields } from './ingest-files';
import { withTransaction } from './transaction';

export type CameraImageRow = {
  id: number;
  stationId: number;
  fileId: number;
  time: Date;
  source: ImageSource;
  sha256: string;
  size: number;
  width: number;
  height: number;
  mime: ImageMime;
  purgedAt: Date | null;
};

type DbImage = {
  id: number;
  station_id: number;
  file_id: number;
  time: Date;
  source: ImageSource;
  sha256: string;
  size: number;
  width: number;
  height: number;
  mime: ImageMime;
  purged_at: Date | null;
};

const COLUMNS = 'id, station_id, file_id, time, source, sha256, size, width, height, mime, purged_at';

function toRow(r: DbImage): CameraImageRow {
  return {
    id: r.id,
    stationId: r.station_id,
    fileId: r.file_id,
    time: r.time,
    source: r.source,
    sha256: r.sha256,
    size: r.size,
    width: r.width,
    height: r.height,
    mime: r.mime,
    purgedAt: r.purged_at,
  };
}

export type NewCameraImage = Omit<CameraImageRow, 'id' | 'fileId' | 'purgedAt'> & { thumb: Buffer | null };

/**
 * Appends the ledger row and, when `image` is given, the image row that points at it. Returns the ledger id and the
 * image id (null when only a ledger row was written: a refused or duplicate image).
 */
export async function recordCameraImage(
  ledger: LedgerFields,
  image: NewCameraImage | null,
  processedAt: Date,
): Promise<{ fileId: number; imageId: number | null }> {
  return withTransaction(async (tx) => {
    const reserved = await reserveLedgerIds(tx, 1);
    await insertLedgerRows(tx, reserved, [ledger], processedAt);
    const fileId = reserved.ids[0]!;
    if (!image) return { fileId, imageId: null };
    const r = await tx.query<{ id: number }>(
      `INSERT INTO camera_image (station_id, file_id, time, source, sha256, size, width, height, mime, thumb)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [image.stationId, fileId, image.time, image.source, image.sha256, image.size, image.width, image.height, image.mime, image.thumb],
    );
    return { fileId, imageId: r.rows[0]!.id };
  });
}

/** The station's kept image with these bytes and this time (a resent upload), if any. */
export async function findCameraImageDuplicate(stationId: number, sha256: string, time: Date): Promise<CameraImageRow | null> {
  const r = await pool().query<DbImage>(
    `SELECT ${COLUMNS} FROM camera_image WHERE station_id = $1 AND sha256 = $2 AND time = $3 AND purged_at IS NULL LIMIT 1`,
    [stationId, sha256, time],
  );
  return r.rows[0] ? toRow(r.rows[0]) : null;
}

/** Kept images of a station in [from, to), newest first, paged by id below `beforeId`. */
export async function listCameraImages(q: {
  stationId: number;
  from?: Date;
  to?: Date;
  limit: number;
  before?: { time: Date; id: number };
}): Promise<CameraImageRow[]> {
  const args: unknown[] = [q.stationId];
  const where = ['station_id = $1', 'purged_at IS NULL'];
  if (q.from) where.push(`time >= $${args.push(q.from)}`);
  if (q.to) where.push(`time < $${args.push(q.to)}`);
  if (q.before) where.push(`(time, id) < ($${args.push(q.before.time)}, $${args.push(q.before.id)})`);
  const r = await pool().query<DbImage>(
    `SELECT ${COLUMNS} FROM camera_image WHERE ${where.join(' AND ')} ORDER BY time DESC, id DESC LIMIT $${args.push(q.limit)}`,
    args,
  );
  return r.rows.map(toRow);
}

/** One kept image of the station (null when absent, purged or another station's). */
export async function findCameraImage(stationId: number, id: number): Promise<CameraImageRow | null> {
  const r = await pool().query<DbImage>(`SELECT ${COLUMNS} FROM camera_image WHERE id = $1 AND station_id = $2 AND purged_at IS NULL`, [id, stationId]);
  return r.rows[0] ? toRow(r.rows[0]) : null;
}

export async function findCameraThumb(stationId: number, id: number): Promise<Buffer | null> {
  const r = await pool().query<{ thumb: Buffer | null }>(
    'SELECT thumb FROM camera_image WHERE id = $1 AND station_id = $2 AND purged_at IS NULL',
    [id, stationId],
  );
  return r.rows[0]?.thumb ?? null;
}

/**
 * Marks images taken before `cutoff` as purged (thumbnail dropped) unless an alert of the same station covers them:
 * taken within [opened_at − margin, (resolved_at or last_seen_at or now) + margin]. Returns the purged images' hashes
 * that no kept image still uses (their bytes may leave the raw store).
 */
export async function purgeCameraImages(cutoff: Date, marginMinutes: number, now: Date, batch = 1000): Promise<{ purged: number; freeShas: string[] }> {
  return withTransaction(async (tx) => {
    const r = await tx.query<{ sha256: string }>(
      `UPDATE camera_image i SET purged_at = $3, thumb = NULL
        WHERE i.id IN (
          SELECT c.id FROM camera_image c
           WHERE c.purged_at IS NULL AND c.time < $1
             AND NOT EXISTS (
               SELECT 1 FROM alert a
                WHERE a.station_id = c.station_id
                  AND c.time >= a.opened_at - make_interval(mins => $2)
                  AND c.time <= COALESCE(a.resolved_at, $3) + make_interval(mins => $2))
           ORDER BY c.id LIMIT $4)
        RETURNING i.sha256`,
      [cutoff, marginMinutes, now, batch],
    );
    const shas = [...new Set(r.rows.map((x) => x.sha256))];
    if (shas.length === 0) return { purged: 0, freeShas: [] };
    const kept = await tx.query<{ sha256: string }>(
      `SELECT DISTINCT sha256 FROM camera_image WHERE purged_at IS NULL AND sha256 = ANY($1::text[])
       UNION SELECT DISTINCT sha256 FROM ingest_file f WHERE f.sha256 = ANY($1::text[]) AND f.outcome IN ('accepted', 'partial')
         AND NOT EXISTS (SELECT 1 FROM camera_image c WHERE c.file_id = f.id)`,
      [shas],
    );
    const keep = new Set(kept.rows.map((x) => x.sha256));
    return { purged: r.rowCount ?? 0, freeShas: shas.filter((s) => !keep.has(s)) };
  });
}

/** True when the bytes belonged to images that retention purged and nothing else keeps them (the raw file may be gone). */
export async function isPurgedImageSha(sha256: string): Promise<boolean> {
  // Duplicate and refused rows of the same bytes kept no image of their own: they follow the purged image.
  const r = await pool().query<{ purged: boolean }>(
    `SELECT bool_or(c.id IS NOT NULL)
            AND bool_and(CASE WHEN c.id IS NOT NULL THEN c.purged_at IS NOT NULL ELSE f.outcome NOT IN ('accepted', 'partial') END) AS purged
       FROM ingest_file f LEFT JOIN camera_image c ON c.file_id = f.id
      WHERE f.sha256 = $1`,
    [sha256],
  );
  return r.rows[0]?.purged === true;
}

// ── station settings ──

export type CameraSettings = { snapshotUrl: string | null; streamUrl: string | null; intervalMinutes: number };
export type SamplerSettingsRow = { enabled: boolean; autoAfter: number; cooldownMinutes: number };
export type DeviceSettings = { camera: CameraSettings; sampler: SamplerSettingsRow };

type DbSettings = {
  camera_snapshot_url: string | null;
  camera_stream_url: string | null;
  camera_interval_minutes: number;
  sampler_enabled: boolean;
  sampler_auto_after: number;
  sampler_cooldown_minutes: number;
};

const toSettings = (r: DbSettings): DeviceSettings => ({
  camera: { snapshotUrl: r.camera_snapshot_url, streamUrl: r.camera_stream_url, intervalMinutes: r.camera_interval_minutes },
  sampler: { enabled: r.sampler_enabled, autoAfter: r.sampler_auto_after, cooldownMinutes: r.sampler_cooldown_minutes },
});

export async function findDeviceSettings(stationId: number): Promise<DeviceSettings | null> {
  const r = await pool().query<DbSettings>(
    `SELECT camera_snapshot_url, camera_stream_url, camera_interval_minutes, sampler_enabled, sampler_auto_after, sampler_cooldown_minutes
       FROM station WHERE id = $1`,
    [stationId],
  );
  return r.rows[0] ? toSettings(r.rows[0]) : null;
}

/** Writes the given groups of settings (a group left out keeps its values). */
export async function updateDeviceSettings(stationId: number, s: { camera?: CameraSettings; sampler?: SamplerSettingsRow }): Promise<void> {
  if (s.camera) {
    await pool().query(
      'UPDATE station SET camera_snapshot_url = $2, camera_stream_url = $3, camera_interval_minutes = $4 WHERE id = $1',
      [stationId, s.camera.snapshotUrl, s.camera.streamUrl, s.camera.intervalMinutes],
    );
  }
  if (s.sampler) {
    await pool().query(
      'UPDATE station SET sampler_enabled = $2, sampler_auto_after = $3, sampler_cooldown_minutes = $4 WHERE id = $1',
      [stationId, s.sampler.enabled, s.sampler.autoAfter, s.sampler.cooldownMinutes],
    );
  }
}

export type SnapshotStation = { id: number; code: string; fileCode: string; facilityCode: string; snapshotUrl: string; intervalMinutes: number; lastPullAt: Date | null };

/** Enabled stations with a snapshot URL. */
export async function listSnapshotStations(): Promise<SnapshotStation[]> {
  const r = await pool().query<{ id: number; code: string; file_code: string; facility_code: string; url: string; every: number; last: Date | null }>(
    `SELECT s.id, s.code, s.file_code, f.code AS facility_code, s.camera_snapshot_url AS url, s.camera_interval_minutes AS every,
            s.camera_last_pull_at AS last
       FROM station s JOIN facility f ON f.id = s.facility_id
      WHERE s.enabled AND s.camera_snapshot_url IS NOT NULL AND s.camera_snapshot_url <> ''
      ORDER BY s.id`,
  );
  return r.rows.map((x) => ({ id: x.id, code: x.code, fileCode: x.file_code, facilityCode: x.facility_code, snapshotUrl: x.url, intervalMinutes: x.every, lastPullAt: x.last }));
}

export async function markSnapshotPulled(stationId: number, at: Date): Promise<void> {
  await pool().query('UPDATE station SET camera_last_pull_at = $2 WHERE id = $1', [stationId, at]);
}

/** Time of the highest reading measured normally (device status 00) of a parameter in [from, to]: the episode's peak. */
export async function findPeakReadingTime(stationId: number, parameter: string, from: Date, to: Date): Promise<Date | null> {
  const r = await pool().query<{ time: Date }>(
    `SELECT time FROM reading WHERE station_id = $1 AND parameter = $2 AND time >= $3 AND time <= $4 AND device_status = '00'
      ORDER BY value DESC, time LIMIT 1`,
    [stationId, parameter, from, to],
  );
  return r.rows[0]?.time ?? null;
}
