/**
 * Data for e2e/camera.spec.ts: a wastewater station with a camera (images over FTP naming, via the camera service)
 * and an enabled sampler, an open instant exceedance of COD with readings, an inspector and the facility's token.
 * Image bytes go to DATA_DIR, which the web server must share (the spec's environment sets it for both).
 */
import { insertAlertEvent, insertAlertIfNoneActive } from '../lib/db/alerts';
import { insertReadings } from '../lib/db/readings';
import { createUser } from '../lib/db/users';
import { formatCompactLocalTime } from '../lib/domain/time';
import { env } from '../lib/env';
import { createToken, hashPassword } from '../lib/services/accounts';
import { renderTestImage, setDeviceSettings, storeImage } from '../lib/services/camera';
import { createFacilityWithStation, uid } from '../tests/support/fixtures';

export const CAMERA_PASSWORD = 'Mat-khau-e2e-camera-1';

export type CameraFixture = {
  station: { id: number; code: string; name: string };
  alertId: number;
  openedAt: Date;
  inspector: { email: string; password: string };
  facilityToken: string;
};

export async function createCameraFixture(now: Date = new Date()): Promise<CameraFixture> {
  const runId = uid();
  const { facility, station } = await createFacilityWithStation({
    code: `CM${runId}`,
    name: `Công ty Giấy Bình Minh ${runId}`,
    station: { name: `Trạm nước thải Bình Minh ${runId}`, lat: 21.27, lon: 106.19, activeFrom: new Date(now.getTime() - 86_400_000), parameters: [{ parameter: 'COD', limitMax: 75 }] },
  });
  await setDeviceSettings(station.id, { camera: { streamUrl: 'https://camera.example.vn/live' }, sampler: { enabled: true, autoAfter: 0 } }, { name: 'e2e', role: 'admin' });
  const step = 5 * 60_000;
  const openedAt = new Date(Math.floor((now.getTime() - 2 * 3_600_000) / step) * step);
  const rows = [];
  for (let i = -6; i <= 12; i++) {
    const t = new Date(openedAt.getTime() + i * step);
    rows.push({ stationId: station.id, parameter: 'COD', time: t, value: i < 0 ? 60 : i === 6 ? 131.5 : 92 + i, deviceStatus: '00' as const, fileId: null });
  }
  await insertReadings(rows);
  // Frames every 15 minutes around the episode.
  for (let i = -2; i <= 5; i++) {
    const t = new Date(openedAt.getTime() + i * 15 * 60_000);
    await storeImage({
      bytes: await renderTestImage({ width: 640, height: 360, hue: 30 + i * 20 }),
      name: `BG_${station.fileCode}_${formatCompactLocalTime(t)}.jpg`,
      source: 'ftp',
      account: null,
      remoteAddress: null,
      receivedAt: now,
      facilityId: facility.id,
      dataDir: env().dataDir,
    });
  }
  const { row } = await insertAlertIfNoneActive({
    stationId: station.id,
    parameter: 'COD',
    kind: 'instant_exceedance',
    at: openedAt,
    value: 131.5,
    limitValue: 75,
    basis: '5min',
    averageValue: null,
    completeness: null,
    limitDerivation: null,
    periodStart: null,
    periodEnd: null,
    disposition: null,
    reopenedByRecompute: false,
    suppressed: false,
  });
  await insertAlertEvent({ alertId: row.id, type: 'opened', actor: 'system', at: openedAt, data: { value: 92 } });
  const inspector = await createUser({ email: `inspector.cam.${runId.toLowerCase()}@e2e.quantrac.test`, name: `Thanh tra ${runId}`, passwordHash: await hashPassword(CAMERA_PASSWORD), role: 'inspector', facilityId: null });
  const token = await createToken({ name: `logger-${runId}`, role: 'facility', facilityCode: facility.code });
  return { station: { id: station.id, code: station.code, name: station.name }, alertId: row.id, openedAt, inspector: { email: inspector.email, password: CAMERA_PASSWORD }, facilityToken: token.token };
}
