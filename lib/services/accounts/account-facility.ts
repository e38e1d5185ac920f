import { findAdminFacility, type AdminFacilityRow } from '../../db/admin-facilities';
import { findFacilityByCode, type FacilityRow } from '../../db/facilities';
import { AppError } from '../../errors';

/** The facility a new login or token belongs to (null without a code: a staff account); NOT_FOUND for an unknown code. */
export async function accountFacility(code: string | null | undefined): Promise<FacilityRow | null> {
  if (!code) return null;
  const facility = await findFacilityByCode(code);
  if (!facility) throw new AppError('NOT_FOUND', `facility ${code} does not exist`);
  return facility;
}

/** A facility that admin forms may attach accounts or stations to: it exists and is active (VALIDATION otherwise). */
export async function activeFacilityOrThrow(code: string): Promise<AdminFacilityRow> {
  const f = await findAdminFacility(code);
  if (f && !f.disabledAt) return f;
  const problem = f ? `facility ${code} is inactive` : `facility ${code} does not exist`;
  throw new AppError('VALIDATION', problem, [{ path: 'facilityCode', message: problem }]);
}
