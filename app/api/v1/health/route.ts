import { getHealth } from '@/server/api/contract/system';
import { handle, ok, reply } from '@/server/api/handler';
import { checkHealth } from '@/server/api/health';

/** GET /api/v1/health — anyone. 200 while the database answers (status may be `degraded`), 503 when it does not. */
export const GET = handle(getHealth, async () => {
  const health = await checkHealth();
  return health.db === 'ok' ? ok(health) : reply(503, health);
});
