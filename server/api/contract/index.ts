import 'server-only';
import { alertComponents, alertRoutes } from './alerts';
import { cameraComponents, cameraRoutes } from './camera';
import type { Components, RouteDef } from './define';
import { facilityComponents, facilityRoutes } from './facilities';
import { forecastComponents, forecastRoutes } from './forecast';
import { forwardingComponents, forwardingRoutes } from './forwarding';
import { ingestComponents, ingestRoutes } from './ingest';
import { kpiComponents, kpiRoutes } from './kpi';
import { limitComponents, limitRoutes } from './limits';
import { qcComponents, qcRoutes } from './qc';
import { stationComponents, stationRoutes } from './stations';
import { systemComponents, systemRoutes } from './system';

/** Every route of /api/v1, in document order; a test checks this list against the route files on disk. */
export const API_ROUTES: readonly RouteDef[] = [
  ...systemRoutes,
  ...facilityRoutes,
  ...stationRoutes,
  ...forecastRoutes,
  ...cameraRoutes,
  ...ingestRoutes,
  ...qcRoutes,
  ...forwardingRoutes,
  ...kpiRoutes,
  ...alertRoutes,
  ...limitRoutes,
];

export const API_COMPONENTS: readonly Components[] = [
  systemComponents,
  facilityComponents,
  stationComponents,
  forecastComponents,
  cameraComponents,
  ingestComponents,
  qcComponents,
  forwardingComponents,
  kpiComponents,
  alertComponents,
  limitComponents,
];
