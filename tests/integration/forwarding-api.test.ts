/**
 * Forwarding API: targets (admin; the password is never returned, stored encrypted), reconciliation status (staff),
 * resend (admin/operator, audited), and the enqueue hook (accepted/partial files queued for enabled targets only).
 * FORWARD_SECRET_KEY is unset here, so the key generated into DATA_DIR/forward-key is used.
 */
import { call, makeFacility, makeStation, tokenFor, uid } from './api-fixtures';
import { afterAll, describe, expect, it } from 'vitest';
import { GET as status } from '@/app/api/v1/forwarding/status/route';
import { GET as listTargets, POST as createTarget } from '@/app/api/v1/forwarding/targets/route';
import { GET as getTarget, PATCH as patchTarget } from '@/app/api/v1/forwarding/targets/[id]/route';
import { POST as resend } from '@/app/api/v1/forwarding/resend/route';
import { GET as openapi } from '@/app/api/v1/openapi.json/route';
import { disconnectDb, pool } from '@/lib/db/client';
import { listForwardJobs } from '@/lib/db/forwarding';
import { ingestFile } from '@/lib/services/ingest';
import { openSecret } from '@/lib/services/forwarding';

const created: number[] = [];
afterAll(async () => {
  for (const id of created) await pool().query('UPDATE forward_target SET enabled = false WHERE id = $1', [id]);
  await disconnectDb();
});

