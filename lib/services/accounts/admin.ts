import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  findAdminFtpAccount,
  findAdminToken,
  findAdminUser,
  listAdminFtpAccounts,
  listAdminTokens,
  listAdminUsers,
  revokeTokenRow,
  setFtpEnabled,
  setFtpPasswordHash,
  setUserDisabledAt,
  setUserPasswordHash,
  updateUserRole,
  type AdminFtpAccountRow,
  type AdminTokenRow,
  type AdminUserRow,
} from '../../db/admin-accounts';
import { findAdminFacility } from '../../db/admin-facilities';
import { appendAudit } from '../../db/audit';
import { createFtpAccount, findFtpAccountByUsername } from '../../db/ftp-accounts';
import { ROLES, type Role } from '../../db/users';
import { AppError } from '../../errors';
import { activeFacilityOrThrow } from './account-facility';
import { assertAdmin, type AdminActor } from './admin-actor';
import { hashPassword } from './passwords';
import { createToken, createTokenInput, type CreatedToken } from './tokens';
import { createUserService } from './users';
import { isUniqueViolation } from '../../db/errors';

/**
 * Users, FTP accounts and API tokens for the admin area. Generated passwords and tokens are returned once to the
 * caller and never stored or logged in clear; the audit log records that a secret changed, never the secret.
 */

/** 15 random bytes → 20 URL-safe characters (120 bits): typed once by hand, so no padding or look-alike symbols. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

/** A facility is given exactly when the role is `facility` (facility users see only their own facility). */
const facilityIffFacilityRole = <T extends { role: Role; facilityCode?: string | null }>(v: T) =>
  (v.role === 'facility') === Boolean(v.facilityCode);
const facilityIssue = { message: 'a facility is required for role facility and not allowed for other roles', path: ['facilityCode'] };
const facilityCode = z
  .string()
  .trim()
  .max(64)
  .nullish()
  .transform((v) => (v ? v : null));

export const adminUserCreateInput = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email()),
    name: z.string().trim().min(1).max(200),
    role: z.enum(ROLES),
    facilityCode,
  })
  .refine(facilityIffFacilityRole, facilityIssue);
export type AdminUserCreateInput = z.input<typeof adminUserCreateInput>;

export const adminUserRoleInput = z.object({ role: z.enum(ROLES), facilityCode }).refine(facilityIffFacilityRole, facilityIssue);
export type AdminUserRoleInput = z.input<typeof adminUserRoleInput>;

const userSnapshot = (u: AdminUserRow) => ({
  email: u.email,
  name: u.name,
  role: u.role,
  facility: u.facilityCode,
  active: u.disabledAt == null,
});

async function facilityIdFor(code: string | null): Promise<number | null> {
  return code ? (await activeFacilityOrThrow(code)).id : null;
}

/**
 * A new generated password, stored by `store` as a hash and audited as changed (never the password itself, only the
 * `subject` it belongs to); returned once for the admin to hand over.
 */
async function resetPassword(
  store: (hash: string) => Promise<unknown>,
  audit: { actor: string; action: string; entity: string; entityId: string | number; subject: Record<string, string> },
): Promise<string> {
  const { subject, ...entry } = audit;
  const password = generatePassword();
  await store(await hashPassword(password));
  await appendAudit({ ...entry, before: subject, after: { ...subject, passwordChanged: true } });
  return password;
}

async function userOrThrow(id: number): Promise<AdminUserRow> {
  const u = await findAdminUser(id);
  if (!u) throw new AppError('NOT_FOUND', `user ${id} not found`);
  return u;
}

/** An admin may not lock themselves out: no role change or deactivation of one's own account. */
function refuseSelf(actor: AdminActor, u: AdminUserRow): void {
  if (u.email === actor.email.toLowerCase())
    throw new AppError('FORBIDDEN', 'admins cannot change their own role or deactivate themselves');
}

// ── users ──

export async function listUsersForAdmin(actor: AdminActor): Promise<AdminUserRow[]> {
  assertAdmin(actor);
  return listAdminUsers();
}

/** Creates a login with a generated password (returned once) through createUserService (bcrypt, audited). */
export async function createUserAsAdmin(actor: AdminActor, raw: AdminUserCreateInput): Promise<{ user: AdminUserRow; password: string }> {
  const who = assertAdmin(actor);
  const input = adminUserCreateInput.parse(raw);
  await facilityIdFor(input.facilityCode);
  const password = generatePassword();
  const created = await createUserService(
    { email: input.email, name: input.name, role: input.role, facilityCode: input.facilityCode, password },
    who,
  );
  return { user: await userOrThrow(created.id), password };
}

export async function changeUserRoleAsAdmin(actor: AdminActor, id: number, raw: AdminUserRoleInput): Promise<AdminUserRow> {
  const who = assertAdmin(actor);
  const input = adminUserRoleInput.parse(raw);
  const before = await userOrThrow(id);
  refuseSelf(actor, before);
  const after = await updateUserRole(id, input.role, await facilityIdFor(input.facilityCode));
  await appendAudit({
    actor: who,
    action: 'user.role',
    entity: 'user',
    entityId: id,
    before: userSnapshot(before),
    after: userSnapshot(after),
  });
  return after;
}

/** Sets a new generated password and returns it once; the user's sessions see it at the next sign-in. */
export async function resetUserPasswordAsAdmin(actor: AdminActor, id: number): Promise<{ user: AdminUserRow; password: string }> {
  const who = assertAdmin(actor);
  const user = await userOrThrow(id);
  const password = await resetPassword((hash) => setUserPasswordHash(id, hash), {
    actor: who,
    action: 'user.password_reset',
    entity: 'user',
    entityId: id,
    subject: { email: user.email },
  });
  return { user, password };
}

