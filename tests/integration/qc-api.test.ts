import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, ISO_VN, tokenFor } from './api-fixtures';
import { drain, ingestRows, newStation, series } from './qc-support';
import { disconnectDb, pool } from '@/lib/db/client';
import * as overlays from '@/app/api/v1/stations/[code]/overlays/route';
import * as overlayOne from '@/app/api/v1/stations/[code]/overlays/[id]/route';
import * as qcSettings from '@/app/api/v1/stations/[code]/qc/route';
import * as qcRecompute from '@/app/api/v1/stations/[code]/qc/recompute/route';
import * as qcPeriods from '@/app/api/v1/stations/[code]/qc/periods/route';
import * as flagsRoute from '@/app/api/v1/qc/flags/route';
import * as reviewRoute from '@/app/api/v1/qc/review/route';
import * as readings from '@/app/api/v1/stations/[code]/readings/route';

afterAll(async () => {
  await disconnectDb();
});

let own: Awaited<ReturnType<typeof newStation>>;
let other: Awaited<ReturnType<typeof newStation>>;
let admin: string;
let operator: string;
let manager: string;
let facilityToken: string;

beforeAll(async () => {
  own = await newStation();
  other = await newStation();
  [admin, operator, manager, facilityToken] = await Promise.all([tokenFor('admin'), tokenFor('operator'), tokenFor('manager'), tokenFor('facility', own.facility)]);
  const rows = series('2026-04-02T08:05:00', 24);
  rows[10] = { ...rows[10]!, value: 2500 }; // 08:55, outside the fail span → fail
  await ingestRows(own.id, 'COD', rows);
  const otherRows = series('2026-04-02T08:05:00', 24);
  otherRows[5] = { ...otherRows[5]!, value: 2600 };
  await ingestRows(other.id, 'COD', otherRows);
  await drain(own.id);
  await drain(other.id);
});

const overlayBody = { parameters: ['COD'], from: '2026-04-02T09:30:00+07:00', to: '2026-04-02T09:50:00+07:00', action: 'invalidate', reason: 'maintenance of the probe' };

describe('overlays API', () => {
  it('operators create, list and revoke overlays; averages follow; audited', async () => {
    const url = `/api/v1/stations/${own.code}/overlays`;
    const created = await call(overlays.POST, url, { token: operator, body: overlayBody, params: { code: own.code } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ station: own.code, parameters: ['COD'], action: 'invalidate', active: true });
    expect(created.body.from).toMatch(ISO_VN);

    const list = await call(overlays.GET, url, { token: manager, params: { code: own.code } });
    expect(list.status).toBe(200);
    expect(list.body.items.map((o: { id: number }) => o.id)).toContain(created.body.id);

    await drain(own.id);
    const hourly = await call(readings.GET, `/api/v1/stations/${own.code}/readings?parameter=COD&resolution=1h&from=2026-04-02T09:00:00%2B07:00&to=2026-04-02T11:00:00%2B07:00`, {
      token: operator,
      params: { code: own.code },
    });
    expect(hourly.status).toBe(200);
    expect(hourly.body.items).toEqual([
      expect.objectContaining({ time: '2026-04-02T09:00:00+07:00', validCount: 9, expectedCount: 12, complete: true }),
      expect.objectContaining({ time: '2026-04-02T10:00:00+07:00', validCount: 8, expectedCount: 12, complete: false }),
    ]);

    const revoked = await call(overlayOne.DELETE, `${url}/${created.body.id}`, { method: 'DELETE', token: operator, params: { code: own.code, id: String(created.body.id) } });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ active: false });
    const twice = await call(overlayOne.DELETE, `${url}/${created.body.id}`, { method: 'DELETE', token: operator, params: { code: own.code, id: String(created.body.id) } });
    expect(twice.status).toBe(409);
    await drain(own.id);
    const back = await call(readings.GET, `/api/v1/stations/${own.code}/readings?parameter=COD&resolution=1h&from=2026-04-02T10:00:00%2B07:00&to=2026-04-02T11:00:00%2B07:00`, {
      token: operator,
      params: { code: own.code },
    });
    expect(back.body.items[0]).toMatchObject({ validCount: 12, complete: true });

    const audit = await pool().query(`SELECT action, before, after FROM audit_log WHERE entity = 'overlay' AND entity_id = $1 ORDER BY id`, [String(created.body.id)]);
    expect(audit.rows.map((r) => r.action)).toEqual(['overlay.invalidate', 'overlay.revoke']);
    expect(audit.rows[1].before).toMatchObject({ revokedAt: null });
    expect(audit.rows[1].after.revokedAt).not.toBeNull();
  });

  it('validates input (unknown parameter, from after to, missing reason)', async () => {
    const url = `/api/v1/stations/${own.code}/overlays`;
    for (const patch of [{ parameters: ['PM25'] }, { from: '2026-04-03T00:00:00+07:00' }, { reason: '' }, { action: 'delete' }]) {
      const r = await call(overlays.POST, url, { token: operator, body: { ...overlayBody, ...patch }, params: { code: own.code } });
      expect(r.status, JSON.stringify(patch)).toBe(400);
    }
  });

  it('facility tokens cannot touch overlays; they see only their own stations (404 for others)', async () => {
    const mine = `/api/v1/stations/${own.code}/overlays`;
    const theirs = `/api/v1/stations/${other.code}/overlays`;
    expect((await call(overlays.POST, mine, { token: facilityToken, body: overlayBody, params: { code: own.code } })).status).toBe(403);
    expect((await call(overlays.POST, theirs, { token: manager, body: overlayBody, params: { code: other.code } })).status).toBe(403);
    expect((await call(overlays.GET, mine, { token: facilityToken, params: { code: own.code } })).status).toBe(200);
    const hidden = await call(overlays.GET, theirs, { token: facilityToken, params: { code: other.code } });
    expect(hidden.status).toBe(404);
    expect((await call(qcPeriods.GET, `/api/v1/stations/${other.code}/qc/periods`, { token: facilityToken, params: { code: other.code } })).status).toBe(404);
    expect((await call(overlays.GET, mine, { params: { code: own.code } })).status).toBe(401);
  });
});

