import { z } from 'zod';
import { appendAudit } from '../../db/audit';
import { pool } from '../../db/client';
import { getNotificationSetting, setNotificationSetting } from '../../db/notifications';
import { parseIpRanges } from '../../domain/security/client-address';
import { AppError } from '../../errors';
import type { WebhookAllowList } from './webhook';

/**
 * The admin's webhook allow-list (security round 2): host names or IP addresses/ranges that personal webhooks may
 * reach although they are loopback, private or link-local (an SMS gateway on the internal network). Empty by default.
 */
const KEY = 'webhook_allow_list';
const entry = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .refine((v) => /^[a-z0-9.-]+$/i.test(v) || isRange(v), { message: 'a host name, an IP address or a CIDR range' });
const listSchema = z.array(entry).max(100);

function isRange(v: string): boolean {
  try {
    parseIpRanges(v);
    return true;
  } catch {
    return false;
  }
}

export async function getWebhookAllowList(): Promise<WebhookAllowList> {
  const parsed = listSchema.safeParse(await getNotificationSetting(pool(), KEY));
  return parsed.success ? parsed.data : [];
}

export async function setWebhookAllowListAsAdmin(actor: { email: string; role: string }, raw: unknown): Promise<WebhookAllowList> {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN', 'only admins change the webhook allow-list');
  const parsed = listSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('VALIDATION', 'Invalid webhook allow-list', parsed.error.flatten());
  const before = await getWebhookAllowList();
  await setNotificationSetting(pool(), KEY, parsed.data);
  await appendAudit({ actor: `user:${actor.email}`, action: 'notification.webhook_allow_list', entity: 'notification_setting', entityId: KEY, before: [...before], after: parsed.data });
  return parsed.data;
}
