import 'server-only';
import type { AlertRowDto } from '@/lib/dto/alerts';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { listInspectors } from '@/lib/db/alerts';
import { listRawReadings } from '@/lib/db/readings';
import { alertKindInfo, takesDisposition } from '@/lib/domain/alerts/kinds';
import { findParameter, parameterName, type StationKind } from '@/lib/domain/parameters';
import { isValidReading } from '@/lib/domain/qc-flags';
import { DAY_MS, parseLocalDate, startOfLocalDay } from '@/lib/domain/time';
import { isAppError } from '@/lib/errors';
import {
  ALERT_KINDS,
  ALERT_STATES,
  DISPOSITIONS,
  countAlertKinds,
  getAlert,
  listAlerts,
  type AlertDetail,
  type AlertKind,
  type AlertState,
  type AlertView,
  type Disposition,
} from '@/lib/services/alerts';
import { getSubscriptionSettings, listInappForUser, type InappNotification } from '@/lib/services/notifications';
import { requireUser, type SessionUser } from '@/server/auth/session';
import { getStationLimitsService, scopeFor, listVisibleStations } from '@/lib/services/stations';

/** Page reads of the alerts pages (list, detail, CSV export) and of the notification bell, scoped to the viewer. */
export type SearchParams = Record<string, string | string[] | undefined>;

export const LIST_LIMIT = 500;
export const EXPORT_LIMIT = 10_000;

// ── filters (URL query) ──

export type AlertFilterValues = {
  station: string;
  kind: string;
  state: string;
  disposition: string;
  from: string;
  to: string;
  /** '' | 'confirmed' | 'brief' */
  episode: string;
  /** '' | 'live' | 'historical' */
  data: string;
  facility: string;
};

/** Rows per page of /alerts (pages go on without a cap). */
export const PAGE_SIZE = 100;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? '';

/** Reads the filters; a malformed one is dropped and named in `invalid` (never an error page). */
export function parseAlertFilters(sp: SearchParams): {
  values: AlertFilterValues;
  invalid: string[];
  filter: {
    station?: string;
    kind?: AlertKind;
    state?: AlertState;
    disposition?: Disposition;
    from?: Date;
    to?: Date;
    confirmed?: boolean;
    historical?: boolean;
  };
} {
  const invalid: string[] = [];
  const pick = <T extends string>(key: string, allowed: readonly T[]): T | undefined => {
    const v = first(sp[key]);
    if (!v) return undefined;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    invalid.push(key);
    return undefined;
  };
  const station = first(sp.station);
  const stationOk = station === '' || /^[A-Za-z0-9_.-]{1,64}$/.test(station);
  if (!stationOk) invalid.push('station');
  const kind = pick('kind', ALERT_KINDS);
  const state = pick('state', ALERT_STATES);
  const disposition = pick('disposition', DISPOSITIONS);
  const episode = pick('episode', ['confirmed', 'brief'] as const);
  const data = pick('data', ['live', 'historical'] as const);
  const facility = first(sp.facility);
  const facilityOk = facility === '' || /^[A-Za-z0-9_.-]{1,64}$/.test(facility);
  if (!facilityOk) invalid.push('facility');
  const date = (key: 'from' | 'to') => {
    const v = first(sp[key]);
    if (!v) return undefined;
    const d = parseLocalDate(v);
    if (!d) invalid.push(key);
    return d ?? undefined;
  };
  const from = date('from');
  const toDay = date('to');
  const values: AlertFilterValues = {
    station: stationOk ? station : '',
    kind: kind ?? '',
    state: state ?? '',
    disposition: disposition ?? '',
    from: from ? first(sp.from) : '',
    to: toDay ? first(sp.to) : '',
    episode: episode ?? '',
    data: data ?? '',
    facility: facilityOk ? facility : '',
  };
  return {
    values,
    invalid,
    filter: {
      ...(values.station ? { station: values.station } : {}),
      ...(kind ? { kind } : {}),
      ...(state ? { state } : {}),
      ...(disposition ? { disposition } : {}),
      ...(from ? { from } : {}),
      // "to" is a whole day, inclusive.
      ...(toDay ? { to: startOfLocalDay(toDay, 1) } : {}),
      ...(episode ? { confirmed: episode === 'confirmed' } : {}),
      ...(data ? { historical: data === 'historical' } : {}),
    },
  };
}

