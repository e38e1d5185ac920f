import 'server-only';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { JSON_BODY_MAX_BYTES, readBodyCapped } from './body';
import { zodIssues } from './errors';

function fail(e: z.ZodError, where: 'query' | 'body' | 'path' | 'header'): never {
  throw new AppError('VALIDATION', `invalid ${where}`, zodIssues(e, where));
}

/** Query string → schema. Empty values (`?station=`) count as absent; a repeated key keeps its last value. */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const raw: Record<string, string> = {};
  for (const [k, v] of new URL(req.url).searchParams) if (v !== '') raw[k] = v;
  const r = schema.safeParse(raw);
  return r.success ? r.data : fail(r.error, 'query');
}

export async function parseJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  let body: unknown;
  const bytes = await readBodyCapped(req, JSON_BODY_MAX_BYTES);
  try {
    body = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new AppError('VALIDATION', 'the body must be JSON', [{ path: 'body', message: 'not valid JSON' }]);
  }
  const r = schema.safeParse(body);
  return r.success ? r.data : fail(r.error, 'body');
}

export function parseParams<S extends z.ZodType>(params: unknown, schema: S): z.output<S> {
  const r = schema.safeParse(params);
  return r.success ? r.data : fail(r.error, 'path');
}

export function parseHeader<S extends z.ZodType>(value: string | null, name: string, schema: S): z.output<S> {
  const r = schema.safeParse(value ?? undefined);
  if (r.success) return r.data;
  throw new AppError(
    'VALIDATION',
    `invalid header ${name}`,
    r.error.issues.map((i) => ({ path: `header.${name}`, message: i.message })),
  );
}
