import type { AppErrorCode } from '../errors';

/** Camera panel and sampler data as the station and alert pages hand them to components (times as ISO strings). */
export type CameraFrameDto = { id: number; time: string; width: number; height: number; source: 'ftp' | 'pull'; thumbUrl: string; fullUrl: string };
export type SamplerCommandRowDto = {
  id: number;
  state: 'queued' | 'delivered' | 'sampled' | 'failed' | 'expired';
  trigger: 'manual' | 'auto';
  requestedAt: string;
  requestedBy: string;
  bottle: number | null;
  sampledAt: string | null;
  note: string | null;
};
export type StationCameraDto = {
  stationCode: string;
  frames: CameraFrameDto[];
  streamUrl: string | null;
  samplerEnabled: boolean;
  canQueue: boolean;
  commands: SamplerCommandRowDto[];
};
export type AlertCameraDto = {
  stationCode: string;
  alertId: number;
  start: { at: string; frame: CameraFrameDto | null };
  peak: { at: string; frame: CameraFrameDto | null } | null;
  samplerEnabled: boolean;
  canQueue: boolean;
  commands: SamplerCommandRowDto[];
};
/** The answer of the "queue a sample" server action. */
export type SamplerActionResult = { ok: true; id: number } | { ok: false; error: AppErrorCode };
