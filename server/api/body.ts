import 'server-only';
import { AppError } from '@/lib/errors';

/**
 * Request bodies are read under a cap, while they stream: a body over the cap is refused with 413 as soon as the
 * declared Content-Length or the bytes received pass it, and is never held whole in memory or written anywhere.
 */
export const JSON_BODY_MAX_BYTES = 1024 * 1024;

/** Thrown for a body over its cap; mapped to 413 (body code VALIDATION, the public error codes stay as they are). */
export class BodyTooLargeError extends AppError {
  readonly maxBytes: number;
  constructor(maxBytes: number) {
    super('VALIDATION', `the request body is larger than ${maxBytes} bytes`, [{ path: 'body', message: `at most ${maxBytes} bytes` }]);
    this.maxBytes = maxBytes;
  }
}

/** Refuses at once when Content-Length already says too much. */
export function assertDeclaredLength(req: Request, maxBytes: number): void {
  const declared = Number(req.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLargeError(maxBytes);
}

export async function readBodyCapped(req: Request, maxBytes: number): Promise<Buffer> {
  assertDeclaredLength(req, maxBytes);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