/** Disables (or re-enables) a login; the next request of a signed-in user already sees it (sessions re-read the row). */
export async function setUserActiveAsAdmin(actor: AdminActor, id: number, active: boolean, now: Date = new Date()): Promise<AdminUserRow> {
  const who = assertAdmin(actor);
  const before = await userOrThrow(id);
  refuseSelf(actor, before);
  if ((before.disabledAt == null) === active)
    throw new AppError('CONFLICT', `user ${before.email} is already ${active ? 'active' : 'inactive'}`);
  const after = await setUserDisabledAt(id, active ? null : now);
  await appendAudit({
    actor: who,
    action: active ? 'user.reactivate' : 'user.deactivate',
    entity: 'user',
    entityId: id,
    before: userSnapshot(before),
    after: userSnapshot(after),
  });
  return after;
}

// ── FTP accounts ──

export const adminFtpCreateInput = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/, 'letters, digits, _ . @ - (max 64)'),
  facilityCode: z.string().trim().min(1).max(64),
});
export type AdminFtpCreateInput = z.input<typeof adminFtpCreateInput>;

const ftpSnapshot = (a: AdminFtpAccountRow) => ({ username: a.username, facility: a.facilityCode, enabled: a.enabled });

async function ftpOrThrow(id: number): Promise<AdminFtpAccountRow> {
  const a = await findAdminFtpAccount(id);
  if (!a) throw new AppError('NOT_FOUND', `FTP account ${id} not found`);
  return a;
}

export async function listFtpAccountsForAdmin(actor: AdminActor, filter: { facilityCode?: string } = {}): Promise<AdminFtpAccountRow[]> {
  assertAdmin(actor);
  if (!filter.facilityCode) return listAdminFtpAccounts();
  const f = await findAdminFacility(filter.facilityCode);
  return f ? listAdminFtpAccounts({ facilityId: f.id }) : [];
}

export async function createFtpAccountAsAdmin(
  actor: AdminActor,
  raw: AdminFtpCreateInput,
): Promise<{ account: AdminFtpAccountRow; password: string }> {
  const who = assertAdmin(actor);
  const input = adminFtpCreateInput.parse(raw);
  const facilityId = (await facilityIdFor(input.facilityCode))!;
  if (await findFtpAccountByUsername(input.username))
    throw new AppError('CONFLICT', `FTP account ${input.username} already exists`, { field: 'username' });
  const password = generatePassword();
  let id: number;
  try {
    id = (await createFtpAccount({ username: input.username, passwordHash: await hashPassword(password), facilityId })).id;
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', `FTP account ${input.username} already exists`, { field: 'username' });
    throw e;
  }
  const account = await ftpOrThrow(id);
  await appendAudit({
    actor: who,
    action: 'ftp_account.create',
    entity: 'ftp_account',
    entityId: account.username,
    after: ftpSnapshot(account),
  });
  return { account, password };
}

export async function resetFtpPasswordAsAdmin(actor: AdminActor, id: number): Promise<{ account: AdminFtpAccountRow; password: string }> {
  const who = assertAdmin(actor);
  const account = await ftpOrThrow(id);
  const password = await resetPassword((hash) => setFtpPasswordHash(id, hash), {
    actor: who,
    action: 'ftp_account.password_reset',
    entity: 'ftp_account',
    entityId: account.username,
    subject: { username: account.username },
  });
  return { account, password };
}

/** Disables (or re-enables) an FTP login; the receiver checks `enabled` at every login. */
export async function setFtpAccountEnabledAsAdmin(actor: AdminActor, id: number, enabled: boolean): Promise<AdminFtpAccountRow> {
  const who = assertAdmin(actor);
  const before = await ftpOrThrow(id);
  if (before.enabled === enabled)
    throw new AppError('CONFLICT', `FTP account ${before.username} is already ${enabled ? 'enabled' : 'disabled'}`);
  await setFtpEnabled(id, enabled);
  const after = await ftpOrThrow(id);
  await appendAudit({
    actor: who,
    action: enabled ? 'ftp_account.enable' : 'ftp_account.disable',
    entity: 'ftp_account',
    entityId: after.username,
    before: ftpSnapshot(before),
    after: ftpSnapshot(after),
  });
  return after;
}

// ── API tokens ──

export { createTokenInput as adminTokenCreateInput };

export async function listTokensForAdmin(actor: AdminActor): Promise<AdminTokenRow[]> {
  assertAdmin(actor);
  return listAdminTokens();
}

/** A new token through createToken (SHA-256 stored, audited); the plaintext is in the result only. */
export async function createTokenAsAdmin(actor: AdminActor, raw: z.input<typeof createTokenInput>): Promise<CreatedToken> {
  const who = assertAdmin(actor);
  const input = createTokenInput.parse(raw);
  await facilityIdFor(input.facilityCode ?? null);
  return createToken(input, who);
}

export async function revokeTokenAsAdmin(actor: AdminActor, id: number, now: Date = new Date()): Promise<AdminTokenRow> {
  const who = assertAdmin(actor);
  const before = await findAdminToken(id);
  if (!before) throw new AppError('NOT_FOUND', `token ${id} not found`);
  if (before.revokedAt) throw new AppError('CONFLICT', `token ${before.name} is already revoked`);
  await revokeTokenRow(id, now);
  const after = (await findAdminToken(id))!;
  const snap = (t: AdminTokenRow) => ({
    name: t.name,
    prefix: t.prefix,
    role: t.role,
    facility: t.facilityCode,
    revoked: t.revokedAt != null,
  });
  await appendAudit({ actor: who, action: 'token.revoke', entity: 'api_token', entityId: id, before: snap(before), after: snap(after) });
  return after;
}