describe('forwarding API', () => {
  it('manages targets as admin only, never returning the password, which is stored encrypted', async () => {
    const admin = await tokenFor('admin');
    const operator = await tokenFor('operator');
    const body = { name: uid('Bo '), host: '127.0.0.1', port: 2100, username: 'bo', password: 'very-secret-pw', rootFolder: '/bo' };
    expect((await call(createTarget, '/api/v1/forwarding/targets', { token: operator, body })).status).toBe(403);
    expect((await call(createTarget, '/api/v1/forwarding/targets', { body })).status).toBe(401);
    const bad = await call(createTarget, '/api/v1/forwarding/targets', { token: admin, body: { ...body, pathTemplate: '{root}/{nope}/{file}' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/unknown placeholder/);

    const r = await call(createTarget, '/api/v1/forwarding/targets', { token: admin, body });
    expect(r.status).toBe(201);
    created.push(r.body.id);
    await pool().query('UPDATE forward_target SET enabled = false WHERE id = $1', [r.body.id]);
    expect(r.body).toMatchObject({ name: body.name, protocol: 'ftp', port: 2100, rootFolder: '/bo', pathTemplate: '{root}/{province}/{facility}_{station}/{yyyy}/{MM}/{dd}/{file}' });
    expect(JSON.stringify(r.body)).not.toContain('very-secret-pw');
    expect(r.body.password).toBeUndefined();
    expect(r.body.passwordEnc).toBeUndefined();
    const row = await pool().query<{ password_enc: string }>('SELECT password_enc FROM forward_target WHERE id = $1', [r.body.id]);
    expect(row.rows[0]!.password_enc).not.toContain('very-secret-pw');
    expect(openSecret(row.rows[0]!.password_enc)).toBe('very-secret-pw');

    expect((await call(createTarget, '/api/v1/forwarding/targets', { token: admin, body })).status).toBe(409);

    const list = await call(listTargets, '/api/v1/forwarding/targets', { token: admin });
    expect(list.status).toBe(200);
    expect(list.body.items.some((t: { id: number }) => t.id === r.body.id)).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain('very-secret-pw');
    expect((await call(listTargets, '/api/v1/forwarding/targets', { token: operator })).status).toBe(403);

    const p = await call(patchTarget, `/api/v1/forwarding/targets/${r.body.id}`, { method: 'PATCH', token: admin, body: { port: 2121, enabled: false }, params: { id: String(r.body.id) } });
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ port: 2121, enabled: false });
    const still = await pool().query<{ password_enc: string }>('SELECT password_enc FROM forward_target WHERE id = $1', [r.body.id]);
    expect(openSecret(still.rows[0]!.password_enc)).toBe('very-secret-pw');
    expect((await call(getTarget, '/api/v1/forwarding/targets/999999', { token: admin, params: { id: '999999' } })).status).toBe(404);
    const audit = await pool().query(`SELECT action, after::text FROM audit_log WHERE entity = 'forward_target' AND entity_id = $1 ORDER BY id`, [String(r.body.id)]);
    expect(audit.rows.map((x) => x.action)).toEqual(['forward_target.create', 'forward_target.update']);
    expect(audit.rows.map((x) => x.after).join()).not.toContain('very-secret-pw');
  });

  it('queues accepted and partial files for enabled targets; status reconciles; resend re-queues (audited)', async () => {
    const admin = await tokenFor('admin');
    const manager = await tokenFor('manager');
    const operator = await tokenFor('operator');
    const facilityToken = await tokenFor('facility');
    const t = await call(createTarget, '/api/v1/forwarding/targets', { token: admin, body: { name: uid('Bo '), host: '127.0.0.1', username: 'u', password: 'p' } });
    created.push(t.body.id);
    const f = await makeFacility();
    const s = await makeStation(f.code);
    const ingest = (stamp: string, body: string) => ingestFile({ name: `BG_${s.fileCode}_${stamp}.txt`, bytes: Buffer.from(body), source: 'import' });
    const a = await ingest('20240524100000', 'COD\t40\tmg/L\t20240524100000\t00\r\n');
    const b = await ingest('20240524100500', 'COD\t41\tmg/L\t20240524100500\t00\r\nXX\t1\tmg/L\t20240524100500\t00\r\n');
    const c = await ingest('20240524101000', 'XX\t1\tmg/L\t20240524101000\t00\r\n');
    const d = await ingest('20240524100000', 'COD\t40\tmg/L\t20240524100000\t00\r\n');
    expect([a.outcome, b.outcome, c.outcome, d.outcome]).toEqual(['accepted', 'partial', 'rejected', 'duplicate']);
    const jobs = await listForwardJobs(t.body.id);
    expect(jobs.map((j) => j.fileId).sort()).toEqual([a.fileId, b.fileId].sort());
    expect(jobs.every((j) => j.state === 'pending' && j.attempts === 0)).toBe(true);

    // Mark one as sent (as the worker would) to see it in the counts.
    await pool().query(`UPDATE forward_job SET state = 'sent', sent_at = now() WHERE file_id = $1 AND target_id = $2`, [a.fileId, t.body.id]);
    const q = `/api/v1/forwarding/status?station=${s.code}&target=${t.body.id}`;
    expect((await call(status, q, { token: facilityToken })).status).toBe(403);
    const st = await call(status, q, { token: manager });
    expect(st.status).toBe(200);
    expect(st.body.nextCursor).toBeNull();
    expect(st.body.items).toHaveLength(1);
    expect(st.body.items[0]).toMatchObject({ station: s.code, received: 2, forwarded: 1, pending: 1, failed: 0 });
    expect(st.body.items[0].day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await call(status, '/api/v1/forwarding/status?from=2024-05-02T00:00:00Z&to=2024-05-01T00:00:00Z', { token: manager })).status).toBe(400);
    expect((await call(status, '/api/v1/forwarding/status?station=NOPE_NOPE', { token: manager })).status).toBe(404);

    const window = { station: s.code, from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString(), target: t.body.id };
    expect((await call(resend, '/api/v1/forwarding/resend', { token: manager, body: window })).status).toBe(403);
    const rs = await call(resend, '/api/v1/forwarding/resend', { token: operator, body: window });
    expect(rs.status).toBe(202);
    expect(rs.body.requeued).toBe(2);
    const after = await listForwardJobs(t.body.id);
    expect(after.every((j) => j.state === 'pending')).toBe(true);
    const audit = await pool().query(`SELECT actor FROM audit_log WHERE action = 'forwarding.resend' AND entity_id = $1`, [s.code]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].actor).toMatch(/^token:/);
    expect((await call(resend, '/api/v1/forwarding/resend', { token: operator, body: { ...window, station: 'NOPE_NOPE' } })).status).toBe(404);

    // A disabled target gets no new jobs.
    await call(patchTarget, `/api/v1/forwarding/targets/${t.body.id}`, { method: 'PATCH', token: admin, body: { enabled: false }, params: { id: String(t.body.id) } });
    await ingest('20240524102000', 'COD\t42\tmg/L\t20240524102000\t00\r\n');
    expect(await listForwardJobs(t.body.id)).toHaveLength(2);
  });

  it('documents the forwarding paths in OpenAPI', async () => {
    const r = await call(openapi, '/api/v1/openapi.json');
    for (const p of ['/api/v1/forwarding/status', '/api/v1/forwarding/targets', '/api/v1/forwarding/targets/{id}', '/api/v1/forwarding/resend']) {
      expect(r.body.paths[p]).toBeDefined();
    }
  });
});
