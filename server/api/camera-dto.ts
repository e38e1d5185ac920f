import 'server-only';
import type { CameraImageRow } from '@/lib/db/camera-images';
import type { SamplerCommandRow } from '@/lib/db/sampler-commands';
import { formatIsoLocal, formatIsoLocalOrNull } from '@/lib/domain/time';
import type { ImageDto, SamplerCommandDto } from './contract/camera';
import { decodeCursor, encodeCursor } from './pagination';
import { AppError } from '@/lib/errors';

export function toImageDto(i: CameraImageRow): ImageDto {
  return { id: i.id, time: formatIsoLocal(i.time), source: i.source, sha256: i.sha256, size: i.size, width: i.width, height: i.height };
}

export function toSamplerCommandDto(c: SamplerCommandRow): SamplerCommandDto {
  return {
    id: c.id,
    station: c.stationCode,
    state: c.state,
    trigger: c.trigger,
    requestedAt: formatIsoLocal(c.requestedAt),
    requestedBy: c.requestedBy,
    alertId: c.alertId,
    reason: c.reason,
    expiresAt: formatIsoLocal(c.expiresAt),
    deliveredAt: formatIsoLocalOrNull(c.deliveredAt),
    bottle: c.bottle,
    sampledAt: formatIsoLocalOrNull(c.sampledAt),
    note: c.note,
  };
}

/** Image pages go newest first by (time, id): the cursor is the last item's "timeMs:id". */
export function imageCursor(i: CameraImageRow): string {
  return encodeCursor(`${i.time.getTime()}:${i.id}`);
}

export function decodeImageCursor(cursor: string): { time: Date; id: number } {
  const m = /^(\d+):(\d+)$/.exec(decodeCursor(cursor));
  if (!m) throw new AppError('VALIDATION', 'invalid cursor', [{ path: 'query.cursor', message: 'not a cursor from this API' }]);
  return { time: new Date(Number(m[1])), id: Number(m[2]) };
}
