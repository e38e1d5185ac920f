/** Job handlers by kind. Each area registers its handlers here (one line each). */
import type { JobHandler } from '../job-loop';
import { recomputeJobHandler } from './recompute';
import { derivedJob } from './derived';

export const jobHandlers: Record<string, JobHandler> = {};
jobHandlers.recompute = recomputeJobHandler;
jobHandlers.derived = derivedJob;
