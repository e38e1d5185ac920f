import 'server-only';
import { z } from 'zod';
import { findAqiBand, AQI_BANDS } from '@/lib/domain/aqi';
import { WQI_BANDS } from '@/lib/domain/wqi';
import { formatIsoLocal, isoInstant } from '@/lib/domain/iso-time';
import type { IndexKind } from '@/lib/db/aqi';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { INDEX_RESOLUTIONS, listIndexService, type IndexItem } from '@/lib/services/aqi';
import { json, withApi } from './handler';
import { decodeCursor, encodeCursor } from './pagination';
import { parseParams, parseQuery } from './validate';

/**
 * GET /api/v1/stations/{code}/aqi and /wqi: anyone may read an ambient (AQI) or river (WQI) station's stored index;
 * callers without a token see only what the public page shows (hours ending PUBLIC_DELAY_MINUTES ago or earlier).
 */
const params = z.object({ code: z.string().min(1).max(64) });
const query = z.object({
  resolution: z.enum(INDEX_RESOLUTIONS).default('1h'),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  cursor: z.string().max(100).optional(),
});

const badCursor = () => new AppError('VALIDATION', 'invalid cursor', [{ path: 'query.cursor', message: 'not a cursor from this API' }]);

export function colorOf(kind: IndexKind, category: string | null): string | null {
  const bands: readonly { category: string; color: string }[] = kind === 'aqi' ? AQI_BANDS : WQI_BANDS;
  return bands.find((b) => b.category === category)?.color ?? null;
}

function toItem(kind: IndexKind, r: IndexItem) {
  const time = typeof r.time === 'string' ? r.time : formatIsoLocal(r.time);
  const category = r.category ?? (kind === 'aqi' ? (findAqiBand(r.value)?.category ?? null) : null);
  if (kind === 'aqi') return { time, aqi: r.value, category, color: colorOf(kind, category), dominant: r.dominant, subIndices: r.subIndices };
  return { time, wqi: r.value, category, color: colorOf(kind, category), subIndices: r.subIndices };
}

export function indexRoute(kind: IndexKind) {
  return withApi<{ code: string }>('public', async ({ req, params: raw, principal }) => {
    const { code } = parseParams(raw, params);
    const q = parseQuery(req, query);
    let after: string | undefined;
    if (q.cursor !== undefined) {
      after = decodeCursor(q.cursor);
      const ok = q.resolution === '1h' ? /^\d{1,15}$/.test(after) : /^\d{4}-\d{2}-\d{2}$/.test(after);
      if (!ok) throw badCursor();
    }
    const now = new Date();
    const publishedUntil = principal ? null : new Date(now.getTime() - env().PUBLIC_DELAY_MINUTES * 60_000);
    const page = await listIndexService(kind, code, { resolution: q.resolution, from: q.from, to: q.to, limit: q.limit, after }, { publishedUntil }, now);
    return json({
      station: page.station,
      resolution: page.resolution,
      items: page.items.map((r) => toItem(kind, r)),
      nextCursor: page.next === null ? null : encodeCursor(page.next),
    });
  });
}
