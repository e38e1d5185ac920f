import { z } from 'zod';
import { appendAudit } from '../../db/audit';
import {
  deactivateFacilityRows,
  findAdminFacility,
  insertFacility,
  listAdminFacilities,
  reactivateFacilityRow,
  updateFacilityDetails,
  type AdminFacilityRow,
  type FacilityDetails,
} from '../../db/admin-facilities';
import { AppError } from '../../errors';
import { assertAdmin, type AdminActor } from './admin-actor';
import { isUniqueViolation } from '../../db/errors';
import { CODE_PATTERN } from '../../domain/codes';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

const details = {
  name: z.string().trim().min(1).max(200),
  address: optionalText(500),
  province: optionalText(100),
  contactEmail: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .nullish()
    .transform((v) => (v ? v : null))
    .pipe(z.email().nullable()),
};

export const adminFacilityCreateInput = z.object({
  code: z.string().trim().regex(CODE_PATTERN, 'letters, digits, _ . - (max 64)'),
  ...details,
});
export type AdminFacilityCreateInput = z.input<typeof adminFacilityCreateInput>;

/** The code is not part of an edit: it names the facility in file names, URLs and tokens, so it never changes. */
export const adminFacilityUpdateInput = z.object(details).strict();
export type AdminFacilityUpdateInput = z.input<typeof adminFacilityUpdateInput>;

/** A facility's details as people see them (admin screens, audit log). */
export const facilitySnapshot = (f: AdminFacilityRow) => ({
  code: f.code,
  name: f.name,
  address: f.address,
  province: f.province,
  contactEmail: f.contactEmail,
  active: f.disabledAt == null,
});

export async function listFacilitiesForAdmin(actor: AdminActor): Promise<AdminFacilityRow[]> {
  assertAdmin(actor);
  return listAdminFacilities();
}

async function facilityOrThrow(code: string): Promise<AdminFacilityRow> {
  const f = await findAdminFacility(code);
  if (!f) throw new AppError('NOT_FOUND', `facility ${code} not found`);
  return f;
}

/** Audits a change of the facility: its details before and after (and `extra` facts with the after side). */
async function auditChange(who: string, action: string, before: AdminFacilityRow, after: AdminFacilityRow, extra = {}) {
  await appendAudit({
    actor: who,
    action,
    entity: 'facility',
    entityId: before.code,
    before: facilitySnapshot(before),
    after: { ...facilitySnapshot(after), ...extra },
  });
}

export async function getFacilityForAdminOrThrow(actor: AdminActor, code: string): Promise<AdminFacilityRow> {
  assertAdmin(actor);
  return facilityOrThrow(code);
}

export async function createFacilityAsAdmin(actor: AdminActor, raw: AdminFacilityCreateInput): Promise<AdminFacilityRow> {
  const who = assertAdmin(actor);
  const input = adminFacilityCreateInput.parse(raw);
  if (await findAdminFacility(input.code)) throw new AppError('CONFLICT', `facility ${input.code} already exists`, { field: 'code' });
  let f: AdminFacilityRow;
  try {
    f = await insertFacility(input);
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', `facility ${input.code} already exists`, { field: 'code' });
    throw e;
  }
  await appendAudit({ actor: who, action: 'facility.create', entity: 'facility', entityId: f.code, after: facilitySnapshot(f) });
  return f;
}

export async function updateFacilityAsAdmin(actor: AdminActor, code: string, raw: AdminFacilityUpdateInput): Promise<AdminFacilityRow> {
  const who = assertAdmin(actor);
  const input: FacilityDetails = adminFacilityUpdateInput.parse(raw);
  const before = await facilityOrThrow(code);
  const after = await updateFacilityDetails(before.id, input);
  await auditChange(who, 'facility.update', before, after);
  return after;
}

/** Switches a facility off with everything that lets it send or read data (see deactivateFacilityRows). */
export async function deactivateFacilityAsAdmin(actor: AdminActor, code: string, now: Date = new Date()): Promise<AdminFacilityRow> {
  const who = assertAdmin(actor);
  const before = await facilityOrThrow(code);
  if (before.disabledAt) throw new AppError('CONFLICT', `facility ${code} is already inactive`);
  const off = await deactivateFacilityRows(before.id, now);
  const after = await facilityOrThrow(code);
  await auditChange(who, 'facility.deactivate', before, after, {
    disabledFtpAccounts: off.ftpAccounts,
    disabledUsers: off.users,
    disabledStations: off.stations,
    revokedTokens: off.tokens,
  });
  return after;
}

/** Marks the facility active again; accounts and stations switched off with it stay off until enabled one by one. */
export async function reactivateFacilityAsAdmin(actor: AdminActor, code: string): Promise<AdminFacilityRow> {
  const who = assertAdmin(actor);
  const before = await facilityOrThrow(code);
  if (!before.disabledAt) throw new AppError('CONFLICT', `facility ${code} is already active`);
  await reactivateFacilityRow(before.id);
  const after = await facilityOrThrow(code);
  await auditChange(who, 'facility.reactivate', before, after);
  return after;
}
