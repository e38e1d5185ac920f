import { actorOf } from '@/server/api/auth';
import { importLimits } from '@/server/api/contract/limits';
import { created, handle } from '@/server/api/handler';
import { importLimitStandards } from '@/lib/services/limits';
import { AppError } from '@/lib/errors';
import { JSON_BODY_MAX_BYTES, readBodyCapped } from '@/server/api/body';

/**
 * POST /api/v1/limits/import — admin. A new standard version as JSON (one object or an array, application/json) or CSV
 * (text/csv, header standard,version,effective_from,effective_to,kind,column,parameter,min,max,averaging,apply_coefficients[,name]).
 */
export const POST = handle(importLimits, async ({ req, principal }) => {
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  const format = type.includes('csv') || type.startsWith('text/plain') ? 'csv' : type.includes('json') ? 'json' : null;
  if (!format) throw new AppError('VALIDATION', 'Content-Type must be application/json or text/csv', [{ path: 'header.content-type', message: type || 'missing' }]);
  const content = (await readBodyCapped(req, JSON_BODY_MAX_BYTES)).toString('utf8');
  if (content.trim() === '') throw new AppError('VALIDATION', 'empty body', [{ path: 'body', message: 'empty' }]);
  return created(await importLimitStandards({ format, content, actor: actorOf(principal) }));
});
