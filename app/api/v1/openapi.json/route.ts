import { json, withApi } from '@/server/api/handler';
import { buildOpenApiDocument } from '@/server/api/openapi';

/** GET /api/v1/openapi.json — anyone. */
export const GET = withApi('public', async () => json(buildOpenApiDocument()));
