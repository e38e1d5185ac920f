import { appendAudit } from '../../db/audit';
import { findDeviceSettings, updateDeviceSettings, type DeviceSettings } from '../../db/camera-images';
import { DEFAULT_PULL_INTERVAL_MINUTES, type CameraSettingsInput } from '../../domain/camera';
import { DEFAULT_SAMPLER_COOLDOWN_MINUTES, type SamplerSettingsInput } from '../../domain/sampler';
import { AppError } from '../../errors';
import type { Role } from '../../db/users';

export type DeviceSettingsInput = { camera?: CameraSettingsInput | null; sampler?: SamplerSettingsInput | null };

export async function getDeviceSettings(stationId: number): Promise<DeviceSettings> {
  const s = await findDeviceSettings(stationId);
  if (!s) throw new AppError('NOT_FOUND', 'station not found');
  return s;
}

/**
 * Sets a station's camera and sampler settings. Only admins: a snapshot URL makes the server fetch that address, and
 * the sampler settings decide when a facility's bottles are filled. Each change is audited with before and after.
 */
export async function setDeviceSettings(
  stationId: number,
  input: DeviceSettingsInput,
  actor: { name: string; role: Role },
): Promise<DeviceSettings> {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN', 'only admins set camera and sampler settings');
  const before = await getDeviceSettings(stationId);
  const camera = input.camera
    ? {
        snapshotUrl: input.camera.snapshotUrl === undefined ? before.camera.snapshotUrl : input.camera.snapshotUrl || null,
        streamUrl: input.camera.streamUrl === undefined ? before.camera.streamUrl : input.camera.streamUrl || null,
        intervalMinutes: input.camera.intervalMinutes ?? before.camera.intervalMinutes ?? DEFAULT_PULL_INTERVAL_MINUTES,
      }
    : undefined;
  const sampler = input.sampler
    ? {
        enabled: input.sampler.enabled,
        autoAfter: input.sampler.autoAfter ?? before.sampler.autoAfter,
        cooldownMinutes: input.sampler.cooldownMinutes ?? before.sampler.cooldownMinutes ?? DEFAULT_SAMPLER_COOLDOWN_MINUTES,
      }
    : undefined;
  if (!camera && !sampler) return before;
  await updateDeviceSettings(stationId, { camera, sampler });
  const after = await getDeviceSettings(stationId);
  await appendAudit({ actor: actor.name, action: 'station.devices', entity: 'station', entityId: stationId, before, after });
  return after;
}
