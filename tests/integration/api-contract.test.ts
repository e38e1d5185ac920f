/**
 * Every route's answers against its own declaration (server/api/contract): each call below is checked to answer a
 * declared status with a body its response schema accepts, and every error with the API's error body. The handlers
 * never parse what they answer (typing is enough there); this test is where the schemas meet real data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addReadings, call, makeFacility, makeStation, tokenFor, uid, type CallOptions, type CallResult } from './api-fixtures';
import * as ack from '@/app/api/v1/alerts/[id]/acknowledge/route';
import * as disposition from '@/app/api/v1/alerts/[id]/disposition/route';
import * as alert from '@/app/api/v1/alerts/[id]/route';
import * as alerts from '@/app/api/v1/alerts/route';
import * as tokens from '@/app/api/v1/facilities/[code]/tokens/route';
import * as facilities from '@/app/api/v1/facilities/route';
import * as resend from '@/app/api/v1/forwarding/resend/route';
import * as fwdStatus from '@/app/api/v1/forwarding/status/route';
import * as target from '@/app/api/v1/forwarding/targets/[id]/route';
import * as targets from '@/app/api/v1/forwarding/targets/route';
import * as health from '@/app/api/v1/health/route';
import * as raw from '@/app/api/v1/ingest/files/[id]/raw/route';
import * as files from '@/app/api/v1/ingest/files/route';
import * as ingest from '@/app/api/v1/ingest/route';
import * as kpi from '@/app/api/v1/kpi/completeness/route';
import * as limitsImport from '@/app/api/v1/limits/import/route';
import * as bindings from '@/app/api/v1/stations/[code]/bindings/route';
import * as limits from '@/app/api/v1/limits/route';
import * as openapi from '@/app/api/v1/openapi.json/route';
import * as qcFlags from '@/app/api/v1/qc/flags/route';
import * as qcReview from '@/app/api/v1/qc/review/route';
import * as aqi from '@/app/api/v1/stations/[code]/aqi/route';
import * as forecast from '@/app/api/v1/stations/[code]/forecast/route';
import * as latest from '@/app/api/v1/stations/[code]/latest/route';
import * as overlay from '@/app/api/v1/stations/[code]/overlays/[id]/route';
import * as overlays from '@/app/api/v1/stations/[code]/overlays/route';
import * as periods from '@/app/api/v1/stations/[code]/qc/periods/route';
import * as recompute from '@/app/api/v1/stations/[code]/qc/recompute/route';
import * as qcSettings from '@/app/api/v1/stations/[code]/qc/route';
import * as readings from '@/app/api/v1/stations/[code]/readings/route';
import * as station from '@/app/api/v1/stations/[code]/route';
import * as wqi from '@/app/api/v1/stations/[code]/wqi/route';
import * as stations from '@/app/api/v1/stations/route';
import { disconnectDb, pool } from '@/lib/db/client';
import * as images from '@/app/api/v1/stations/[code]/images/route';
import * as image from '@/app/api/v1/stations/[code]/images/[id]/route';
import * as samplerCommands from '@/app/api/v1/stations/[code]/sampler/commands/route';
import * as samplerResult from '@/app/api/v1/stations/[code]/sampler/commands/[id]/result/route';
import { renderTestImage, storeImage } from '@/lib/services/camera';
import { env } from '@/lib/env';
import { findStationByCode } from '@/lib/db/stations';
import { evaluateStationHour, listAlerts } from '@/lib/services/alerts';
import { recomputeStationPeriod } from '@/lib/services/qc';
import { setStationLimitBinding } from '@/lib/services/stations';
import { errorBodySchema } from '@/server/api/contract/common';
import type { RouteDef } from '@/server/api/contract/define';

type Declared<P> = ((req: Request, ctx?: { params: Promise<P> }) => Promise<Response>) & { route: RouteDef };

const seen = new Set<string>();

/** Calls a declared handler and checks the answer against its declaration. */
async function checked<P>(handler: Declared<P>, url: string, opts: CallOptions<P> = {}): Promise<CallResult> {
  const r = await call(handler, url, { method: handler.route.method, ...opts });
  const what = `${handler.route.method} ${url} → ${r.status}`;
  const declared = handler.route.responses[r.status];
  if (r.status >= 400) {
    expect(declared, what).toBeUndefined();
    const e = errorBodySchema.safeParse(r.body);
    expect(e.success, `${what}: ${JSON.stringify(e.error?.issues)}`).toBe(true);
    return r;
  }
  expect(declared, `${what} is not a declared status`).toBeDefined();
  if (declared && 'schema' in declared) {
    const p = declared.schema.safeParse(r.body);
    expect(p.success, `${what}: ${JSON.stringify(p.error?.issues)}`).toBe(true);
  } else if (declared) {
    expect(Object.keys(declared.content)).toContain(r.headers.get('content-type'));
  }
  seen.add(`${handler.route.method} ${handler.route.path}`);
  return r;
}

