/** /api/v1/alerts: list shape and filters, acknowledge and disposition with their roles, facility scoping, audit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addReadings, call, ISO_VN, makeFacility, makeStation, tokenFor, vn } from './api-fixtures';
import * as ackRoute from '@/app/api/v1/alerts/[id]/acknowledge/route';
import * as dispRoute from '@/app/api/v1/alerts/[id]/disposition/route';
import * as detailRoute from '@/app/api/v1/alerts/[id]/route';
import * as listRoute from '@/app/api/v1/alerts/route';
import { disconnectDb, pool } from '@/lib/db/client';
import { findStationByCode } from '@/lib/db/stations';
import { evaluateStationHour } from '@/lib/services/alerts';
import { listAlerts } from '@/lib/services/alerts';
import { setStationLimitBinding } from '@/lib/services/stations';

let station: { code: string };
let facilityCode: string;
let complianceId: number;
let approachingId: number;
let instantId: number;

beforeAll(async () => {
  const f = await makeFacility();
  facilityCode = f.code;
  station = await makeStation(f.code, { kind: 'emission', parameters: [{ code: 'NOX' }, { code: 'SO2' }] });
  await setStationLimitBinding({ stationCode: station.code, standardCode: 'QCVN19:2009', column: 'B', coefficients: {}, actor: 'test' });
  const s = await findStationByCode(station.code);
  const start = vn('2026-04-01T09:00:00').getTime();
  await addReadings(station.code, 'NOX', Array.from({ length: 12 }, (_, i) => ({ time: new Date(start + (i + 1) * 300_000), value: 900 })));
  // SO2 at 90 % of its 500 mg/Nm³ limit: approaching (not beyond).
  await addReadings(station.code, 'SO2', Array.from({ length: 12 }, (_, i) => ({ time: new Date(start + (i + 1) * 300_000), value: 450 })));
  await evaluateStationHour({ stationId: s!.id, from: vn('2026-04-01T09:00:00'), to: vn('2026-04-01T10:00:00'), now: vn('2026-04-01T10:01:00') });
  const items = (await listAlerts({ station: station.code }, { facilityId: null })).items;
  complianceId = items.find((a) => a.kind === 'compliance_exceedance')!.id;
  approachingId = items.find((a) => a.kind === 'approaching')!.id;
  instantId = items.find((a) => a.kind === 'instant_exceedance')!.id;
});

afterAll(async () => {
  await disconnectDb();
});

describe('GET /api/v1/alerts', () => {
  it('lists items exactly with the API.md fields for staff, filtered by station and kind', async () => {
    const r = await call(listRoute.GET, `/api/v1/alerts?station=${station.code}&kind=compliance_exceedance`, { token: await tokenFor('manager') });
    expect(r.status).toBe(200);
    expect(r.body.nextCursor).toBeNull();
    expect(r.body.items).toHaveLength(1);
    const a = r.body.items[0];
    for (const k of ['id', 'kind', 'station', 'parameter', 'state', 'openedAt', 'lastSeenAt', 'resolvedAt', 'count', 'peakValue', 'limit', 'basis', 'averageValue', 'completeness', 'disposition']) {
      expect(a).toHaveProperty(k);
    }
    expect(a).toMatchObject({ kind: 'compliance_exceedance', station: station.code, parameter: 'NOX', state: 'open', count: 1, limit: 850, basis: '1h', averageValue: 900, completeness: 1, disposition: 'pending_review', resolvedAt: null });
    expect(a.openedAt).toMatch(ISO_VN);
    expect(a.openedAt).toBe('2026-04-01T10:00:00+07:00');
  });

  it('pages with limit and cursor; rejects bad filters; facility tokens get 403; no token 401', async () => {
    const token = await tokenFor('operator');
    const p1 = await call(listRoute.GET, `/api/v1/alerts?station=${station.code}&limit=1`, { token });
    expect(p1.body.items).toHaveLength(1);
    expect(p1.body.nextCursor).toEqual(expect.any(String));
    const p2 = await call(listRoute.GET, `/api/v1/alerts?station=${station.code}&limit=1&cursor=${p1.body.nextCursor}`, { token });
    expect(p2.body.items[0].id).not.toBe(p1.body.items[0].id);
    expect(p2.body.items[0].openedAt <= p1.body.items[0].openedAt).toBe(true);
    expect((await call(listRoute.GET, '/api/v1/alerts?kind=nope', { token })).status).toBe(400);
    // Every kind of the contract is a valid filter, also those the engine does not raise yet.
    for (const kind of ['clock_fault', 'trend_warning']) {
      const r = await call(listRoute.GET, `/api/v1/alerts?station=${station.code}&kind=${kind}`, { token });
      expect(r.status).toBe(200);
      expect(r.body.items).toEqual([]);
    }
    expect((await call(listRoute.GET, '/api/v1/alerts?station=NO_SUCH_STATION', { token })).status).toBe(404);
    expect((await call(listRoute.GET, '/api/v1/alerts', { token: await tokenFor('facility', facilityCode) })).status).toBe(403);
    expect((await call(listRoute.GET, '/api/v1/alerts')).status).toBe(401);
  });

  it('GET /api/v1/alerts/{id} has the event history; facility token 403; unknown id 404', async () => {
    const r = await call(detailRoute.GET, `/api/v1/alerts/${complianceId}`, { token: await tokenFor('inspector'), params: { id: String(complianceId) } });
    expect(r.status).toBe(200);
    expect(r.body.events[0]).toMatchObject({ type: 'opened' });
    expect((await call(detailRoute.GET, '/api/v1/alerts/99999999', { token: await tokenFor('inspector'), params: { id: '99999999' } })).status).toBe(404);
    expect((await call(detailRoute.GET, `/api/v1/alerts/${complianceId}`, { token: await tokenFor('facility', facilityCode), params: { id: String(complianceId) } })).status).toBe(403);
  });
});

describe('POST acknowledge / disposition', () => {
  it('acknowledge: manager and facility 403; operator acknowledges (event + audit); a second acknowledge is 409', async () => {
    const params = { id: String(approachingId) };
    const url = `/api/v1/alerts/${approachingId}/acknowledge`;
    expect((await call(ackRoute.POST, url, { token: await tokenFor('manager'), body: {}, params })).status).toBe(403);
    expect((await call(ackRoute.POST, url, { token: await tokenFor('facility', facilityCode), body: {}, params })).status).toBe(403);
    const r = await call(ackRoute.POST, url, { token: await tokenFor('operator'), body: { note: 'đã gọi cơ sở' }, params });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: approachingId, state: 'acknowledged' });
    expect(r.body.acknowledgedBy).toMatch(/^token:test-operator-/i);
    const audit = await pool().query(`SELECT action, after FROM audit_log WHERE entity = 'alert' AND entity_id = $1`, [String(approachingId)]);
    expect(audit.rows).toEqual([expect.objectContaining({ action: 'alert.acknowledge', after: expect.objectContaining({ note: 'đã gọi cơ sở' }) })]);
    expect((await call(ackRoute.POST, url, { token: await tokenFor('inspector'), params, method: 'POST' })).status).toBe(409);
  });

  it('an instant exceedance also takes a disposition (every exceedance kind)', async () => {
    const body = { disposition: 'equipment_fault', note: 'Đầu đo NOx trôi' };
    const r = await call(dispRoute.POST, `/api/v1/alerts/${instantId}/disposition`, { token: await tokenFor('inspector'), body, params: { id: String(instantId) } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ kind: 'instant_exceedance', disposition: 'equipment_fault', confirmed: true, historical: false });
  });

  it('disposition: operator 403; inspector sets it with note, assignee and due date; non-exceedance alerts 400; missing note 400', async () => {
    const params = { id: String(complianceId) };
    const url = `/api/v1/alerts/${complianceId}/disposition`;
    const body = { disposition: 'confirmed_violation', note: 'Vượt QCVN 19 cột B', dueAt: '2026-04-10T17:00:00+07:00' };
    expect((await call(dispRoute.POST, url, { token: await tokenFor('operator'), body, params })).status).toBe(403);
    expect((await call(dispRoute.POST, url, { token: await tokenFor('admin'), body, params })).status).toBe(403);
    expect((await call(dispRoute.POST, url, { token: await tokenFor('inspector'), body: { disposition: 'false_alarm' }, params })).status).toBe(400);
    const r = await call(dispRoute.POST, url, { token: await tokenFor('inspector'), body, params });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ disposition: 'confirmed_violation', dispositionNote: 'Vượt QCVN 19 cột B', dueAt: '2026-04-10T17:00:00+07:00' });
    const other = await call(dispRoute.POST, `/api/v1/alerts/${approachingId}/disposition`, { token: await tokenFor('inspector'), body, params: { id: String(approachingId) } });
    expect(other.status).toBe(400);
    const audit = await pool().query(`SELECT before, after FROM audit_log WHERE action = 'alert.disposition' AND entity_id = $1`, [String(complianceId)]);
    expect(audit.rows[0]).toMatchObject({ before: { disposition: 'pending_review' }, after: { disposition: 'confirmed_violation' } });
  });
});

describe('acknowledge many at once', () => {
  it('acknowledges the open ones, skips the others with the reason; each audited', async () => {
    const { acknowledgeAlerts } = await import('@/lib/services/alerts');
    const r = await acknowledgeAlerts({ ids: [complianceId, approachingId, 99999999], actor: 'inspector@test' }, { facilityId: null });
    expect(r.acknowledged).toEqual([complianceId]);
    expect(r.skipped).toEqual([
      { id: approachingId, reason: 'CONFLICT' },
      { id: 99999999, reason: 'NOT_FOUND' },
    ]);
    const audit = await pool().query(`SELECT actor FROM audit_log WHERE action = 'alert.acknowledge' AND entity_id = $1`, [String(complianceId)]);
    expect(audit.rows).toEqual([{ actor: 'inspector@test' }]);
  });
});
