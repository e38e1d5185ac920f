import 'server-only';
import { findAqiBand, AQI_BANDS } from '@/lib/domain/aqi';
import { WQI_BANDS } from '@/lib/domain/wqi';
import { formatIsoLocal } from '@/lib/domain/time';
import type { IndexKind } from '@/lib/db/aqi';
import { findStationByCode } from '@/lib/db/stations';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { listIndexService, type IndexItem, type IndexPage } from '@/lib/services/aqi';
import type { Principal } from './auth';
import type { AqiPageDto, IndexQuery, WqiPageDto } from './contract/stations';
import { decodeCursor, encodeCursor } from './pagination';

/**
 * GET /api/v1/stations/{code}/aqi and /wqi: anyone may read an ambient (AQI) or river (WQI) station's stored index;
 * callers without a token, and facility tokens reading another facility's station, see only what the public page shows
 * (hours ending PUBLIC_DELAY_MINUTES ago or earlier).
 */
const badCursor = () => new AppError('VALIDATION', 'invalid cursor', [{ path: 'query.cursor', message: 'not a cursor from this API' }]);

function colorOf(kind: IndexKind, category: string | null): string | null {
  const bands: readonly { category: string; color: string }[] = kind === 'aqi' ? AQI_BANDS : WQI_BANDS;
  return bands.find((b) => b.category === category)?.color ?? null;
}

const timeOf = (r: IndexItem): string => (typeof r.time === 'string' ? r.time : formatIsoLocal(r.time));

async function readIndex(kind: IndexKind, code: string, q: IndexQuery, principal: Principal | null): Promise<IndexPage> {
  let after: string | undefined;
  if (q.cursor !== undefined) {
    after = decodeCursor(q.cursor);
    const ok = q.resolution === '1h' ? /^\d{1,15}$/.test(after) : /^\d{4}-\d{2}-\d{2}$/.test(after);
    if (!ok) throw badCursor();
  }
  const now = new Date();
  const publishedUntil = (await seesLiveIndex(code, principal)) ? null : new Date(now.getTime() - env().PUBLIC_DELAY_MINUTES * 60_000);
  return listIndexService(kind, code, { resolution: q.resolution, from: q.from, to: q.to, limit: q.limit, after }, { publishedUntil }, now);
}

/**
 * Live (undelayed) indices for staff and for a facility reading its own station; anonymous callers and facility
 * tokens reading another facility's station get the public delay (security round 2).
 */
async function seesLiveIndex(code: string, principal: Principal | null): Promise<boolean> {
  if (!principal) return false;
  if (principal.facilityId == null) return true;
  const station = await findStationByCode(code);
  return station?.facility.id === principal.facilityId;
}

const nextCursorOf = (page: IndexPage): string | null => (page.next === null ? null : encodeCursor(page.next));

export async function readAqiPage(code: string, q: IndexQuery, principal: Principal | null): Promise<AqiPageDto> {
  const page = await readIndex('aqi', code, q, principal);
  const items = page.items.map((r) => {
    const category = r.category ?? findAqiBand(r.value)?.category ?? null;
    return { time: timeOf(r), aqi: r.value, category, color: colorOf('aqi', category), dominant: r.dominant, subIndices: r.subIndices };
  });
  return { station: page.station, resolution: page.resolution, items, nextCursor: nextCursorOf(page) };
}

export async function readWqiPage(code: string, q: IndexQuery, principal: Principal | null): Promise<WqiPageDto> {
  const page = await readIndex('wqi', code, q, principal);
  const items = page.items.map((r) => ({ time: timeOf(r), wqi: r.value, category: r.category, color: colorOf('wqi', r.category), subIndices: r.subIndices }));
  return { station: page.station, resolution: page.resolution, items, nextCursor: nextCursorOf(page) };
}
