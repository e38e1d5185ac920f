import 'server-only';
import type { FacilityRow } from '@/lib/db/facilities';
import type { IngestFileRow, RejectedLine } from '@/lib/db/ingest-files';
import type { ReasonParams, StoredReason } from '@/lib/domain/ingest/reasons';
import type { StationParameterRow } from '@/lib/db/stations';
import { formatIsoLocal, formatIsoLocalOrNull } from '@/lib/domain/iso-time';
import type { Level } from '@/lib/domain/level';
import { findParameter, type StationKind } from '@/lib/domain/parameters';
import { qcFlagName, type QcFlagName } from '@/lib/domain/qc-flags';
import type { StationState } from '@/lib/domain/stations/states';
import type { AlertDetail, AlertEventView, AlertView } from '@/lib/services/alerts';
import type { IngestResult } from '@/lib/services/ingest';
import type { LimitStandardView, StationLimit } from '@/lib/services/limits';
import type { AggregatePoint, LatestValue, RawPoint, StationLatest, StationWithState } from '@/lib/services/stations';

/** API shapes (what goes over the wire). Times are ISO 8601 with +07:00; no secrets, no internal ids of users. */
export type LimitDto = { min: number | null; max: number | null } | null;

export type FacilityDto = { code: string; name: string; address: string | null };
export type FacilityCreatedDto = FacilityDto & { ftpUsername: string | null };

export type StationSummaryDto = {
  code: string;
  name: string;
  kind: StationKind;
  facility: { code: string; name: string };
  lat: number;
  lon: number;
  state: StationState;
  enabled: boolean;
  lastFileAt: string | null;
  lastDataAt: string | null;
  parameters: string[];
};

export type StationParameterDto = {
  code: string;
  unit: string;
  name: { vi: string; en: string };
  decimals: number | null;
  limit: LimitDto;
  enabled: boolean;
};

export type StationDetailDto = Omit<StationSummaryDto, 'parameters'> & {
  fileCode: string;
  parameters: StationParameterDto[];
  settings: { intervalMinutes: number; graceMinutes: number; activeFrom: string; fileCode: string; fileAliases: string[] };
};

export type LatestValueDto = {
  parameter: string;
  time: string;
  value: number;
  unit: string;
  deviceStatus: string;
  flag: QcFlagName;
  reasons: string[];
  valid: boolean;
  level: Level | null;
  limit: LimitDto;
};

export type LatestDto = { station: string; time: string | null; state: StationState; values: LatestValueDto[] };

export type RawReadingDto = {
  time: string;
  value: number;
  unit: string;
  deviceStatus: string;
  flag: QcFlagName;
  reasons: string[];
  valid: boolean;
};

export type AggregateDto = {
  time: string;
  value: number | null;
  validCount: number;
  expectedCount: number;
  complete: boolean;
  min: number | null;
  max: number | null;
  /** Daily values only: the local date they belong to. */
  date?: string;
};

export type IngestFileDto = {
  id: number;
  name: string;
  sha256: string;
  size: number;
  receivedAt: string;
  source: string;
  account: string | null;
  remoteAddress: string | null;
  outcome: string;
  reasons: string[];
  reasonCodes: StoredReason[] | null;
  rejectedLines: RejectedLineDto[];
  station: string | null;
  readings: number;
};

/** `reason` is the English text; `code`/`params` translate it (null on rows recorded before codes existed). */
export type RejectedLineDto = { line: number; reason: string; code: string | null; params: ReasonParams | null };

export type IngestResultDto = {
  fileId: number;
  outcome: IngestResult['outcome'];
  station: string | null;
  readings: number;
  rejectedLines: RejectedLineDto[];
  reasons: string[];
  reasonCodes: StoredReason[] | null;
};

const toRejectedLineDto = (l: RejectedLine): RejectedLineDto => ({ line: l.line, reason: l.reason, code: l.code ?? null, params: l.params ?? null });

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

export function toStationDetailDto(s: StationWithState): StationDetailDto {
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
    },
  };
}

function toLatestValueDto(v: LatestValue): LatestValueDto {
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
    limit: limitOf(v.limitMin, v.limitMax),
  };
}

export function toLatestDto(l: StationLatest): LatestDto {
  return { station: l.station.code, time: formatIsoLocalOrNull(l.time), state: l.station.state, values: l.values.map(toLatestValueDto) };
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
    reasonCodes: f.reasonCodes,
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
    reasonCodes: r.reasonCodes,
  };
}

// ── alerts ──

export type AlertDto = {
  id: number;
  kind: AlertView['kind'];
  station: string;
  parameter: string | null;
  state: AlertView['state'];
  openedAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  count: number;
  peakValue: number | null;
  limit: number | null;
  basis: AlertView['basis'];
  averageValue: number | null;
  completeness: number | null;
  disposition: AlertView['disposition'];
  // Beyond API.md's minimum: evidence and review fields.
  dispositionNote: string | null;
  dueAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  limitDerivation: unknown;
  periodStart: string | null;
  periodEnd: string | null;
  reopenedByRecompute: boolean;
  resolvedByRecompute: boolean;
  suppressed: boolean;
};

export type AlertEventDto = { at: string; type: AlertEventView['type']; actor: string; data: Record<string, unknown> };

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
  };
}

export function toAlertDetailDto(a: AlertDetail): AlertDto & { events: AlertEventDto[] } {
  return { ...toAlertDto(a), events: a.events.map((e) => ({ at: formatIsoLocal(e.at), type: e.type, actor: e.actor, data: e.data })) };
}

export type StationLimitDto = {
  parameter: string;
  min: number | null;
  max: number | null;
  averaging: string;
  source: StationLimit['source'];
  derivation: StationLimit['derivation'];
};

export function toStationLimitDto(l: StationLimit): StationLimitDto {
  return { parameter: l.parameter, min: l.min, max: l.max, averaging: l.averaging, source: l.source, derivation: l.derivation };
}

export type LimitStandardDto = {
  code: string;
  name: string;
  version: string;
  kind: StationKind;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: 'builtin' | 'import';
  inForce: boolean;
  values: { column: string; parameter: string; min: number | null; max: number | null; averaging: string; applyCoefficients: boolean }[];
};

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

export type LatestLimitDto = { min: number | null; max: number | null; averaging: string; source: StationLimit['source']; derivation: StationLimit['derivation'] } | null;
export type LatestWithLimitsDto = Omit<LatestDto, 'values'> & { values: (Omit<LatestValueDto, 'limit'> & { limit: LatestLimitDto })[] };

/** `latest` with each value's level against the limit in force (lib/services/limits resolution, early-warning rule). */
export function toLatestWithLimitsDto(l: StationLatest, limits: ReadonlyMap<string, StationLimit>, levelOf: (v: LatestValue, limit: StationLimit | undefined) => Level | null): LatestWithLimitsDto {
  const base = toLatestDto(l);
  return {
    ...base,
    values: l.values.map((v, i) => {
      const limit = limits.get(v.parameter);
      const dto = base.values[i] ?? toLatestValueDto(v);
      return {
        ...dto,
        level: levelOf(v, limit),
        limit: limit ? { min: limit.min, max: limit.max, averaging: limit.averaging, source: limit.source, derivation: limit.derivation } : null,
      };
    }),
  };
}
