import { findCameraImage, findCameraThumb, listCameraImages, type CameraImageRow } from '../../db/camera-images';
import { nearestFrame } from '../../domain/camera';
import { AppError } from '../../errors';
import { readRawFile } from '../ingest';
import { getStationOrThrow, type ViewerScope } from '../stations';

export type ImageListQuery = { from?: Date; to?: Date; limit: number; before?: { time: Date; id: number } };

/** The station's kept images, newest first, for a caller that may see the station (NOT_FOUND otherwise). */
export async function listImagesService(code: string, scope: ViewerScope, q: ImageListQuery): Promise<{ items: CameraImageRow[]; more: boolean }> {
  const station = await getStationOrThrow(code, scope);
  const rows = await listCameraImages({ stationId: station.id, from: q.from, to: q.to, before: q.before, limit: q.limit + 1 });
  return { items: rows.slice(0, q.limit), more: rows.length > q.limit };
}

/** The original bytes of one image, or its thumbnail (a small JPEG). */
export async function getImageService(
  code: string,
  scope: ViewerScope,
  id: number,
  opts: { thumb: boolean; dataDir?: string },
): Promise<{ image: CameraImageRow; bytes: Buffer; contentType: string }> {
  const station = await getStationOrThrow(code, scope);
  const image = await findCameraImage(station.id, id);
  if (!image) throw new AppError('NOT_FOUND', `image ${id} not found`);
  if (opts.thumb) {
    const thumb = await findCameraThumb(station.id, id);
    if (!thumb) throw new AppError('NOT_FOUND', `image ${id} has no thumbnail`);
    return { image, bytes: thumb, contentType: 'image/jpeg' };
  }
  const bytes = await readRawFile(image.sha256, opts.dataDir);
  if (!bytes) throw new AppError('NOT_FOUND', `image ${id} bytes are no longer stored`);
  return { image, bytes, contentType: image.mime };
}

/** The frames nearest to each instant (e.g. an episode's start and peak) among the images within ±`windowMinutes`. */
export async function findFramesNear(
  stationId: number,
  instants: readonly Date[],
  windowMinutes = 60,
): Promise<(CameraImageRow | null)[]> {
  if (instants.length === 0) return [];
  const ms = instants.map((d) => d.getTime());
  const from = new Date(Math.min(...ms) - windowMinutes * 60_000);
  const to = new Date(Math.max(...ms) + windowMinutes * 60_000 + 1);
  const frames = await listCameraImages({ stationId, from, to, limit: 2000 });
  return instants.map((at) => nearestFrame(frames, at));
}
