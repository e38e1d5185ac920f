/** Job handlers by kind. Each area registers its handlers here (one line each). */
import type { JobHandler } from '../job-loop';

export const jobHandlers: Record<string, JobHandler> = {};