// ── list ──

export type { AlertRowDto };

function unitOf(stationKind: string, parameter: string | null): { unit: string; decimals: number } {
  const def = parameter ? findParameter(stationKind as StationKind, parameter) : null;
  return { unit: def && def.unit !== '-' ? def.unit : '', decimals: def?.decimals ?? 2 };
}

export function toAlertRowDto(a: AlertView): AlertRowDto {
  return {
    id: a.id,
    kind: a.kind,
    state: a.state,
    stationCode: a.station.code,
    stationName: a.station.name,
    parameter: a.parameter,
    ...unitOf(a.station.kind, a.parameter),
    openedAt: a.openedAt.toISOString(),
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
    count: a.count,
    peakValue: a.peakValue,
    averageValue: a.averageValue,
    limit: a.limit,
    basis: a.basis,
    durationMs: a.durationMs,
    disposition: a.disposition,
    suppressed: a.suppressed,
    confirmed: a.confirmed,
    historical: a.historical,
    withdrawn: a.withdrawnAt !== null,
  };
}

/** Alerts of the viewer's stations matching the URL filters (newest first, capped); an unknown station → empty. */
export async function listAlertRowsFor(
  user: SessionUser,
  sp: SearchParams,
  limit: number,
): Promise<{ rows: AlertRowDto[]; values: AlertFilterValues; invalid: string[]; truncated: boolean }> {
  const { values, invalid, filter } = parseAlertFilters(sp);
  const scope = scopeFor(user);
  const rows: AlertView[] = [];
  let cursor: string | undefined;
  try {
    while (rows.length < limit) {
      const page = await listAlerts({ ...filter, includeSuppressed: true, limit: Math.min(1000, limit - rows.length), cursor }, scope);
      rows.push(...page.items);
      if (page.nextCursor == null) {
        cursor = undefined;
        break;
      }
      cursor = page.nextCursor;
    }
  } catch (e) {
    // A station code that does not exist or is not the viewer's: nothing to show, and nothing revealed.
    if (isAppError(e) && e.code === 'NOT_FOUND') return { rows: [], values, invalid, truncated: false };
    throw e;
  }
  return { rows: rows.map(toAlertRowDto), values, invalid, truncated: cursor !== undefined };
}

/**
 * One page of /alerts: open first, then acknowledged, then resolved, each newest first; `cursor` in the URL pages on
 * without a cap. Counts per kind follow the same filters.
 */
export async function getAlertListPage(sp: SearchParams) {
  const user = await requireUser();
  const scope = scopeFor(user);
  const { values, invalid, filter } = parseAlertFilters(sp);
  const stations = await listVisibleStations(scope);
  const stationIds = values.facility ? stations.filter((s) => s.facility.code === values.facility).map((s) => s.id) : undefined;
  const cursorRaw = first(sp.cursor);
  const cursor = /^(open|acknowledged|resolved)\.\d+\.\d+$/.test(cursorRaw) ? cursorRaw : undefined;
  const base = { ...filter, includeSuppressed: true, ...(stationIds ? { stationIds: stationIds.length ? stationIds : [0] } : {}) };
  let rows: AlertView[] = [];
  let nextCursor: string | null = null;
  let counts: Partial<Record<AlertKind, number>> = {};
  try {
    const [page, byKind] = await Promise.all([
      listAlerts({ ...base, order: 'open_first', limit: PAGE_SIZE, cursor }, scope),
      countAlertKinds({ ...base, kind: undefined }, scope),
    ]);
    rows = page.items;
    nextCursor = page.nextCursor;
    counts = byKind;
  } catch (e) {
    if (!(isAppError(e) && e.code === 'NOT_FOUND')) throw e;
  }
  const facilities = [...new Map(stations.map((s) => [s.facility.code, { code: s.facility.code, name: s.facility.name }])).values()];
  return {
    rows: rows.map(toAlertRowDto),
    values,
    invalid,
    nextCursor,
    paged: cursor !== undefined,
    counts,
    total: Object.values(counts).reduce((a, b) => a + (b ?? 0), 0),
    stations: stations.map((s) => ({ code: s.code, name: s.name })),
    facilities,
    canSubscribe: true,
    canAcknowledge: user.role === 'operator' || user.role === 'inspector',
  };
}

