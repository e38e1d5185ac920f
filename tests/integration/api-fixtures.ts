/**
 * Shared helpers for the API integration tests (not a test file itself). Each test creates its own facilities,
 * stations and tokens with unique codes; nothing depends on the demo seed.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

// Before anything parses the configuration: the harness database and a private raw-file store.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';
process.env.DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'qt-api-'));

import type { Role } from '@/lib/db/users';
import { parseIsoInstant } from '@/lib/domain/time';
import { createFacilityService } from '@/lib/services/accounts';
import { createStationService, type CreateStationInput } from '@/lib/services/stations';
import { createToken } from '@/lib/services/accounts';
import { uid } from '../support/fixtures';

export { uid };

export async function tokenFor(role: Role, facilityCode?: string): Promise<string> {
  const t = await createToken({ name: uid(`test-${role}-`), role, facilityCode: facilityCode ?? null });
  return t.token;
}

export async function makeFacility(code = uid('F')): Promise<{ code: string; name: string }> {
  const f = await createFacilityService({ code, name: `Facility ${code}` });
  return { code: f.code, name: f.name };
}

/** What every test station starts from, whichever service creates it: wastewater near Bắc Ninh, every 5 minutes. */
export function stationSettings(facilityCode: string, code = uid('S')) {
  const kind = 'wastewater' as const;
  return { code, fileCode: `${facilityCode}_${code}`, name: `Station ${code}`, kind, facilityCode, lat: 21.27, lon: 106.19, intervalMinutes: 5, graceMinutes: 15 };
}

export async function makeStation(
  facilityCode: string,
  patch: Partial<CreateStationInput> = {},
): Promise<{ code: string; fileCode: string }> {
  const s = await createStationService({
    ...stationSettings(facilityCode, patch.code),
    parameters: [
      { code: 'COD', limit: { max: 100 } },
      { code: 'PH', limit: { min: 5.5, max: 9 } },
      { code: 'TSS' },
    ],
    ...patch,
  });
  return { code: s.code, fileCode: s.fileCode };
}

type Handler<P> = (req: Request, ctx?: { params: Promise<P> }) => Promise<Response>;

export type CallOptions<P> = {
  method?: string;
  token?: string | null;
  body?: unknown;
  raw?: BodyInit;
  headers?: Record<string, string>;
  params?: P;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
export type CallResult = { status: number; body: any; headers: Headers; response: Response };

/** Calls a route handler as Next would, returning the status and the parsed JSON body (if any). */
export async function call<P>(handler: Handler<P>, url: string, opts: CallOptions<P> = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: BodyInit | undefined = opts.raw;
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const req = new Request(new URL(url, 'http://x').toString(), { method: opts.method ?? (body ? 'POST' : 'GET'), headers, body });
  const response = await handler(req, opts.params === undefined ? undefined : { params: Promise.resolve(opts.params) });
  const text = await response.clone().text();
  let parsed: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
  return { status: response.status, body: parsed, headers: response.headers, response };
}

/** A local wall time written without offset (`2026-04-01T10:00`) → Date. */
export function vn(local: string): Date {
  const d = parseIsoInstant(local);
  if (!d) throw new Error(`not a local date-time: ${local}`);
  return d;
}

/** `2024-05-24T10:05:00+07:00` style check. */
export const ISO_VN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+07:00$/;

import { pool } from '@/lib/db/client';
import { insertReadings } from '@/lib/db/readings';
import { findStationByCode } from '@/lib/db/stations';

export type TestReading = { time: string | Date; value: number; status?: '00' | '01' | '02' | '03'; flag?: number };

/** Stores readings directly (as the ingest path would) and sets their QC flag (default 1 good, as QC would). */
export async function addReadings(stationCode: string, parameter: string, rows: TestReading[]): Promise<void> {
  const s = await findStationByCode(stationCode);
  if (!s) throw new Error(`no station ${stationCode}`);
  const items = rows.map((r) => ({ ...r, time: new Date(r.time) }));
  await insertReadings(
    items.map((r) => ({ stationId: s.id, parameter, time: r.time, value: r.value, deviceStatus: r.status ?? '00', fileId: null })),
  );
  for (const r of items) {
    await pool().query('UPDATE reading SET qc_flag = $4 WHERE station_id = $1 AND parameter = $2 AND time = $3', [s.id, parameter, r.time, r.flag ?? 1]);
  }
}

/** Marks a station as having received a file at `at` (what the ingest path does). */
export async function touchStation(stationCode: string, at: Date): Promise<void> {
  await pool().query('UPDATE station SET last_file_at = $2, last_data_at = $2 WHERE code = $1', [stationCode, at]);
}
