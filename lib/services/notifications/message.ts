import notifyVi from '../../../messages/areas/notify.vi.json';
import { reportedValue } from '../../domain/alerts/kinds';
import type { AlertView } from '../alerts';
import { findParameter, parameterName, type StationKind } from '../../domain/parameters';
import { formatNumber } from '../../domain/format';
import { formatDateTime } from '../../domain/time';
import { formatIsoLocal } from '../../domain/time';

/**
 * What a notification says: a Vietnamese e-mail (subject + text) and the webhook's JSON (with a short text an SMS
 * gateway can forward as is). Built at send time from the alert's current row; names from messages (notify.*).
 */
const { notify } = notifyVi;
const named = <T extends Record<string, string>>(names: T, code: string): string => (Object.hasOwn(names, code) ? names[code as keyof T]! : code);

export type NotificationMessage = { subject: string; text: string; sms: string; payload: Record<string, unknown> };

function unitOf(a: AlertView): { unit: string; decimals: number } {
  const def = a.parameter ? findParameter(a.station.kind as StationKind, a.parameter) : null;
  return { unit: def && def.unit !== '-' ? def.unit : '', decimals: def?.decimals ?? 2 };
}

export function buildNotificationMessage(a: AlertView, eventType: string, baseUrl: string): NotificationMessage {
  const { unit, decimals } = unitOf(a);
  const num = (v: number | null) => (v == null ? null : `${formatNumber(v, decimals, 'vi')}${unit ? ` ${unit}` : ''}`);
  const kind = notify.kinds[a.kind];
  const param = a.parameter ? `${a.parameter}${parameterName(a.parameter, 'vi') !== a.parameter ? ` (${parameterName(a.parameter, 'vi')})` : ''}` : null;
  const url = `${baseUrl.replace(/\/+$/, '')}/alerts/${a.id}`;
  const event = named(notify.events, eventType);
  const value = reportedValue(a);
  const subjectTail = a.parameter ? `${a.parameter} tại ${a.station.name}` : a.station.name;
  const subject =
    eventType === 'disposition' && a.disposition
      ? `[Quan Trắc] ${notify.dispositions[a.disposition]}: ${kind} — ${subjectTail}`
      : `[Quan Trắc] ${event}: ${kind} — ${subjectTail}`;
  const lines = [
    `${event}: ${kind}`,
    '',
    `Trạm: ${a.station.name} (${a.station.code})`,
    `Cơ sở: ${a.station.facilityName}`,
    ...(param ? [`Thông số: ${param}`] : []),
    ...(num(value) ? [`Giá trị: ${num(value)}${a.basis ? ` (${notify.bases[a.basis]})` : ''}`] : []),
    ...(a.peakValue != null && value !== a.peakValue ? [`Giá trị cao nhất: ${num(a.peakValue)}`] : []),
    ...(num(a.limit) ? [`Giới hạn: ${num(a.limit)}`] : []),
    `Thời điểm phát hiện: ${formatDateTime(a.openedAt)} (giờ Việt Nam)`,
    `Lần cuối ghi nhận: ${formatDateTime(a.lastSeenAt)}`,
    `Số lần: ${a.count}`,
    `Trạng thái: ${notify.states[a.state]}`,
    ...(eventType === 'disposition' && a.disposition
      ? [`Kết luận: ${notify.dispositions[a.disposition]}`, ...(a.dispositionNote ? [`Ghi chú: ${a.dispositionNote}`] : [])]
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
    num(value) ? `${num(value)}${num(a.limit) ? ` / giới hạn ${num(a.limit)}` : ''}` : '',
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
      limit: a.limit,
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

/**
 * One message for a burst (the digest window): every alert of the burst in one e-mail, one webhook call whose `text`
 * is a ready Vietnamese SMS ("[Quan Trắc] 12 cảnh báo mới: 8 Vượt ngưỡng tức thời, 4 Vượt quy chuẩn · 3 trạm · xem …").
 */
export function buildDigestMessage(items: readonly { alert: AlertView; eventType: string }[], baseUrl: string): NotificationMessage {
  if (items.length === 1) return buildNotificationMessage(items[0]!.alert, items[0]!.eventType, baseUrl);
  const one = items.map((i) => buildNotificationMessage(i.alert, i.eventType, baseUrl));
  const byKind = new Map<string, number>();
  for (const i of items) byKind.set(i.alert.kind, (byKind.get(i.alert.kind) ?? 0) + 1);
  const stations = new Set(items.map((i) => i.alert.station.code));
  const kinds = [...byKind].map(([k, n]) => `${n} ${named(notify.kinds, k)}`).join(', ');
  const url = `${baseUrl.replace(/\/+$/, '')}/alerts`;
  const subject = `[Quan Trắc] ${items.length} cảnh báo mới tại ${stations.size} trạm`;
  const text = [
    `${items.length} cảnh báo mới: ${kinds}.`,
    '',
    ...one.map((m) => `• ${m.sms}`),
    '',
    `Xem danh sách: ${url}`,
    '',
    '— Hệ thống Quan Trắc (thư tự động, vui lòng không trả lời)',
  ].join('\n');
  const sms = `[Quan Trắc] ${items.length} cảnh báo mới: ${kinds} · ${stations.size} trạm · xem ${url}`;
  return { subject, text, sms, payload: { type: 'alert.digest', count: items.length, alerts: one.map((m) => m.payload.alert), text: sms, url } };
}
