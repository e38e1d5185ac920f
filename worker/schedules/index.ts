/** Periodic work of the worker. Each area registers its schedules here (one line each). */
import type { Schedule } from '../job-loop';
import { alertSchedules } from './alerts';
import { aqiCatchUpSchedule } from './aqi';
import { stationStateSchedule } from './station-state';
import { notificationsSchedule } from './notifications';
import { forecastSchedule, trendWarningSchedule } from './forecast';
import { cameraPullSchedule, cameraRetentionSchedule, samplerSchedule } from './camera';

export const schedules: Schedule[] = [];
schedules.push(stationStateSchedule);
schedules.push(notificationsSchedule);
schedules.push(aqiCatchUpSchedule);
schedules.push(...alertSchedules);
schedules.push(forecastSchedule, trendWarningSchedule);
schedules.push(cameraPullSchedule, cameraRetentionSchedule, samplerSchedule);