// ── detail ──

export type EvidencePoint = { t: number; v: number; flagged: boolean; exceeding: boolean; deviceStatus: string; qcFlag: number; valid: boolean };
export type AlertEventDto = { id: number; at: string; type: string; actor: string; data: Record<string, unknown> };
export type AlertDetailDto = AlertRowDto & {
  stationKind: string;
  facilityName: string;
  parameterName: string | null;
  lastSeenAt: string;
  completeness: number | null;
  derivation: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  dispositionNote: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  dueAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  reopenedByRecompute: boolean;
  resolvedByRecompute: boolean;
  limitMin: number | null;
  limitMax: number | null;
  events: AlertEventDto[];
};

export type AlertDetailPage = {
  alert: AlertDetailDto;
  evidence: { from: number; to: number; points: EvidencePoint[]; total: number };
  canAcknowledge: boolean;
  canDispose: boolean;
  /** Why the viewer cannot act (a plain message key of alerts2.cannot), null when they can. */
  cannot: 'viewerRole' | 'facilityRole' | 'nothingLeft' | 'operatorNoDisposition' | null;
  inspectors: { id: number; name: string }[];
};

const HOUR_MS = 3_600_000;
const MAX_POINTS = 2500;

type DerivationLabels = { station: string; permit: string; column: (c: string) => string };

/** "QCVN40:2025 · 2025 · cột B · Kq=0.9", a permit's reference, or the station's own limit, in the reader's language. */
function describeDerivation(d: unknown, labels: DerivationLabels): string | null {
  const parsed = z
    .object({
      standard: z.string(),
      version: z.string().optional(),
      column: z.string().optional(),
      coefficients: z.record(z.string(), z.unknown()).optional(),
    })
    .safeParse(d);
  if (!parsed.success) return null;
  const { standard, version, column, coefficients } = parsed.data;
  if (standard === 'station') return labels.station;
  const coeffs = Object.entries(coefficients ?? {})
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
  return [standard === 'permit' ? labels.permit : standard, version, column && column !== '*' ? labels.column(column) : '', coeffs].filter(Boolean).join(' · ');
}

/** The evidence window: the averaging period or streak with a margin, at most 7 days. */
function evidenceWindow(a: AlertView): { from: Date; to: Date } {
  const start = a.periodStart ?? a.openedAt;
  const end = a.periodEnd && a.periodEnd > (a.resolvedAt ?? a.lastSeenAt) ? a.periodEnd : (a.resolvedAt ?? a.lastSeenAt);
  const pad = alertKindInfo(a.kind).basis === 'average' ? 2 * HOUR_MS : 3 * HOUR_MS;
  const from = new Date(start.getTime() - pad);
  const to = new Date(Math.min(end.getTime() + pad, from.getTime() + 7 * DAY_MS));
  return { from, to };
}

