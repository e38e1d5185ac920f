'use server';
import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  changeUserRoleAsAdmin,
  createFtpAccountAsAdmin,
  createTokenAsAdmin,
  createUserAsAdmin,
  resetFtpPasswordAsAdmin,
  resetUserPasswordAsAdmin,
  revokeTokenAsAdmin,
  setFtpAccountEnabledAsAdmin,
  setUserActiveAsAdmin,
} from '@/lib/services/accounts';
import type { Role } from '@/lib/db/users';
import { adminAction } from './admin-action';
import { done } from './admin-result';
import { positiveId, text } from './form';

/**
 * Users, FTP accounts and API tokens: authorise (admin), validate, one service call, map errors, revalidate.
 * A generated password or token travels back once in `secret`; it is not stored anywhere in clear.
 */

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const createUserAction = adminAction(async (actor, fd) => {
  const r = await createUserAsAdmin(actor, {
    email: text(fd, 'email') ?? '',
    name: text(fd, 'name') ?? '',
    role: (text(fd, 'role') ?? '') as Role,
    facilityCode: text(fd, 'facilityCode'),
  });
  revalidatePath('/admin', 'layout');
  return done({ secret: r.password, subject: r.user.email });
});

export const changeUserRoleAction = adminAction(async (actor, fd) => {
  const u = await changeUserRoleAsAdmin(actor, positiveId.parse(text(fd, 'id')), {
    role: (text(fd, 'role') ?? '') as Role,
    facilityCode: text(fd, 'facilityCode'),
  });
  revalidatePath('/admin', 'layout');
  return done({ subject: u.email });
});

export const resetUserPasswordAction = adminAction(async (actor, fd) => {
  const r = await resetUserPasswordAsAdmin(actor, positiveId.parse(text(fd, 'id')));
  revalidatePath('/admin/audit');
  return done({ secret: r.password, subject: r.user.email });
});

export const setUserActiveAction = adminAction(async (actor, fd) => {
  const u = await setUserActiveAsAdmin(actor, positiveId.parse(text(fd, 'id')), flag.parse(text(fd, 'active')));
  revalidatePath('/admin', 'layout');
  return done({ subject: u.email });
});

export const createFtpAccountAction = adminAction(async (actor, fd) => {
  const r = await createFtpAccountAsAdmin(actor, {
    username: text(fd, 'username') ?? '',
    facilityCode: text(fd, 'facilityCode') ?? '',
  });
  revalidatePath('/admin', 'layout');
  return done({ secret: r.password, subject: r.account.username });
});

export const resetFtpPasswordAction = adminAction(async (actor, fd) => {
  const r = await resetFtpPasswordAsAdmin(actor, positiveId.parse(text(fd, 'id')));
  revalidatePath('/admin/audit');
  return done({ secret: r.password, subject: r.account.username });
});

export const setFtpEnabledAction = adminAction(async (actor, fd) => {
  const a = await setFtpAccountEnabledAsAdmin(
    actor,
    positiveId.parse(text(fd, 'id')),
    flag.parse(text(fd, 'enabled')),
  );
  revalidatePath('/admin', 'layout');
  return done({ subject: a.username });
});

export const createTokenAction = adminAction(async (actor, fd) => {
  const t = await createTokenAsAdmin(actor, {
    name: text(fd, 'name') ?? '',
    role: (text(fd, 'role') ?? '') as Role,
    facilityCode: text(fd, 'facilityCode'),
  });
  revalidatePath('/admin', 'layout');
  return done({ secret: t.token, subject: t.name });
});

export const revokeTokenAction = adminAction(async (actor, fd) => {
  const t = await revokeTokenAsAdmin(actor, positiveId.parse(text(fd, 'id')));
  revalidatePath('/admin', 'layout');
  return done({ subject: t.name });
});
