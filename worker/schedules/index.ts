/** Periodic work of the worker. Each area registers its schedules here (one line each). */
import type { Schedule } from '../job-loop';

export const schedules: Schedule[] = [];
