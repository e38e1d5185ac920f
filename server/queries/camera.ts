import 'server-only';
import { findAlertById } from '@/lib/db/alerts';
import { findPeakReadingTime, type CameraImageRow } from '@/lib/db/camera-images';
import type { SamplerCommandRow } from '@/lib/db/sampler-commands';
import type { AlertCameraDto, CameraFrameDto, SamplerCommandRowDto, StationCameraDto } from '@/lib/dto/camera';
import { findFramesNear, getDeviceSettings, getImageService, listImagesService } from '@/lib/services/camera';
import { listAlertCommands, listCommandsService } from '@/lib/services/sampler';
import { canSeeFacility, getStationOrThrow, scopeFor } from '@/lib/services/stations';
import { isAppError } from '@/lib/errors';
import { currentUser, requireUser } from '@/server/auth/session';

const STRIP = 24;

function toFrame(code: string, i: CameraImageRow): CameraFrameDto {
  const base = `/stations/${encodeURIComponent(code)}/camera/${i.id}`;
  return { id: i.id, time: i.time.toISOString(), width: i.width, height: i.height, source: i.source, thumbUrl: `${base}?thumb=1`, fullUrl: base };
}

function toCommand(c: SamplerCommandRow): SamplerCommandRowDto {
  return {
    id: c.id,
    state: c.state,
    trigger: c.trigger,
    requestedAt: c.requestedAt.toISOString(),
    requestedBy: c.requestedBy,
    bottle: c.bottle,
    sampledAt: c.sampledAt?.toISOString() ?? null,
    note: c.note,
  };
}

/**
 * The station page's camera panel: the newest frames (the strip), the live-view link and the sampler's latest
 * commands; null when the station has neither images nor a camera or sampler configured.
 */
export async function loadStationCamera(code: string): Promise<StationCameraDto | null> {
  const user = await requireUser();
  const scope = scopeFor(user);
  const station = await getStationOrThrow(code, scope);
  const [images, settings] = await Promise.all([listImagesService(code, scope, { limit: STRIP }), getDeviceSettings(station.id)]);
  const commands = settings.sampler.enabled
    ? (await listCommandsService(code, scope, { role: user.role, facilityId: user.facilityId, name: user.email, actorName: user.email }, { limit: 5 })).items
    : [];
  if (images.items.length === 0 && !settings.camera.snapshotUrl && !settings.camera.streamUrl && !settings.sampler.enabled) return null;
  return {
    stationCode: station.code,
    frames: images.items.map((i) => toFrame(station.code, i)).reverse(),
    streamUrl: settings.camera.streamUrl,
    samplerEnabled: settings.sampler.enabled,
    canQueue: settings.sampler.enabled && (user.role === 'inspector' || user.role === 'admin'),
    commands: commands.map(toCommand),
  };
}

/** The alert page: frames nearest the episode's start and its peak reading, and the sampler's commands for the alert. */
export async function loadAlertCamera(alertId: number): Promise<AlertCameraDto | null> {
  const user = await requireUser();
  const scope = scopeFor(user);
  const alert = await findAlertById(alertId);
  if (!alert || !canSeeFacility(scope, alert.station.facilityId)) return null;
  const settings = await getDeviceSettings(alert.station.id);
  const start = alert.periodStart ?? alert.openedAt;
  // An open episode lasts until now; a resolved one until it was resolved.
  const end = alert.resolvedAt ?? new Date();
  const peakAt = alert.parameter ? await findPeakReadingTime(alert.station.id, alert.parameter, start, end) : null;
  const [startFrame, peakFrame] = await findFramesNear(alert.station.id, peakAt ? [start, peakAt] : [start]);
  const code = alert.station.code;
  return {
    stationCode: code,
    alertId,
    start: { at: start.toISOString(), frame: startFrame ? toFrame(code, startFrame) : null },
    peak: peakAt ? { at: peakAt.toISOString(), frame: peakFrame ? toFrame(code, peakFrame) : null } : null,
    samplerEnabled: settings.sampler.enabled,
    canQueue: settings.sampler.enabled && (user.role === 'inspector' || user.role === 'admin'),
    commands: (await listAlertCommands(alertId)).map(toCommand),
  };
}

export type CameraDownload = { kind: 'ok'; bytes: Buffer; contentType: string } | { kind: 'unauthenticated' } | { kind: 'not_found' };

/** An image (or its thumbnail) for the signed-in user, within the user's facility scope. */
export async function getCameraImageForUser(code: string, rawId: string, thumb: boolean): Promise<CameraDownload> {
  const user = await currentUser();
  if (!user) return { kind: 'unauthenticated' };
  if (!/^\d{1,9}$/.test(rawId)) return { kind: 'not_found' };
  try {
    const r = await getImageService(code, scopeFor(user), Number(rawId), { thumb });
    return { kind: 'ok', bytes: r.bytes, contentType: r.contentType };
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') return { kind: 'not_found' };
    throw e;
  }
}
