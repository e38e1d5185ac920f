import 'server-only';
import { formatIsoLocal } from '@/lib/domain/iso-time';
import { qcFlagName, type QcFlagName } from '@/lib/domain/qc-flags';
import type { OverlayRow } from '@/lib/services/qc';
import type { FlaggedPeriod, FlaggedReading } from '@/lib/services/qc';

/** Wire shapes of the QC endpoints (times ISO 8601 with +07:00). */
export type OverlayDto = {
  id: number;
  station: string;
  parameters: string[];
  from: string;
  to: string;
  action: 'invalidate' | 'restore';
  reason: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  active: boolean;
};

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

export type ReviewItemDto = {
  station: string;
  stationName: string;
  parameter: string;
  time: string;
  value: number;
  deviceStatus: string;
  flag: QcFlagName;
  reasons: string[];
};

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

export function toPeriodDto(p: FlaggedPeriod) {
  return { parameter: p.parameter, from: formatIsoLocal(p.from), to: formatIsoLocal(p.to), flag: p.flag, reasons: p.reasons, count: p.count };
}
