/** Data for the notification tests: two facilities with a wastewater station each; alerts written as rows. */
import { disconnectDb, pool } from '@/lib/db/client';
import { createFacility } from '@/lib/db/facilities';
import { replaceUserSubscriptions, type NotifyChannel } from '@/lib/db/notifications';
import { createUser, type Role } from '@/lib/db/users';
import { loadEnv } from '@/lib/env';
import { closeMailers, type NotifierConfig } from '@/lib/services/notifications';
import type { SmtpTestServer } from '../support/smtp-server';
import { createTestStation, uid } from '../support/fixtures';

export { uid };

/** After a file's tests: the mailers' connections, the SMTP server process and the database pool are closed. */
export async function closeMailAndDb(smtp: SmtpTestServer | undefined): Promise<void> {
  closeMailers();
  await smtp?.stop();
  await disconnectDb();
}

export function notifierConfig(overrides: Record<string, string> = {}): NotifierConfig {
  return loadEnv({ DEMO: '0', NEXTAUTH_URL: 'http://quantrac.test', NOTIFY_REPEAT_MINUTES: '60', WEBHOOK_TIMEOUT_MS: '2000', ...overrides });
}

export async function makeScene() {
  const id = uid();
  const facA = await createFacility({ code: `NA${id}`, name: `Công ty Đình Trám ${id}` });
  const facB = await createFacility({ code: `NB${id}`, name: `KCN Quế Võ ${id}` });
  const mk = (code: string, facilityId: number) =>
    createTestStation(facilityId, { code, fileCode: `${code}_F`, name: `Trạm nước thải ${code}`, parameters: ['COD'] });
  const stationA = await mk(`SA${id}`, facA.id);
  const stationB = await mk(`SB${id}`, facB.id);
  /** A user of this scene (e-mail `<tag>.<id>@notify.test`). */
  const user = (role: Role, facilityId: number | null, tag: string, name = `${tag} ${id}`) =>
    createUser({ email: `${tag}.${id.toLowerCase()}@notify.test`, name, passwordHash: 'x', role, facilityId });
  return {
    id,
    facA,
    facB,
    stationA,
    stationB,
    user,
    inspector: await user('inspector', null, 'inspector'),
    facilityUserA: await user('facility', facA.id, 'facility-a'),
    facilityUserB: await user('facility', facB.id, 'facility-b'),
  };
}

export async function subscribe(
  userId: number,
  channels: NotifyChannel[],
  opts: { stationId?: number | null; kinds?: string[]; webhookUrl?: string | null } = {},
): Promise<void> {
  await replaceUserSubscriptions(userId, [{ stationId: opts.stationId ?? null, kinds: opts.kinds ?? [], channels, webhookUrl: opts.webhookUrl ?? null }]);
}

export async function insertAlert(
  stationId: number,
  a: { kind?: string; parameter?: string | null; peak?: number; limit?: number; average?: number | null; basis?: string; openedAt?: Date; disposition?: string | null; suppressed?: boolean } = {},
): Promise<number> {
  const openedAt = a.openedAt ?? new Date();
  const r = await pool().query<{ id: number }>(
    `INSERT INTO alert (station_id, parameter, kind, state, opened_at, last_seen_at, count, peak_value, limit_value, basis, average_value, disposition, suppressed)
     VALUES ($1, $2, $3::"AlertKind", 'open', $4, $4, 1, $5, $6, $7, $8, $9::"AlertDisposition", $10) RETURNING id`,
    [
      stationId,
      a.parameter === undefined ? 'COD' : a.parameter,
      a.kind ?? 'instant_exceedance',
      openedAt,
      a.peak ?? 182.4,
      a.limit ?? 150,
      a.basis ?? '5min',
      a.average ?? null,
      a.disposition ?? null,
      a.suppressed ?? false,
    ],
  );
  return r.rows[0]!.id;
}

export async function insertEvent(alertId: number, type: string, at: Date = new Date(), actor = 'system'): Promise<number> {
  const r = await pool().query<{ id: number }>(
    `INSERT INTO alert_event (alert_id, at, type, actor, data) VALUES ($1, $2, $3::"AlertEventType", $4, '{}') RETURNING id`,
    [alertId, at, type, actor],
  );
  return r.rows[0]!.id;
}

export async function notificationsOf(alertId: number) {
  const r = await pool().query<{ id: number; user_id: number | null; channel: string; status: string; attempts: number; target: string | null; event_type: string; last_error: string | null; read_at: Date | null }>(
    `SELECT id, user_id, channel, status, attempts, target, event_type, last_error, read_at FROM notification WHERE alert_id = $1 ORDER BY id`,
    [alertId],
  );
  return r.rows;
}
