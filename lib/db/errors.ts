/** A unique-constraint violation, as Prisma (P2002), PostgreSQL through node-pg (23505) or the driver adapter reports it. */
export function isUniqueViolation(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { code, cause, meta } = e as {
    code?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: { cause?: { kind?: unknown } } };
  };
  if (code === 'P2002' || code === '23505') return true;
  if (meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation') return true;
  return cause !== undefined && cause !== e && isUniqueViolation(cause);
}
