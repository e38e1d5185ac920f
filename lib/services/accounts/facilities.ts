import { z } from 'zod';
import { appendAudit } from '../../db/audit';
import { createFacility, findFacilityByCode, listFacilities, type FacilityRow } from '../../db/facilities';
import { createFtpAccount, findFtpAccountByUsername } from '../../db/ftp-accounts';
import { isUniqueViolation } from '../../db/errors';
import { CODE_PATTERN } from '../../domain/codes';
import { AppError } from '../../errors';
import { hashPassword } from './passwords';
import { createToken, type CreatedToken } from './tokens';


/** New FTP passwords: at least 12 characters (security round 2; stations keep them in configuration, not in memory). */
export const FTP_PASSWORD_MIN = 12;

export const createFacilityInput = z
  .object({
    code: z.string().trim().regex(CODE_PATTERN, 'letters, digits, _ . - (max 64)'),
    name: z.string().trim().min(1).max(200),
    address: z.string().trim().max(500).nullish(),
    ftpUsername: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/, 'letters, digits, _ . @ - (max 64)')
      .nullish(),
    ftpPassword: z.string().min(FTP_PASSWORD_MIN).max(200).nullish(),
  })
  .refine((v) => Boolean(v.ftpUsername) === Boolean(v.ftpPassword), {
    message: 'ftpUsername and ftpPassword go together',
    path: ['ftpPassword'],
  });
export type CreateFacilityInput = z.infer<typeof createFacilityInput>;

export type FacilityWithFtp = FacilityRow & { ftpUsername: string | null };

/** Creates a facility and, when credentials are given, its FTP account (password stored as a bcrypt hash). */
export async function createFacilityService(input: CreateFacilityInput, actor = 'system'): Promise<FacilityWithFtp> {
  if (input.ftpPassword != null && input.ftpPassword.length < FTP_PASSWORD_MIN) {
    throw new AppError('VALIDATION', `FTP passwords have at least ${FTP_PASSWORD_MIN} characters`, { field: 'ftpPassword' });
  }
  if (await findFacilityByCode(input.code)) {
    throw new AppError('CONFLICT', `facility ${input.code} already exists`, { field: 'code' });
  }
  if (input.ftpUsername && (await findFtpAccountByUsername(input.ftpUsername))) {
    throw new AppError('CONFLICT', `FTP account ${input.ftpUsername} already exists`, { field: 'ftpUsername' });
  }
  // Hash first so a slow bcrypt does not sit between the two inserts.
  const passwordHash = input.ftpPassword ? await hashPassword(input.ftpPassword) : null;
  let facility: FacilityRow;
  try {
    facility = await createFacility({ code: input.code, name: input.name, address: input.address ?? null });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', `facility ${input.code} already exists`, { field: 'code' });
    throw e;
  }
  let ftpUsername: string | null = null;
  if (input.ftpUsername && passwordHash) {
    try {
      ftpUsername = (await createFtpAccount({ username: input.ftpUsername, passwordHash, facilityId: facility.id })).username;
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new AppError('CONFLICT', `FTP account ${input.ftpUsername} already exists (facility ${input.code} was created without it)`, {
          field: 'ftpUsername',
        });
      }
      throw e;
    }
  }
  await appendAudit({
    actor,
    action: 'facility.create',
    entity: 'facility',
    entityId: facility.code,
    after: { code: facility.code, name: facility.name, address: facility.address, ftpUsername },
  });
  return { ...facility, ftpUsername };
}

export async function listFacilitiesService(scope: { facilityId: number | null }): Promise<FacilityRow[]> {
  return listFacilities({ facilityId: scope.facilityId });
}

export const createFacilityTokenInput = z.object({ name: z.string().trim().min(1).max(100) });

/** A `facility` role token bound to the facility with this code. */
export async function createFacilityTokenService(facilityCode: string, input: z.infer<typeof createFacilityTokenInput>, actor = 'system'): Promise<CreatedToken> {
  return createToken({ name: input.name, role: 'facility', facilityCode }, actor);
}
