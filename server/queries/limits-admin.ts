import type {
  BindingItem,
  LimitStandardItem,
  LimitVersionItem,
  MaintenanceStatus,
  MaintenanceWindowItem,
  PermitItem,
  StationBindingSummary,
  StationParameterLimits,
} from '@/lib/dto/limits-admin';
import 'server-only';
import { notFound } from 'next/navigation';
import { listBindings } from '@/lib/db/limits';
import { formatIsoLocal, HOUR_MS, localDayBounds, localDayKey, parseLocalDate } from '@/lib/domain/time';
import type { StationKind } from '@/lib/domain/parameters';
import { isAppError } from '@/lib/errors';
import { listMaintenanceWindowsService } from '@/lib/services/alerts';
import { listLimitStandardsService } from '@/lib/services/limits';
import { listStationsService } from '@/lib/services/stations';
import { requireUser } from '@/server/auth/session';
import { getStationLimitDetail } from '@/lib/services/stations';

/**
 * Page reads of /admin/limits, /admin/limits/stations/[code] and /admin/maintenance (admin only; the proxy already
 * keeps other roles out of /admin, these checks are the real gate). Instants travel as ISO text with +07:00, local
 * calendar dates as 'YYYY-MM-DD'.
 */
const ADMIN = ['admin'] as const;
const STAFF_SCOPE = { facilityId: null };

export type LimitVersionDto = LimitVersionItem;
export type LimitStandardDto = LimitStandardItem;
export type StationBindingSummaryDto = StationBindingSummary;
export type LimitsAdminPage = { standards: LimitStandardDto[]; stations: StationBindingSummaryDto[] };

export async function getLimitsAdminPage(now: Date = new Date()): Promise<LimitsAdminPage> {
  await requireUser(ADMIN);
  const [rows, stations] = await Promise.all([
    listLimitStandardsService(now),
    listStationsService(STAFF_SCOPE, {}, now),
  ]);
  const byCode = new Map<string, LimitStandardDto>();
  for (const r of rows) {
    const s = byCode.get(r.code) ?? { code: r.code, kind: r.kind, versions: [] };
    byCode.set(r.code, s);
    s.versions.push({
      version: r.version,
      name: r.name,
      effectiveFrom: r.effectiveFrom,
      effectiveTo: r.effectiveTo ?? null,
      inForce: r.inForce,
      source: r.source,
      importedBy: r.importedBy,
      createdAt: formatIsoLocal(r.createdAt),
      values: [...r.values],
    });
  }
  // Newest version first inside a standard: that is the one an admin checks after an import.
  for (const s of byCode.values())
    s.versions.sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  const bindings = await listBindings(stations.map((s) => s.id));
  return {
    standards: [...byCode.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.code.localeCompare(b.code)),
    stations: stations
      .map((s) => ({
        code: s.code,
        name: s.name,
        kind: s.kind,
        facilityName: s.facility.name,
        bindings: bindings
          .filter((b) => b.stationId === s.id)
          .map((b) => ({ standardCode: b.standardCode, column: b.columnCode })),
      }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  };
}

export type StationLimitsAdminPage = {
  station: { code: string; name: string; kind: StationKind; facilityCode: string; facilityName: string };
  /** The local date the limits are resolved for ('YYYY-MM-DD'). */
  at: string;
  bindings: BindingItem[];
  permits: PermitItem[];
  parameters: StationParameterLimits[];
  standards: {
    code: string;
    name: string;
    columns: string[];
    versions: { version: string; effectiveFrom: string; effectiveTo: string | null }[];
  }[];
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today's local date, or the `at` date the admin picked (to see what applies after a future cut-over). */
export function limitsDateOf(at: string | undefined, now: Date): { day: string; instant: Date } {
  const day = at && DAY.test(at) && parseLocalDate(at) ? at : localDayKey(now);
  // Noon local time: inside the day whatever the standard's cut-over at 00:00.
  return { day, instant: new Date(localDayBounds(day).start.getTime() + 12 * HOUR_MS) };
}

export async function getStationLimitsAdminPage(
  code: string,
  at: string | undefined,
  now: Date = new Date(),
): Promise<StationLimitsAdminPage> {
  await requireUser(ADMIN);
  const { day, instant } = limitsDateOf(at, now);
  let d;
  try {
    d = await getStationLimitDetail(code, STAFF_SCOPE, instant);
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
  return {
    station: {
      code: d.station.code,
      name: d.station.name,
      kind: d.station.kind,
      facilityCode: d.station.facility.code,
      facilityName: d.station.facility.name,
    },
    at: day,
    bindings: d.bindings.map((b) => ({ ...b, updatedAt: b.createdAt ? formatIsoLocal(b.createdAt) : null })),
    permits: d.permits.map((p) => ({
      id: p.id,
      parameter: p.parameter,
      stationCode: p.stationCode,
      min: p.min,
      max: p.max,
      averaging: p.averaging,
      effectiveFrom: p.effectiveFrom,
      effectiveTo: p.effectiveTo,
      note: p.note,
      inForce: p.inForce,
    })),
    parameters: d.parameters.map((p) => ({
      parameter: p.parameter,
      unit: p.unit,
      limits: p.limits.map((l) => ({
        averaging: l.averaging,
        min: l.min,
        max: l.max,
        source: l.source,
        standard: l.derivation.standard,
        version: l.derivation.version,
        column: l.derivation.column,
        coefficients: { ...l.derivation.coefficients },
        base: { ...l.derivation.base },
        o2Ref: l.o2Ref,
        effectiveFrom: l.effectiveFrom,
        effectiveTo: l.effectiveTo,
        permitId: l.permitId,
        live: l.live,
      })),
    })),
    standards: d.standards,
  };
}

export type { MaintenanceStatus };
export type MaintenanceWindowDto = MaintenanceWindowItem;
export type MaintenancePage = {
  windows: MaintenanceWindowDto[];
  stations: { code: string; name: string; parameters: string[] }[];
  station: string | null;
};

export function maintenanceStatus(w: { from: Date; to: Date; cancelledAt: Date | null }, now: Date): MaintenanceStatus {
  if (w.cancelledAt) return 'cancelled';
  if (w.to.getTime() <= now.getTime()) return 'past';
  return w.from.getTime() > now.getTime() ? 'upcoming' : 'active';
}

export async function getMaintenancePage(q: { station?: string }, now: Date = new Date()): Promise<MaintenancePage> {
  await requireUser(ADMIN);
  const stations = await listStationsService(STAFF_SCOPE, {}, now);
  const station = q.station && stations.some((s) => s.code === q.station) ? q.station : null;
  const windows = await listMaintenanceWindowsService(STAFF_SCOPE, {
    ...(station ? { stationCode: station } : {}),
    limit: 500,
  });
  return {
    station,
    stations: stations
      .map((s) => ({
        code: s.code,
        name: s.name,
        parameters: s.parameters.filter((p) => p.enabled).map((p) => p.parameter),
      }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    windows: windows.map((w) => ({
      id: w.id,
      stationCode: w.stationCode,
      stationName: w.stationName,
      parameters: w.parameters,
      from: formatIsoLocal(w.from),
      to: formatIsoLocal(w.to),
      reason: w.reason,
      createdBy: w.createdBy,
      cancelledAt: w.cancelledAt ? formatIsoLocal(w.cancelledAt) : null,
      cancelledBy: w.cancelledBy,
      status: maintenanceStatus(w, now),
    })),
  };
}
