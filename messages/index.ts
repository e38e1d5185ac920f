/**
 * Interface messages. The base files hold the shell and the first areas; each later area keeps its own namespaces
 * in messages/areas/<area>.<locale>.json (new top-level keys only, so that merging never hides a base namespace).
 */
import viBase from './vi.json';
import enBase from './en.json';
import limitsVi from './areas/limits.vi.json';
import limitsEn from './areas/limits.en.json';
import adminVi from './areas/admin.vi.json';
import adminEn from './areas/admin.en.json';
import reportsVi from './areas/reports.vi.json';
import reportsEn from './areas/reports.en.json';
import securityVi from './areas/security.vi.json';
import securityEn from './areas/security.en.json';
import monitoringVi from './areas/monitoring.vi.json';
import monitoringEn from './areas/monitoring.en.json';
import perfVi from './areas/perf.vi.json';
import perfEn from './areas/perf.en.json';
import ingestVi from './areas/ingest.vi.json';
import ingestEn from './areas/ingest.en.json';
import notifyVi from './areas/notify.vi.json';
import notifyEn from './areas/notify.en.json';
import alerts2Vi from './areas/alerts2.vi.json';
import alerts2En from './areas/alerts2.en.json';
import cameraVi from './areas/camera.vi.json';
import cameraEn from './areas/camera.en.json';
import exactnessVi from './areas/exactness.vi.json';
import exactnessEn from './areas/exactness.en.json';
import forecastVi from './areas/forecast.vi.json';
import forecastEn from './areas/forecast.en.json';
import screensVi from './areas/screens.vi.json';
import screensEn from './areas/screens.en.json';
import screensBVi from './areas/screens-b.vi.json';
import screensBEn from './areas/screens-b.en.json';

export const viMessages = {
  ...viBase,
  ...limitsVi,
  ...adminVi,
  ...reportsVi,
  ...securityVi,
  ...monitoringVi,
  ...perfVi,
  ...ingestVi,
  ...notifyVi,
  ...alerts2Vi,
  ...cameraVi,
  ...exactnessVi,
  ...forecastVi,
  ...screensVi,
  ...screensBVi,
};
export type Messages = typeof viMessages;
export const enMessages: Messages = {
  ...enBase,
  ...limitsEn,
  ...adminEn,
  ...reportsEn,
  ...securityEn,
  ...monitoringEn,
  ...perfEn,
  ...ingestEn,
  ...notifyEn,
  ...alerts2En,
  ...cameraEn,
  ...exactnessEn,
  ...forecastEn,
  ...screensEn,
  ...screensBEn,
};
