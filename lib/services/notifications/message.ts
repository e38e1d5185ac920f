import type { AlertView } from '../../db/alert-views';
import { findParameter, parameterName, type StationKind } from '../../domain/parameters';
import { formatNumber } from '../../domain/format';
import { formatDateTime } from '../../domain/time';
import { formatIsoLocal } from '../../domain/time';

/**
 * What a notification says: a Vietnamese e-mail (subject + text) and the webhook's JSON (with a short text an SMS
 * gateway can forward as is). Built at send time from the alert's current row.
 */
export const KIND_VI: Record<string, string> = {
  compliance_exceedance: 'Vượt quy chuẩn (giá trị trung bình)',
  instant_exceedance: 'Vượt ngưỡng tức thời',
  approaching: 'Sắp vượt ngưỡng',
  offline: 'Mất kết nối',
  device_error: 'Lỗi thiết bị',
  calibration_overrun: 'Hiệu chuẩn quá thời gian',
  qc_fail: 'Dữ liệu không đạt kiểm soát chất lượng',
};
export const DISPOSITION_VI: Record<string, string> = {
  pending_review: 'Chờ xem xét',
  confirmed_violation: 'Xác nhận vi phạm',
  equipment_fault: 'Lỗi thiết bị',
  calibration: 'Hiệu chuẩn',
  false_alarm: 'Báo động giả',
};
const EVENT_VI: Record<string, string> = {
  opened: 'Cảnh báo mới',
  reopened: 'Cảnh báo mở lại',
  repeat: 'Cảnh báo tiếp diễn',
  disposition: 'Kết luận xem xét',
};
const STATE_VI: Record<string, string> = { open: 'Đang mở', acknowledged: 'Đã tiếp nhận', resolved: 'Đã kết thúc' };
const BASIS_VI: Record<string, string> = { '5min': 'giá trị 5 phút', '1h': 'trung bình 1 giờ', '8h': 'trung bình 8 giờ', '24h': 'trung bình 24 giờ' };

export type NotificationMessage = { subject: string; text: string; sms: string; payload: Record<string, unknown> };

function unitOf(a: AlertView): { unit: string; decimals: number } {
  const def = a.parameter ? findParameter(a.station.kind as StationKind, a.parameter) : null;
  return { unit: def && def.unit !== '-' ? def.unit : '', decimals: def?.decimals ?? 2 };
}

export function buildNotificationMessage(a: AlertView, eventType: string, baseUrl: string): NotificationMessage {
  const { unit, decimals } = unitOf(a);
  const num = (v: number | null) => (v == null ? null : `${formatNumber(v, decimals, 'vi')}${unit ? ` ${unit}` : ''}`);
  const kind = KIND_VI[a.kind] ?? a.kind;
  const param = a.parameter ? `${a.parameter}${parameterName(a.parameter, 'vi') !== a.parameter ? ` (${parameterName(a.parameter, 'vi')})` : ''}` : null;
  const url = `${baseUrl.replace(/\/+$/, '')}/alerts/${a.id}`;
  const event = EVENT_VI[eventType] ?? eventType;
  const value = a.kind === 'compliance_exceedance' && a.averageValue != null ? a.averageValue : a.peakValue;
  const subjectTail = a.parameter ? `${a.parameter} tại ${a.station.name}` : a.station.name;
  const subject =
    eventType === 'disposition' && a.disposition
      ? `[Quan Trắc] ${DISPOSITION_VI[a.disposition] ?? a.disposition}: ${kind} — ${subjectTail}`
      : `[Quan Trắc] ${event}: ${kind} — ${subjectTail}`;
  const lines = [
    `${event}: ${kind}`,
    '',
    `Trạm: ${a.station.name} (${a.station.code})`,
    `Cơ sở: ${a.station.facilityName}`,
    ...(param ? [`Thông số: ${param}`] : []),
    ...(num(value) ? [`Giá trị: ${num(value)}${a.basis ? ` (${BASIS_VI[a.basis] ?? a.basis})` : ''}`] : []),
    ...(a.peakValue != null && value !== a.peakValue ? [`Giá trị cao nhất: ${num(a.peakValue)}`] : []),
    ...(num(a.limitValue) ? [`Giới hạn: ${num(a.limitValue)}`] : []),
    `Thời điểm phát hiện: ${formatDateTime(a.openedAt)} (giờ Việt Nam)`,
    `Lần cuối ghi nhận: ${formatDateTime(a.lastSeenAt)}`,
    `Số lần: ${a.count}`,
    `Trạng thái: ${STATE_VI[a.state] ?? a.state}`,
    ...(eventType === 'disposition' && a.disposition
      ? [`Kết luận: ${DISPOSITION_VI[a.disposition] ?? a.disposition}`, ...(a.dispositionNote ? [`Ghi chú: ${a.dispositionNote}`] : [])]
      : []),
    '',
    `Xem chi tiết: ${url}`,
    '',
    '— Hệ thống Quan Trắc (thư tự động, vui lòng không trả lời)',
  ];
  const sms = [
    `[Quan Trắc] ${kind}`,
    a.station.code,
    a.parameter ?? '',
    num(value) ? `${num(value)}${num(a.limitValue) ? ` / giới hạn ${num(a.limitValue)}` : ''}` : '',
    formatDateTime(a.openedAt),
  ]
    .filter(Boolean)
    .join(' · ');
  const payload = {
    type: `alert.${eventType}`,
    alert: {
      id: a.id,
      kind: a.kind,
      state: a.state,
      station: a.station.code,
      stationName: a.station.name,
      facility: a.station.facilityName,
      parameter: a.parameter,
      openedAt: formatIsoLocal(a.openedAt),
      lastSeenAt: formatIsoLocal(a.lastSeenAt),
      resolvedAt: a.resolvedAt ? formatIsoLocal(a.resolvedAt) : null,
      count: a.count,
      peakValue: a.peakValue,
      averageValue: a.averageValue,
      limit: a.limitValue,
      unit: unit || null,
      basis: a.basis,
      disposition: a.disposition,
      dispositionNote: a.dispositionNote,
    },
    text: sms,
    url,
  };
  return { subject, text: lines.join('\n'), sms, payload };
}
