import 'server-only';
import { z } from 'zod';
import { AppError, HTTP_STATUS, isAppError } from '@/lib/errors';
import type { ApiErrorBody } from './contract/common';
import { BodyTooLargeError } from './body';

export type IssueDetail = { path: string; message: string };

export function zodIssues(e: z.ZodError, prefix?: string): IssueDetail[] {
  return e.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter((x): x is string => Boolean(x)).join('.'),
    message: i.message,
  }));
}

export function errorResponse(e: unknown, where: string): Response {
  let err: AppError;
  // A ZodError reaching here did not come from request parsing (validate.ts converts those): it is a server fault.
  if (isAppError(e)) err = e;
  else {
    console.error(`[api] ${where}: unexpected error`, e);
    err = new AppError('INTERNAL', 'internal error');
  }
  const body: ApiErrorBody = { error: { code: err.code, message: err.message, details: err.details ?? null } };
  const status = err instanceof BodyTooLargeError ? 413 : HTTP_STATUS[err.code];
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', ...(status === 413 ? { connection: 'close' } : {}) } });
}
