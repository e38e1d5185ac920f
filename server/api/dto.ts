import 'server-only';
import type { DeviceSettings } from '@/lib/db/camera-images';
import type { FacilityRow } from '@/lib/db/facilities';
import type { IngestFileRow, RejectedLine } from '@/lib/db/ingest-files';
import type { StationParameterRow } from '@/lib/db/stations';
import { formatIsoLocal, formatIsoLocalOrNull } from '@/lib/domain/time';
import { findParameter, type StationKind } from '@/lib/domain/parameters';
import { qcFlagName } from '@/lib/domain/qc-flags';
import type { AlertDetail, AlertView } from '@/lib/services/alerts';
import type { IngestResult } from '@/lib/services/ingest';
import type { LimitStandardView, StationLimit } from '@/lib/services/limits';
import type { FlaggedPeriod, FlaggedReading, OverlayRow } from '@/lib/services/qc';
import type { AggregatePoint, RawPoint, StationLatest, StationWithState } from '@/lib/services/stations';
import type { AlertDetailDto, AlertDto } from './contract/alerts';
import type { FacilityDto } from './contract/facilities';
import type { IngestFileDto, IngestResultDto } from './contract/ingest';
import type { LimitStandardDto } from './contract/limits';
import type { FlaggedPeriodDto, OverlayDto, ReviewItemDto } from './contract/qc';
import type { AggregateDto, LatestDto, RawReadingDto, StationDetailDto, StationParameterDto, StationSummaryDto } from './contract/stations';

/**
 * DTO mappers: domain rows → the wire shapes of server/api/contract, typed by `z.infer` of those schemas so an answer
 * cannot drift from its documented schema. Times are ISO 8601 with +07:00; no secrets, no internal ids of users.
 */
type LimitDto = StationParameterDto['limit'];

const limitOf = (min: number | null, max: number | null): LimitDto => (min === null && max === null ? null : { min, max });

export function toFacilityDto(f: FacilityRow): FacilityDto {
  return { code: f.code, name: f.name, address: f.address };
}

export function toStationSummaryDto(s: StationWithState): StationSummaryDto {
  return {
    code: s.code,
    name: s.name,
    kind: s.kind,
    facility: { code: s.facility.code, name: s.facility.name },
    lat: s.lat,
    lon: s.lon,
    state: s.state,
    enabled: s.enabled,
    lastFileAt: formatIsoLocalOrNull(s.lastFileAt),
    lastDataAt: formatIsoLocalOrNull(s.lastDataAt),
    parameters: s.parameters.map((p) => p.parameter),
  };
}

function toStationParameterDto(kind: StationKind, p: StationParameterRow): StationParameterDto {
  const def = findParameter(kind, p.parameter);
  return {
    code: p.parameter,
    unit: p.unit,
    name: { vi: def?.nameVi ?? p.parameter, en: def?.nameEn ?? p.parameter },
    decimals: def?.decimals ?? null,
    limit: limitOf(p.limitMin, p.limitMax),
    enabled: p.enabled,
  };
}

export function toStationDetailDto(s: StationWithState, devices?: DeviceSettings): StationDetailDto {
  const { parameters: _codes, ...summary } = toStationSummaryDto(s);
  void _codes;
  return {
    ...summary,
    fileCode: s.fileCode,
    parameters: s.parameters.map((p) => toStationParameterDto(s.kind, p)),
    settings: {
      intervalMinutes: s.intervalMinutes,
      graceMinutes: s.graceMinutes,
      activeFrom: formatIsoLocal(s.activeFrom),
      fileCode: s.fileCode,
      fileAliases: s.fileAliases,
      ...(devices ? { camera: devices.camera, sampler: devices.sampler } : {}),
    },
  };
}

/** `latest` with each value's limit in force (lib/services/limits resolution); levels as the station service computed. */
export function toLatestDto(l: StationLatest, limits: ReadonlyMap<string, StationLimit>): LatestDto {
  return {
    station: l.station.code,
    time: formatIsoLocalOrNull(l.time),
    state: l.station.state,
    values: l.values.map((v) => {
      const limit = limits.get(v.parameter);
      return {
        parameter: v.parameter,
        time: formatIsoLocal(v.time),
        value: v.value,
        unit: v.unit,
        deviceStatus: v.deviceStatus,
        flag: qcFlagName(v.qcFlag),
        reasons: v.qcReasons,
        valid: v.valid,
        level: v.level,
        limit: limit ? { min: limit.min, max: limit.max, averaging: limit.averaging, source: limit.source, derivation: limit.derivation } : null,
      };
    }),
  };
}

export function toRawReadingDto(r: RawPoint, unit: string): RawReadingDto {
  return {
    time: formatIsoLocal(r.time),
    value: r.value,
    unit,
    deviceStatus: r.deviceStatus,
    flag: qcFlagName(r.qcFlag),
    reasons: r.qcReasons,
    valid: r.valid,
  };
}

