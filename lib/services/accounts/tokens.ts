import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { createApiToken, findApiTokenByHash, markApiTokenUsed, type ApiTokenRow } from '../../db/tokens';
import { ROLES, type Role } from '../../db/users';
import { appendAudit } from '../../db/audit';
import { accountFacility } from './account-facility';

/**
 * API tokens: `qt_` + 32 random bytes (base64url). Only the SHA-256 hash is stored; the plaintext is returned once.
 * A facility token is bound to its facility and sees only that facility's stations.
 */
export const TOKEN_PREFIX = 'qt_';

export const createTokenInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    role: z.enum(ROLES),
    facilityCode: z.string().trim().min(1).max(64).nullish(),
  })
  .refine((v) => (v.role === 'facility') === Boolean(v.facilityCode), {
    message: 'a facility is required for role facility and not allowed for other roles',
    path: ['facilityCode'],
  });
export type CreateTokenInput = z.infer<typeof createTokenInput>;

export function hashToken(plain: string): string {
  return createHash('sha256').update(plain, 'utf8').digest('hex');
}

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export type CreatedToken = { token: string; id: number; name: string; role: Role; facilityCode: string | null; prefix: string };

export async function createToken(input: CreateTokenInput, actor = 'system'): Promise<CreatedToken> {
  const facility = await accountFacility(input.facilityCode);
  const facilityId = facility?.id ?? null;
  const facilityCode = facility?.code ?? null;
  const token = generateToken();
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  const row = await createApiToken({ name: input.name, prefix, tokenHash: hashToken(token), role: input.role, facilityId });
  await appendAudit({
    actor,
    action: 'token.create',
    entity: 'api_token',
    entityId: row.id,
    after: { name: row.name, role: row.role, facility: facilityCode, prefix },
  });
  return { token, id: row.id, name: row.name, role: row.role, facilityCode, prefix };
}

// Writing last_used_at on every request would turn each read into a write; once a minute per token is enough.
const USE_MARK_INTERVAL_MS = 60_000;
const lastMarked = new Map<number, number>();

/** The token's row when the plaintext is a live (not revoked) token; null otherwise. */
export async function authenticateToken(plain: string, now: Date = new Date()): Promise<ApiTokenRow | null> {
  if (!plain.startsWith(TOKEN_PREFIX) || plain.length > 200) return null;
  const row = await findApiTokenByHash(hashToken(plain));
  if (!row || row.revokedAt) return null;
  const last = lastMarked.get(row.id);
  if (last === undefined || now.getTime() - last >= USE_MARK_INTERVAL_MS) {
    lastMarked.set(row.id, now.getTime());
    await markApiTokenUsed(row.id, now);
  }
  return row;
}
