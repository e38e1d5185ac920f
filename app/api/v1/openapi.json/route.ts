import { getOpenApi } from '@/server/api/contract/system';
import { handle, ok } from '@/server/api/handler';
import { buildOpenApiDocument } from '@/server/api/openapi';

/** GET /api/v1/openapi.json — anyone. Generated from the route declarations of server/api/contract. */
export const GET = handle(getOpenApi, async () => ok(buildOpenApiDocument()));
