import { z } from 'zod';
import { appendAudit } from '../../db/audit';
import { createUser, findUserByEmail, ROLES, type UserRow } from '../../db/users';
import { AppError } from '../../errors';
import { accountFacility } from './account-facility';
import { hashPassword } from './passwords';
import { isUniqueViolation } from '../../db/errors';

export const createUserInput = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email()),
    password: z.string().min(6).max(200),
    role: z.enum(ROLES),
    facilityCode: z.string().trim().min(1).nullish(),
    name: z.string().trim().min(1).max(200).nullish(),
    locale: z.enum(['vi', 'en']).optional(),
  })
  .refine((v) => v.role !== 'facility' || Boolean(v.facilityCode), {
    message: 'a facility user needs --facility',
    path: ['facilityCode'],
  });
export type CreateUserInput = z.infer<typeof createUserInput>;

/** Creates a login with a bcrypt-hashed password; the hash never leaves this function. */
export async function createUserService(input: CreateUserInput, actor = 'system'): Promise<UserRow & { facilityCode: string | null }> {
  const facility = await accountFacility(input.facilityCode);
  const facilityId = facility?.id ?? null;
  const facilityCode = facility?.code ?? null;
  if (await findUserByEmail(input.email)) throw new AppError('CONFLICT', `user ${input.email} already exists`, { field: 'email' });
  const passwordHash = await hashPassword(input.password);
  let user: UserRow;
  try {
    user = await createUser({
      email: input.email,
      name: input.name ?? input.email,
      passwordHash,
      role: input.role,
      facilityId,
      locale: input.locale,
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', `user ${input.email} already exists`, { field: 'email' });
    throw e;
  }
  await appendAudit({
    actor,
    action: 'user.create',
    entity: 'user',
    entityId: user.id,
    after: { email: user.email, name: user.name, role: user.role, facility: facilityCode },
  });
  return { ...user, facilityCode };
}
