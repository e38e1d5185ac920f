import { json, withApi } from '@/server/api/handler';
import { checkHealth } from '@/server/api/health';

/** GET /api/v1/health — anyone. 200 while the database answers (status may be `degraded`), 503 when it does not. */
export const GET = withApi('public', async () => {
  const health = await checkHealth();
  return json(health, health.db === 'ok' ? 200 : 503);
});
