/**
 * The automatic sampler (issue #21): an exceedance episode with autoAfter consecutive values queues ONE automatic
 * command (idempotent, cooldown respected); a logger answers over HTTP with its facility token, or over FTP by
 * downloading the command file from commands/ and uploading a result file; unanswered commands expire. Every step is
 * audited and on the alert; inspectors are notified when the bottle is filled.
 */
import { mkdtempSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { disconnectDb, pool } from '@/lib/db/client';
import { setDeviceSettings } from '@/lib/services/camera';
import { expireCommands, queueAutoSamples, queueSampleService, syncCommandFiles } from '@/lib/services/sampler';
import type { FtpReceiver } from '@/worker/ftp-server';
import { call, tokenFor } from './api-fixtures';
import * as commandsRoute from '@/app/api/v1/stations/[code]/sampler/commands/route';
import * as resultRoute from '@/app/api/v1/stations/[code]/sampler/commands/[id]/result/route';
import { connectFtp, createFtpFacility, startTestReceiver, uploadFtp, type FtpFacility } from '../support/ftp';
import { waitFor } from '../support/wait';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qt-sampler-'));
let receiver: FtpReceiver;
const admin = { name: 'test:admin', role: 'admin' as const };
const inspector = { name: 'inspector', role: 'inspector' as const, facilityId: null, actorName: 'session:inspector@test' };

async function openAlert(stationId: number, count: number, openedAt = new Date(), parameter = 'COD'): Promise<number> {
  const r = await pool().query<{ id: number }>(
    `INSERT INTO alert (station_id, parameter, kind, state, opened_at, last_seen_at, count, peak_value, limit_value, basis)
     VALUES ($1, $4, 'instant_exceedance', 'open', $2, $2, $3, 180, 75, '5min') RETURNING id`,
    [stationId, openedAt, count, parameter],
  );
  return r.rows[0]!.id;
}
const setCount = (alertId: number, count: number) => pool().query('UPDATE alert SET count = $2 WHERE id = $1', [alertId, count]);
const commandsOf = async (stationId: number) =>
  (await pool().query<{ id: number; state: string; trigger: string; alert_id: number | null; delivered_via: string | null; bottle: number | null }>(
    'SELECT id, state, trigger, alert_id, delivered_via, bottle FROM sampler_command WHERE station_id = $1 ORDER BY id',
    [stationId],
  )).rows;

async function samplerStation(prefix: string, autoAfter = 3, cooldownMinutes = 60): Promise<FtpFacility> {
  const f = await createFtpFacility(prefix);
  await setDeviceSettings(f.stationId, { sampler: { enabled: true, autoAfter, cooldownMinutes } }, admin);
  return f;
}

beforeAll(async () => {
  receiver = await startTestReceiver({ pasvMin: 32226, pasvMax: 32245, dataDir });
});

afterAll(async () => {
  await receiver?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await disconnectDb();
});

describe('automatic samples', () => {
  it('one command per episode once count reaches autoAfter; cooldown respected; idempotent', async () => {
    const f = await samplerStation('SMA', 3, 60);
    const t0 = new Date('2026-12-08T03:00:00Z');
    const a1 = await openAlert(f.stationId, 2, t0);
    await queueAutoSamples(t0);
    expect(await commandsOf(f.stationId)).toEqual([]);
    await setCount(a1, 3);
    await Promise.all([queueAutoSamples(t0), queueAutoSamples(t0)]);
    await queueAutoSamples(new Date(t0.getTime() + 120 * 60_000));
    expect(await commandsOf(f.stationId)).toMatchObject([{ trigger: 'auto', state: 'queued', alert_id: a1 }]);
    // A second episode 30 minutes later waits for the cooldown (60 min after the last command), then gets its own.
    const a2 = await openAlert(f.stationId, 5, new Date(t0.getTime() + 30 * 60_000), 'PH');
    await queueAutoSamples(new Date(t0.getTime() + 59 * 60_000));
    expect(await commandsOf(f.stationId)).toHaveLength(1);
    await queueAutoSamples(new Date(t0.getTime() + 60 * 60_000));
    expect((await commandsOf(f.stationId)).map((c) => c.alert_id)).toEqual([a1, a2]);
    const events = await pool().query("SELECT data FROM alert_event WHERE alert_id = $1 AND type = 'note'", [a1]);
    expect(events.rows.map((r: { data: { sampler: { state: string } } }) => r.data.sampler.state)).toEqual(['queued']);
  });

  it('a disabled sampler or autoAfter 0 queues nothing', async () => {
    const off = await samplerStation('SMB', 0);
    await openAlert(off.stationId, 50);
    await queueAutoSamples(new Date());
    expect(await commandsOf(off.stationId)).toEqual([]);
  });

  it('unanswered commands expire after the TTL (audited)', async () => {
    const f = await samplerStation('SMC');
    const now = new Date('2026-12-08T04:00:00Z');
    const c = await queueSampleService(await stationCode(f.stationId), { facilityId: null }, inspector, {}, now);
    // Other tests' commands share the table: look at this station's only.
    await expireCommands(new Date(now.getTime() + 29 * 60_000));
    expect((await commandsOf(f.stationId)).map((x) => x.state)).toEqual(['queued']);
    await expireCommands(new Date(now.getTime() + 30 * 60_000));
    expect((await commandsOf(f.stationId)).map((x) => x.state)).toEqual(['expired']);
    const audit = await pool().query("SELECT action FROM audit_log WHERE entity = 'sampler_command' AND entity_id = $1 ORDER BY id", [String(c.id)]);
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(['sampler.queued', 'sampler.expired']);
  });
});

async function stationCode(stationId: number): Promise<string> {
  return (await pool().query<{ code: string }>('SELECT code FROM station WHERE id = $1', [stationId])).rows[0]!.code;
}

describe('the logger answers', () => {
  it('over HTTP with its facility token; inspectors are notified; another facility cannot answer', async () => {
    const f = await samplerStation('SMH');
    const other = await samplerStation('SMO');
    const code = await stationCode(f.stationId);
    const alertId = await openAlert(f.stationId, 1);
    const staff = await tokenFor('inspector');
    const user = await pool().query<{ id: number }>(
      "INSERT INTO app_user (email, name, password_hash, role) VALUES ($1, 'Thanh tra', 'x', 'inspector') RETURNING id",
      [`inspector-${f.code.toLowerCase()}@test.vn`],
    );
    const queued = await call(commandsRoute.POST, `/api/v1/stations/${code}/sampler/commands`, { token: staff, body: { alertId }, params: { code } });
    expect(queued.status).toBe(201);
    const logger = await tokenFor('facility', f.code);
    const foreign = await tokenFor('facility', other.code);
    expect((await call(commandsRoute.GET, `/api/v1/stations/${code}/sampler/commands?state=queued`, { token: foreign, params: { code } })).status).toBe(404);
    const polled = await call(commandsRoute.GET, `/api/v1/stations/${code}/sampler/commands?state=queued`, { token: logger, params: { code } });
    expect(polled.body.items).toMatchObject([{ id: queued.body.id, state: 'delivered', alertId }]);
    // Polled again: nothing is queued any more.
    expect((await call(commandsRoute.GET, `/api/v1/stations/${code}/sampler/commands?state=queued`, { token: logger, params: { code } })).body.items).toEqual([]);
    const id = String(queued.body.id);
    const answer = { status: 'sampled', bottle: 7, sampledAt: '2026-12-08T10:55:00+07:00' };
    expect((await call(resultRoute.POST, `/x`, { token: foreign, body: answer, params: { code, id } })).status).toBe(404);
    expect((await call(resultRoute.POST, `/x`, { token: staff, body: answer, params: { code, id } })).status).toBe(403);
    const done = await call(resultRoute.POST, `/x`, { token: logger, body: answer, params: { code, id } });
    expect(done.body).toMatchObject({ state: 'sampled', bottle: 7 });
    expect((await call(resultRoute.POST, `/x`, { token: logger, body: answer, params: { code, id } })).status).toBe(409);
    const notes = await pool().query<{ event_type: string; channel: string }>(
      'SELECT event_type, channel FROM notification WHERE alert_id = $1 AND user_id = $2', [alertId, user.rows[0]!.id]);
    expect(notes.rows).toEqual([{ event_type: 'sampled', channel: 'inapp' }]);
    const steps = await pool().query("SELECT data->'sampler'->>'state' AS s FROM alert_event WHERE alert_id = $1 AND type = 'note' ORDER BY id", [alertId]);
    expect(steps.rows.map((r: { s: string }) => r.s)).toEqual(['queued', 'delivered', 'sampled']);
  });

  it('over FTP: downloads the command file from commands/, answers with a result file', async () => {
    const f = await samplerStation('SMF');
    const code = await stationCode(f.stationId);
    const c = await queueSampleService(code, { facilityId: null }, inspector, { reason: 'kiểm tra' });
    // What the worker's sampler step does, with this receiver's data folder.
    await syncCommandFiles(dataDir);
    const name = `${f.fileCode}_${c.id}.cmd`;
    const client = await connectFtp(receiver.port, f);
    let text = '';
    try {
      const listing = (await client.list('commands')).map((x) => x.name);
      expect(listing).toContain(name);
      const chunks: Buffer[] = [];
      await client.downloadTo(new Writable({ write(chunk: Buffer, _e, cb) { chunks.push(chunk); cb(); } }), `commands/${name}`);
      text = Buffer.concat(chunks).toString('utf8');
    } finally {
      client.close();
    }
    expect(text).toContain(`id=${c.id}\r\n`);
    expect(text).toContain(`station=${code}\r\n`);
    expect(text).toContain('reason=kiểm tra\r\n');
    await waitFor(async () => (await commandsOf(f.stationId))[0]?.state === 'delivered');
    expect((await commandsOf(f.stationId))[0]!.delivered_via).toBe('ftp');

    await uploadFtp(receiver.port, f, `${f.fileCode}_${c.id}.result`, `id=${c.id}\r\nstatus=sampled\r\nbottle=3\r\nsampled_at=20261208105500\r\n`, { dir: 'commands' });
    await waitFor(async () => {
      await receiver.idle();
      return (await commandsOf(f.stationId))[0]?.state === 'sampled';
    });
    expect((await commandsOf(f.stationId))[0]!.bottle).toBe(3);
    await syncCommandFiles(dataDir);
    expect(await readdir(path.join(dataDir, 'ftp', f.code, 'commands'))).toEqual([]);
  });
});
