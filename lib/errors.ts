/** Typed errors thrown inside lib/; routes map them to HTTP statuses, actions to messages, the worker to reasons. */
export const APP_ERROR_CODES = ['NOT_FOUND', 'FORBIDDEN', 'UNAUTHORIZED', 'VALIDATION', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL'] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: unknown;

  constructor(code: AppErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