export function toAggregateDto(p: AggregatePoint): AggregateDto {
  return {
    time: formatIsoLocal(p.time),
    value: p.value,
    validCount: p.validCount,
    expectedCount: p.expectedCount,
    complete: p.complete,
    min: p.min,
    max: p.max,
    ...(p.date ? { date: p.date } : {}),
  };
}

const toRejectedLineDto = (l: RejectedLine): IngestResultDto['rejectedLines'][number] => ({
  line: l.line,
  reason: l.reason,
  code: (l.code ?? null) as IngestResultDto['rejectedLines'][number]['code'],
  params: l.params ?? null,
});

export function toIngestFileDto(f: IngestFileRow): IngestFileDto {
  return {
    id: f.id,
    name: f.name,
    sha256: f.sha256,
    size: f.size,
    receivedAt: formatIsoLocal(f.receivedAt),
    source: f.source,
    account: f.account,
    remoteAddress: f.remoteAddress,
    outcome: f.outcome,
    reasons: f.reasons,
    reasonCodes: f.reasonCodes as IngestFileDto['reasonCodes'],
    rejectedLines: f.rejectedLines.map(toRejectedLineDto),
    station: f.stationCode,
    readings: f.readingCount,
  };
}

export function toIngestResultDto(r: IngestResult): IngestResultDto {
  return {
    fileId: r.fileId,
    outcome: r.outcome,
    station: r.station,
    readings: r.readings,
    rejectedLines: r.rejectedLines.map(toRejectedLineDto),
    reasons: r.reasons,
    reasonCodes: r.reasonCodes as IngestResultDto['reasonCodes'],
  };
}

// ── alerts ──

export function toAlertDto(a: AlertView): AlertDto {
  return {
    id: a.id,
    kind: a.kind,
    station: a.station.code,
    parameter: a.parameter,
    state: a.state,
    openedAt: formatIsoLocal(a.openedAt),
    lastSeenAt: formatIsoLocal(a.lastSeenAt),
    resolvedAt: formatIsoLocalOrNull(a.resolvedAt),
    count: a.count,
    peakValue: a.peakValue,
    limit: a.limit,
    basis: a.basis,
    averageValue: a.averageValue,
    completeness: a.completeness,
    disposition: a.disposition,
    dispositionNote: a.dispositionNote,
    dueAt: formatIsoLocalOrNull(a.dueAt),
    acknowledgedAt: formatIsoLocalOrNull(a.acknowledgedAt),
    acknowledgedBy: a.acknowledgedBy,
    limitDerivation: a.limitDerivation,
    periodStart: formatIsoLocalOrNull(a.periodStart),
    periodEnd: formatIsoLocalOrNull(a.periodEnd),
    reopenedByRecompute: a.reopenedByRecompute,
    resolvedByRecompute: a.resolvedByRecompute,
    suppressed: a.suppressed,
    confirmed: a.confirmed,
    historical: a.historical,
    withdrawnReason: a.withdrawnReason,
  };
}

export function toAlertDetailDto(a: AlertDetail): AlertDetailDto {
  return { ...toAlertDto(a), events: a.events.map((e) => ({ at: formatIsoLocal(e.at), type: e.type, actor: e.actor, data: e.data })) };
}

export function toLimitStandardDto(s: LimitStandardView): LimitStandardDto {
  return {
    code: s.code,
    name: s.name,
    version: s.version,
    kind: s.kind,
    effectiveFrom: s.effectiveFrom,
    effectiveTo: s.effectiveTo ?? null,
    source: s.source,
    inForce: s.inForce,
    values: s.values.map((v) => ({
      column: v.column,
      parameter: v.parameter,
      min: v.min ?? null,
      max: v.max ?? null,
      averaging: v.averaging,
      applyCoefficients: v.applyCoefficients,
    })),
  };
}

// ── qc ──

export function toOverlayDto(o: OverlayRow, station: string): OverlayDto {
  return {
    id: o.id,
    station,
    parameters: o.parameters,
    from: formatIsoLocal(o.from),
    to: formatIsoLocal(o.to),
    action: o.action,
    reason: o.reason,
    createdBy: o.createdBy,
    createdAt: formatIsoLocal(o.createdAt),
    revokedAt: o.revokedAt ? formatIsoLocal(o.revokedAt) : null,
    revokedBy: o.revokedBy,
    active: o.revokedAt === null,
  };
}

export function toReviewItemDto(r: FlaggedReading): ReviewItemDto {
  return {
    station: r.stationCode,
    stationName: r.stationName,
    parameter: r.parameter,
    time: formatIsoLocal(r.time),
    value: r.value,
    deviceStatus: r.deviceStatus,
    flag: qcFlagName(r.qcFlag),
    reasons: r.qcReasons,
  };
}

export function toPeriodDto(p: FlaggedPeriod): FlaggedPeriodDto {
  return { parameter: p.parameter, from: formatIsoLocal(p.from), to: formatIsoLocal(p.to), flag: p.flag, reasons: p.reasons, count: p.count };
}