describe('QC settings API', () => {
  const url = () => `/api/v1/stations/${own.code}/qc`;

  it('shows defaults and overrides; only admins change them (validated, audited)', async () => {
    const got = await call(qcSettings.GET, url(), { token: operator, params: { code: own.code } });
    expect(got.status).toBe(200);
    const cod = got.body.parameters.find((p: { parameter: string }) => p.parameter === 'COD');
    expect(cod).toMatchObject({ override: null, defaults: { failSpan: [0, 2000], suspectSpan: [0, 1000] } });

    const body = { parameter: 'COD', override: { suspectSpan: [0, 300] } };
    expect((await call(qcSettings.PUT, url(), { method: 'PUT', token: operator, body, params: { code: own.code } })).status).toBe(403);
    expect((await call(qcSettings.PUT, url(), { method: 'PUT', token: facilityToken, body, params: { code: own.code } })).status).toBe(403);
    const bad = await call(qcSettings.PUT, url(), { method: 'PUT', token: admin, body: { parameter: 'COD', override: { suspectSpan: [0, 5000] } }, params: { code: own.code } });
    expect(bad.status).toBe(400);
    const unknownKey = await call(qcSettings.PUT, url(), { method: 'PUT', token: admin, body: { parameter: 'COD', override: { spikes: 3 } }, params: { code: own.code } });
    expect(unknownKey.status).toBe(400);
    const ok = await call(qcSettings.PUT, url(), { method: 'PUT', token: admin, body, params: { code: own.code } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ parameter: 'COD', override: { suspectSpan: [0, 300] }, effective: { suspectSpan: [0, 300], failSpan: [0, 2000] } });

    const audit = await pool().query(`SELECT before, after FROM audit_log WHERE action = 'qc_settings.update' AND entity_id = $1`, [`${own.code}:COD`]);
    expect(audit.rows).toEqual([{ before: { qcConfig: null }, after: { qcConfig: { suspectSpan: [0, 300] } } }]);
  });

  it('recomputing a period applies the new settings (admin only), with progress', async () => {
    const body = { from: '2026-04-02T00:00:00+07:00', to: '2026-04-03T00:00:00+07:00' };
    const rurl = `/api/v1/stations/${own.code}/qc/recompute`;
    expect((await call(qcRecompute.POST, rurl, { token: operator, body, params: { code: own.code } })).status).toBe(403);
    const r = await call(qcRecompute.POST, rurl, { token: admin, body, params: { code: own.code } });
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ station: own.code, queued: 2 }); // the day, plus the hour ending at `from` (a reading at 00:00 is in it)
    expect(r.body.pending).toBeGreaterThanOrEqual(1);
    await drain(own.id);
    const progress = await call(qcRecompute.GET, rurl, { token: operator, params: { code: own.code } });
    expect(progress.body).toEqual({ station: own.code, pending: 0 });
    // Suspect span now 0–300: 2500 was already fail; values around 50 stay good. Raise it above 300 by a new override.
    await call(qcSettings.PUT, url(), { method: 'PUT', token: admin, body: { parameter: 'COD', override: { suspectSpan: [0, 45] } }, params: { code: own.code } });
    await call(qcRecompute.POST, rurl, { token: admin, body, params: { code: own.code } });
    await drain(own.id);
    const flags = await pool().query(`SELECT count(*) FILTER (WHERE qc_flag = 3)::int AS suspect FROM reading WHERE station_id = $1 AND parameter = 'COD'`, [own.id]);
    expect(flags.rows[0].suspect).toBeGreaterThan(10); // every value is ≥ 50 > 45
    // Back to the defaults.
    await call(qcSettings.PUT, url(), { method: 'PUT', token: admin, body: { parameter: 'COD', override: null }, params: { code: own.code } });
    await call(qcRecompute.POST, rurl, { token: admin, body, params: { code: own.code } });
    await drain(own.id);
  });
});