export async function getAlertDetailPage(id: number): Promise<AlertDetailPage> {
  const td = await getTranslations('screens.derivation');
  const derivationLabels: DerivationLabels = { station: td('station'), permit: td('permit'), column: (column) => td('column', { column }) };
  const user = await requireUser();
  const scope = scopeFor(user);
  let a: AlertDetail;
  try {
    a = await getAlert(id, scope);
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
  const { from, to } = evidenceWindow(a);
  const [readings, limits, inspectors] = await Promise.all([
    a.parameter ? listRawReadings(a.station.id, a.parameter, from, to, MAX_POINTS + 1) : Promise.resolve([]),
    a.parameter ? getStationLimitsService(a.station.code, scope, a.openedAt).catch(() => []) : Promise.resolve([]),
    listInspectors(),
  ]);
  const basisAveraging = a.basis ?? '5min';
  const lim = limits.find((l) => l.parameter === a.parameter && l.averaging === basisAveraging) ?? null;
  const limitMax = lim?.max ?? (lim ? null : a.limit);
  const limitMin = lim?.min ?? null;
  const markExceeding = basisAveraging === '5min';
  const points: EvidencePoint[] = readings.slice(0, MAX_POINTS).map((r) => {
    const valid = isValidReading(r.deviceStatus, r.qcFlag);
    return {
      t: r.time.getTime(),
      v: r.value,
      valid,
      deviceStatus: r.deviceStatus,
      qcFlag: r.qcFlag,
      flagged: !valid || r.qcFlag === 3,
      // Against an averaging limit single readings above it prove nothing: they are marked for 5-minute alerts only.
      exceeding: markExceeding && valid && ((limitMax != null && r.value > limitMax) || (limitMin != null && r.value < limitMin)),
    };
  });
  const assignee = a.assigneeId != null ? inspectors.find((i) => i.id === a.assigneeId) : undefined;
  const role = user.role;
  return {
    alert: {
      ...toAlertRowDto(a),
      stationKind: a.station.kind,
      facilityName: a.station.facilityName,
      parameterName: a.parameter ? parameterName(a.parameter, 'vi') : null,
      lastSeenAt: a.lastSeenAt.toISOString(),
      completeness: a.completeness,
      derivation: describeDerivation(a.limitDerivation, derivationLabels) ?? (lim ? describeDerivation(lim.derivation, derivationLabels) : null),
      periodStart: a.periodStart?.toISOString() ?? null,
      periodEnd: a.periodEnd?.toISOString() ?? null,
      dispositionNote: a.dispositionNote,
      assigneeId: a.assigneeId,
      assigneeName: assignee?.name ?? null,
      dueAt: a.dueAt?.toISOString() ?? null,
      acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
      acknowledgedBy: a.acknowledgedBy,
      reopenedByRecompute: a.reopenedByRecompute,
      resolvedByRecompute: a.resolvedByRecompute,
      limitMin,
      limitMax,
      events: a.events.map((e) => ({ id: e.id, at: e.at.toISOString(), type: e.type, actor: e.actor, data: e.data })),
    },
    evidence: { from: from.getTime(), to: to.getTime(), points, total: readings.length },
    canAcknowledge: (role === 'operator' || role === 'inspector') && a.state === 'open',
    canDispose: role === 'inspector' && takesDisposition(a.kind),
    cannot:
      role === 'facility'
        ? 'facilityRole'
        : role !== 'operator' && role !== 'inspector'
          ? 'viewerRole'
          : a.state === 'open'
            ? null
            : role === 'operator' && takesDisposition(a.kind)
              ? 'operatorNoDisposition'
              : role === 'inspector' && takesDisposition(a.kind)
                ? null
                : 'nothingLeft',
    inspectors: role === 'inspector' ? inspectors.map((i) => ({ id: i.id, name: i.name })) : [],
  };
}

// ── bell ──

export async function getBellData(): Promise<{ unread: number; items: InappNotification[] }> {
  const user = await requireUser();
  return listInappForUser(user.id, 8);
}

// ── notification settings ──

export async function getNotificationSettingsPage() {
  const user = await requireUser();
  const [settings, stations] = await Promise.all([getSubscriptionSettings(user.id), listVisibleStations(scopeFor(user))]);
  return {
    email: user.email,
    settings,
    stations: stations.map((s) => ({ id: s.id, code: s.code, name: s.name })),
    /** Webhooks are for staff only (security round 2). */
    webhookAllowed: user.role !== 'facility',
  };
}