const vn = (local: string) => new Date(`${local}+07:00`);
let admin: string;
let own: { code: string; fileCode: string };
let facilityCode: string;

beforeAll(async () => {
  admin = await tokenFor('admin');
  const f = await makeFacility();
  facilityCode = f.code;
  own = await makeStation(f.code);
  await addReadings(own.code, 'COD', [
    { time: '2026-04-01T09:05:00+07:00', value: 40 },
    { time: '2026-04-01T09:10:00+07:00', value: 2500, flag: 4 },
  ]);
  // Averages are the recompute job's; build them from the hand-set flags.
  const s = await findStationByCode(own.code);
  await recomputeStationPeriod(s!.id, vn('2026-04-01T09:00:00'), vn('2026-04-01T11:00:00'), { keepFlags: true });
});

afterAll(async () => {
  await disconnectDb();
});

describe('answers match the declared response schemas', () => {
  it('system, facilities and tokens', async () => {
    await checked(health.GET, '/api/v1/health');
    await checked(openapi.GET, '/api/v1/openapi.json');
    await checked(facilities.GET, '/api/v1/facilities?limit=2', { token: admin });
    const code = uid('FC');
    await checked(facilities.POST, '/api/v1/facilities', { token: admin, body: { code, name: 'Contract', ftpUsername: code.toLowerCase(), ftpPassword: 'secret-pw-long' } });
    await checked(tokens.POST, `/api/v1/facilities/${code}/tokens`, { token: admin, body: { name: 'dl' }, params: { code } });
    await checked(facilities.GET, '/api/v1/facilities');
    await checked(facilities.POST, '/api/v1/facilities', { token: await tokenFor('operator'), body: {} });
  });

  it('stations, latest, readings and indices', async () => {
    const code = uid('SC');
    const created = await checked(stations.POST, '/api/v1/stations', {
      token: admin,
      body: { code, fileCode: `${facilityCode}_${code}`, name: 'Contract', kind: 'wastewater', facilityCode, lat: 21, lon: 106, parameters: [{ code: 'COD', limit: { max: 100 } }] },
    });
    expect(created.status).toBe(201);
    await checked(stations.GET, '/api/v1/stations?kind=wastewater&limit=5', { token: admin });
    await checked(station.GET, `/api/v1/stations/${own.code}`, { token: admin, params: { code: own.code } });
    expect((await checked(latest.GET, `/api/v1/stations/${own.code}/latest`, { token: admin, params: { code: own.code } })).body.values).not.toHaveLength(0);
    const window = 'from=2026-04-01T09:00:00%2B07:00&to=2026-04-01T11:00:00%2B07:00';
    for (const resolution of ['raw', '1h', '8h', '24h']) {
      const r = await checked(readings.GET, `/api/v1/stations/${own.code}/readings?parameter=COD&resolution=${resolution}&${window}`, { token: admin, params: { code: own.code } });
      if (resolution === 'raw' || resolution === '1h') expect(r.body.items, resolution).not.toHaveLength(0);
    }
    await checked(readings.GET, `/api/v1/stations/${own.code}/readings?parameter=COD&resolution=5h`, { token: admin, params: { code: own.code } });
    const air = await makeStation(facilityCode, { kind: 'ambient_air', parameters: [{ code: 'PM25' }] });
    const river = await makeStation(facilityCode, { kind: 'surface_water', parameters: [{ code: 'PH' }, { code: 'DO' }] });
    for (const resolution of ['1h', '24h']) {
      await checked(aqi.GET, `/api/v1/stations/${air.code}/aqi?resolution=${resolution}`, { params: { code: air.code } });
      await checked(wqi.GET, `/api/v1/stations/${river.code}/wqi?resolution=${resolution}`, { token: admin, params: { code: river.code } });
    }
    await checked(aqi.GET, `/api/v1/stations/${own.code}/aqi`, { params: { code: own.code } });
    // Forecast: three recent complete hourly means are enough for the persistence fallback.
    const airId = (await findStationByCode(air.code))!.id;
    const lastHour = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 3_600_000;
    for (let i = 0; i < 3; i++) {
      await pool().query(
        `INSERT INTO avg_hour (station_id, parameter, hour_end, value, valid_count, expected_count, complete) VALUES ($1, 'PM25', $2, $3, 12, 12, true)`,
        [airId, new Date(lastHour - i * 3_600_000), 30 + i],
      );
    }
    await checked(forecast.GET, `/api/v1/stations/${air.code}/forecast?hours=48`, { params: { code: air.code } });
    await checked(forecast.GET, `/api/v1/stations/${air.code}/forecast?hours=99`, { params: { code: air.code } });
  });

  it('ingest and the ledger', async () => {
    const stamp = '20260401100500';
    const facilityToken = await tokenFor('facility', facilityCode);
    const name = `BG_${own.fileCode}_${stamp}.txt`;
    const r = await checked(ingest.POST, '/api/v1/ingest', { token: facilityToken, raw: `COD\t45.3\tmg/L\t${stamp}\t00\r\nXX\tbad\r\n`, headers: { 'x-file-name': name } });
    expect(r.status).toBe(200);
    await checked(ingest.POST, '/api/v1/ingest', { token: facilityToken, raw: 'x' });
    await checked(files.GET, `/api/v1/ingest/files?station=${own.code}`, { token: admin });
    const bytes = await checked(raw.GET, `/api/v1/ingest/files/${r.body.fileId}/raw`, { token: admin, params: { id: String(r.body.fileId) } });
    expect(bytes.status).toBe(200);
  });

  it('QC: overlays, settings, recompute and views', async () => {
    const p = { code: own.code };
    const o = await checked(overlays.POST, `/api/v1/stations/${own.code}/overlays`, {
      token: admin,
      params: p,
      body: { parameters: ['COD'], from: '2026-04-01T09:00:00+07:00', to: '2026-04-01T09:30:00+07:00', action: 'invalidate', reason: 'contract test' },
    });
    await checked(overlays.GET, `/api/v1/stations/${own.code}/overlays?active=true`, { token: admin, params: p });
    await checked(overlay.DELETE, `/api/v1/stations/${own.code}/overlays/${o.body.id}`, { token: admin, params: { ...p, id: String(o.body.id) } });
    await checked(overlay.DELETE, `/api/v1/stations/${own.code}/overlays/${o.body.id}`, { token: admin, params: { ...p, id: String(o.body.id) } });
    await checked(qcSettings.GET, `/api/v1/stations/${own.code}/qc`, { token: admin, params: p });
    await checked(qcSettings.PUT, `/api/v1/stations/${own.code}/qc`, { token: admin, params: p, body: { parameter: 'COD', override: { suspectSpan: [0, 300] } } });
    await checked(recompute.GET, `/api/v1/stations/${own.code}/qc/recompute`, { token: admin, params: p });
    await checked(recompute.POST, `/api/v1/stations/${own.code}/qc/recompute`, { token: admin, params: p, body: { from: '2026-04-01T00:00:00+07:00', to: '2026-04-02T00:00:00+07:00' } });
    const window = 'from=2026-04-01T00:00:00%2B07:00&to=2026-04-02T00:00:00%2B07:00';
    const views = [
      await checked(periods.GET, `/api/v1/stations/${own.code}/qc/periods?${window}`, { token: admin, params: p }),
      await checked(qcFlags.GET, `/api/v1/qc/flags?${window}&station=${own.code}`, { token: admin }),
      await checked(qcReview.GET, `/api/v1/qc/review?${window}&station=${own.code}`, { token: admin }),
    ];
    for (const v of views) expect(v.body.items).not.toHaveLength(0);
  });

  it('alerts', async () => {
    const f = await makeFacility();
    const s = await makeStation(f.code, { kind: 'emission', parameters: [{ code: 'NOX' }] });
    await setStationLimitBinding({ stationCode: s.code, standardCode: 'QCVN19:2009', column: 'B', coefficients: {}, actor: 'test' });
    const start = vn('2026-04-01T09:00:00').getTime();
    await addReadings(s.code, 'NOX', Array.from({ length: 12 }, (_, i) => ({ time: new Date(start + (i + 1) * 300_000), value: 900 })));
    const row = await findStationByCode(s.code);
    await evaluateStationHour({ stationId: row!.id, from: vn('2026-04-01T09:00:00'), to: vn('2026-04-01T10:00:00'), now: vn('2026-04-01T10:01:00') });
    const compliance = (await listAlerts({ station: s.code }, { facilityId: null })).items.find((a) => a.kind === 'compliance_exceedance')!;
    const id = String(compliance.id);
    await checked(alerts.GET, `/api/v1/alerts?station=${s.code}`, { token: admin });
    await checked(alert.GET, `/api/v1/alerts/${id}`, { token: admin, params: { id } });
    await checked(ack.POST, `/api/v1/alerts/${id}/acknowledge`, { token: await tokenFor('operator'), params: { id } });
    await checked(ack.POST, `/api/v1/alerts/${id}/acknowledge`, { token: await tokenFor('operator'), params: { id } });
    await checked(disposition.POST, `/api/v1/alerts/${id}/disposition`, { token: await tokenFor('inspector'), params: { id }, body: { disposition: 'confirmed_violation', note: 'checked' } });
    await checked(alert.GET, '/api/v1/alerts/999999999', { token: admin, params: { id: '999999999' } });
  });

  it('KPI, forwarding and limits', async () => {
    await checked(kpi.GET, `/api/v1/kpi/completeness?groupBy=day&station=${own.code}`, { token: admin });
    await checked(kpi.GET, `/api/v1/kpi/completeness?groupBy=parameter`, { token: admin });
    await checked(fwdStatus.GET, '/api/v1/forwarding/status', { token: admin });
    const t = await checked(targets.POST, '/api/v1/forwarding/targets', { token: admin, body: { name: uid('ct'), host: '127.0.0.1', username: 'u', password: 'pw-contract', enabled: false } });
    const id = String(t.body.id);
    await checked(targets.GET, '/api/v1/forwarding/targets', { token: admin });
    await checked(target.GET, `/api/v1/forwarding/targets/${id}`, { token: admin, params: { id } });
    await checked(target.PATCH, `/api/v1/forwarding/targets/${id}`, { token: admin, params: { id }, body: { port: 2100 } });
    // No files in this window: nothing is queued for the (disabled) target, the answer still has its declared shape.
    await checked(resend.POST, '/api/v1/forwarding/resend', { token: admin, body: { station: own.code, from: '2020-01-01T00:00:00+07:00', to: '2020-01-02T00:00:00+07:00', target: t.body.id } });
    await checked(limits.GET, '/api/v1/limits?versions=all', { token: admin });
    const std = { code: `QCVN-C-${uid()}`, name: 'contract', version: '1', effectiveFrom: '2025-01-01', kind: 'wastewater', values: [{ column: 'A', parameter: 'COD', max: 50, averaging: '24h', applyCoefficients: false }] };
    await checked(limitsImport.POST, '/api/v1/limits/import', { token: admin, raw: JSON.stringify(std), headers: { 'content-type': 'application/json' } });
    await checked(bindings.PUT, `/api/v1/stations/${own.code}/bindings`, { method: 'PUT', token: admin, params: { code: own.code }, body: { standardCode: 'QCVN40:2011', column: 'B' } });
  });

  it('camera images and sampler commands', async () => {
    const code = uid('CAM');
    const body = {
      code, fileCode: `${facilityCode}_${code}`, name: 'Camera', kind: 'wastewater', facilityCode, lat: 21, lon: 106, parameters: [{ code: 'COD', limit: { max: 100 } }],
      camera: { streamUrl: 'https://cam.example/live', intervalMinutes: 5 },
      sampler: { enabled: true, autoAfter: 3 },
    };
    const created = await checked(stations.POST, '/api/v1/stations', { token: admin, body });
    expect(created.body.settings).toMatchObject({ camera: { streamUrl: 'https://cam.example/live', snapshotUrl: null, intervalMinutes: 5 }, sampler: { enabled: true, autoAfter: 3, cooldownMinutes: 60 } });
    const params = { code };
    const s = await findStationByCode(code);
    const stored = await storeImage({
      bytes: await renderTestImage({ width: 64, height: 48, hue: 3 }), name: `BG_${facilityCode}_${code}_20260401100000.jpg`, source: 'ftp',
      account: null, remoteAddress: null, receivedAt: new Date(), facilityId: s!.facility.id, dataDir: env().dataDir,
    });
    const list = await checked(images.GET, `/api/v1/stations/${code}/images?limit=1`, { token: admin, params });
    expect(list.body.items).toMatchObject([{ id: stored.imageId, width: 64, height: 48, source: 'ftp' }]);
    const id = String(stored.imageId);
    const full = await checked(image.GET, `/api/v1/stations/${code}/images/${id}`, { token: admin, params: { code, id } });
    expect(full.headers.get('content-type')).toBe('image/jpeg');
    await checked(image.GET, `/api/v1/stations/${code}/images/${id}?thumb=1`, { token: admin, params: { code, id } });
    const inspector = await tokenFor('inspector');
    const q = await checked(samplerCommands.POST, `/api/v1/stations/${code}/sampler/commands`, { token: inspector, body: { reason: 'contract' }, params });
    expect(q.body).toMatchObject({ state: 'queued', trigger: 'manual' });
    const logger = await tokenFor('facility', facilityCode);
    const polled = await checked(samplerCommands.GET, `/api/v1/stations/${code}/sampler/commands?state=queued`, { token: logger, params });
    expect(polled.body.items).toMatchObject([{ id: q.body.id, state: 'delivered' }]);
    const cid = String(q.body.id);
    const done = await checked(samplerResult.POST, `/api/v1/stations/${code}/sampler/commands/${cid}/result`, {
      token: logger, body: { status: 'sampled', bottle: 7, sampledAt: '2026-04-01T10:55:00+07:00' }, params: { code, id: cid },
    });
    expect(done.body).toMatchObject({ state: 'sampled', bottle: 7, sampledAt: '2026-04-01T10:55:00+07:00' });
    await checked(samplerResult.POST, `/api/v1/stations/${code}/sampler/commands/${cid}/result`, { token: logger, body: { status: 'failed' }, params: { code, id: cid } });
  });

  it('covered every declared route with a successful answer', async () => {
    const { API_ROUTES } = await import('@/server/api/contract');
    expect([...seen].sort()).toEqual(API_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });
});
