import { describe, expect, it } from 'vitest';
import type { AlertView } from '../alerts';
import { buildNotificationMessage } from './message';

const base: AlertView = {
  id: 42,
  kind: 'compliance_exceedance',
  state: 'open',
  parameter: 'COD',
  openedAt: new Date('2024-05-24T17:10:00Z'),
  lastSeenAt: new Date('2024-05-24T17:10:00Z'),
  resolvedAt: null,
  durationMs: 0,
  count: 1,
  peakValue: 190,
  limit: 150,
  basis: '24h',
  averageValue: 162.54,
  completeness: 0.9,
  limitDerivation: null,
  periodStart: null,
  periodEnd: null,
  disposition: 'pending_review',
  dispositionNote: null,
  assigneeId: null,
  dueAt: null,
  acknowledgedAt: null,
  acknowledgedBy: null,
  reopenedByRecompute: false,
  resolvedByRecompute: false,
  confirmed: true,
  confirmedAt: new Date('2024-05-24T17:10:00Z'),
  historical: false,
  withdrawnAt: null,
  withdrawnReason: null,
  suppressed: false,
  station: { id: 1, code: 'BG_NT01', name: 'Trạm nước thải Đình Trám', kind: 'wastewater', facilityId: 1, facilityCode: 'DINHTRAM', facilityName: 'Công ty Đình Trám' },
};

describe('notification message', () => {
  it('a compliance exceedance reports the average on its basis, the limit, local time and the link', () => {
    const m = buildNotificationMessage(base, 'opened', 'https://qt.example/');
    expect(m.subject).toBe('[Quan Trắc] Cảnh báo mới: Vượt quy chuẩn (giá trị trung bình) — COD tại Trạm nước thải Đình Trám');
    expect(m.text).toContain('Giá trị: 162,5 mg/L (trung bình 24 giờ)');
    expect(m.text).toContain('Giá trị cao nhất: 190,0 mg/L');
    expect(m.text).toContain('Giới hạn: 150,0 mg/L');
    // 17:10 UTC is 00:10 the next day in Vietnam.
    expect(m.text).toContain('Thời điểm phát hiện: 25/05/2024 00:10 (giờ Việt Nam)');
    expect(m.text).toContain('Xem chi tiết: https://qt.example/alerts/42');
    expect(m.payload).toMatchObject({ type: 'alert.opened', alert: { id: 42, openedAt: '2024-05-25T00:10:00+07:00', unit: 'mg/L' } });
  });

  it('a disposition names the decision and its note in the subject and body', () => {
    const m = buildNotificationMessage({ ...base, disposition: 'confirmed_violation', dispositionNote: 'Lập biên bản' }, 'disposition', 'http://x');
    expect(m.subject.startsWith('[Quan Trắc] Xác nhận vi phạm: ')).toBe(true);
    expect(m.text).toContain('Kết luận: Xác nhận vi phạm');
    expect(m.text).toContain('Ghi chú: Lập biên bản');
  });

  it('an offline alert without a parameter or value says only what it knows', () => {
    const m = buildNotificationMessage({ ...base, kind: 'offline', parameter: null, peakValue: null, averageValue: null, limit: null, basis: null }, 'opened', 'http://x');
    expect(m.subject).toBe('[Quan Trắc] Cảnh báo mới: Mất kết nối — Trạm nước thải Đình Trám');
    expect(m.text).not.toContain('Thông số');
    expect(m.text).not.toContain('Giá trị');
    expect(m.sms).toBe('[Quan Trắc] Mất kết nối · BG_NT01 · 25/05/2024 00:10');
  });
});
