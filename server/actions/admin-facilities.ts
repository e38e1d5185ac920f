'use server';
import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  createFacilityAsAdmin,
  deactivateFacilityAsAdmin,
  reactivateFacilityAsAdmin,
  updateFacilityAsAdmin,
} from '@/lib/services/accounts';
import { adminAction } from './admin-action';
import { done } from './admin-result';
import { text } from './form';

/** Facility mutations of the admin area: authorise (admin), validate, one service call, map errors, revalidate. */

const code = z.string().trim().min(1).max(64);

function refresh(facility?: string) {
  revalidatePath('/admin', 'layout');
  if (facility) revalidatePath(`/admin/facilities/${facility}`);
}

export const createFacilityAction = adminAction(async (actor, fd) => {
  const f = await createFacilityAsAdmin(actor, {
    code: text(fd, 'code') ?? '',
    name: text(fd, 'name') ?? '',
    address: text(fd, 'address'),
    province: text(fd, 'province'),
    contactEmail: text(fd, 'contactEmail'),
  });
  refresh();
  return done({ subject: f.code });
});

export const updateFacilityAction = adminAction(async (actor, fd) => {
  const facility = code.parse(text(fd, 'code'));
  await updateFacilityAsAdmin(actor, facility, {
    name: text(fd, 'name') ?? '',
    address: text(fd, 'address'),
    province: text(fd, 'province'),
    contactEmail: text(fd, 'contactEmail'),
  });
  refresh(facility);
  return done({ subject: facility });
});

/** Deactivates (active=false) or reactivates (active=true) a facility. */
export const setFacilityActiveAction = adminAction(async (actor, fd) => {
  const facility = code.parse(text(fd, 'code'));
  const active = z.enum(['true', 'false']).parse(text(fd, 'active')) === 'true';
  await (active ? reactivateFacilityAsAdmin(actor, facility) : deactivateFacilityAsAdmin(actor, facility));
  refresh(facility);
  return done({ subject: facility });
});