describe('QC views API', () => {
  it('the review queue lists failed readings with reasons; facility tokens only their own', async () => {
    const q = '/api/v1/qc/review?from=2026-04-01T00:00:00%2B07:00&to=2026-04-05T00:00:00%2B07:00&limit=1000';
    const staff = await call(reviewRoute.GET, q, { token: operator });
    expect(staff.status).toBe(200);
    const stations = new Set(staff.body.items.map((i: { station: string }) => i.station));
    expect(stations.has(own.code) && stations.has(other.code)).toBe(true);
    const item = staff.body.items.find((i: { station: string; value: number }) => i.station === own.code && i.value === 2500);
    expect(item).toMatchObject({ parameter: 'COD', flag: 'fail', time: '2026-04-02T08:55:00+07:00' });
    expect(item.reasons).toContain('gross_range_fail');

    const fac = await call(reviewRoute.GET, q, { token: facilityToken });
    expect(fac.body.items.length).toBeGreaterThan(0);
    expect(fac.body.items.every((i: { station: string }) => i.station === own.code)).toBe(true);
    expect((await call(reviewRoute.GET, `${q}&station=${other.code}`, { token: facilityToken })).status).toBe(404);
  });

  it('counts readings per day and flag; lists flagged periods per parameter', async () => {
    const flags = await call(flagsRoute.GET, `/api/v1/qc/flags?from=2026-04-02T00:00:00%2B07:00&to=2026-04-03T00:00:00%2B07:00&station=${own.code}`, { token: operator });
    expect(flags.status).toBe(200);
    expect(flags.body.items).toHaveLength(1);
    expect(flags.body.items[0]).toMatchObject({ day: '2026-04-02' });
    const d = flags.body.items[0];
    expect(d.good + d.suspect + d.fail + d.not_evaluated + d.missing).toBe(24);
    expect(d.fail).toBeGreaterThanOrEqual(1);

    const periods = await call(qcPeriods.GET, `/api/v1/stations/${own.code}/qc/periods?from=2026-04-02T00:00:00%2B07:00&to=2026-04-03T00:00:00%2B07:00`, {
      token: facilityToken,
      params: { code: own.code },
    });
    expect(periods.status).toBe(200);
    const p = periods.body.items.find((x: { flag: string }) => x.flag === 'fail');
    expect(p).toMatchObject({ parameter: 'COD' });
    expect(p.reasons).toContain('gross_range_fail');
  });
});
