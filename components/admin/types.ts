/** Same shape as server/actions/admin-result.ts AdminActionState (components may not import server/). */
export type AdminErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHORIZED' | 'VALIDATION' | 'CONFLICT' | 'RATE_LIMITED' | 'INTERNAL';

export type AdminFormState =
  { ok: true; at: number; secret?: string; subject?: string } | { ok: false; at: number; error: AdminErrorCode; details: string } | null;

export type AdminFormAction = (prev: AdminFormState, fd: FormData) => Promise<AdminFormState>;

export type FacilityOption = { code: string; name: string; active: boolean };

export const ROLE_VALUES = ['admin', 'operator', 'inspector', 'manager', 'facility'] as const;
export type RoleValue = (typeof ROLE_VALUES)[number];
