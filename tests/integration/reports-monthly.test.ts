/**
 * Monthly station report, report files (CSV / XLSX) and the scheduled monthly e-mail through a real SMTP server
 * process. One 5-minute wastewater station active from 01/05/2024 (+07:00): on 24/05 COD every slot, hourly means 120 mg/L
 * (limit 100), PH every slot ≈ 7.2; on 25/05 COD 144 slots only (hourly means 82,75). Averages come from the real recompute path.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';

import yauzl from 'yauzl';
import { pool } from '@/lib/db/client';
import { insertReadings } from '@/lib/db/readings';
import { listMonthlySends, upsertMonthlySubscription } from '@/lib/db/reports';
import { AppError } from '@/lib/errors';
import { completenessTable, exceedanceTable, tableToCsv, tableToXlsx } from '@/lib/services/reports';
import { completenessReportService, exceedanceReportService } from '@/lib/services/reports';
import { monthlyStationReportService } from '@/lib/services/reports';
import { runMonthlyReportsIfDue, sendMonthlyReports } from '@/lib/services/reports';
import { recomputeStationPeriod } from '@/lib/services/qc';
import { monthlyReportsSchedule } from '@/worker/monthly-reports';
import { startSmtpServer, type SmtpTestServer } from '../support/smtp-server';
import { loadEnv } from '@/lib/env';
import { closeMailAndDb, insertAlert, makeScene } from './notifications-helpers';

import { createTestStation } from '../support/fixtures';

const config = (overrides: Record<string, string>) => loadEnv({ DEMO: '0', ...overrides });

const MAY1 = Date.parse('2024-04-30T17:00:00.000Z'); // 01/05/2024 00:00 +07:00
const DAY24 = MAY1 + 23 * 86_400_000;
const DAY25 = DAY24 + 86_400_000;
const JUNE1 = Date.parse('2024-05-31T17:00:00.000Z');
const NOW = new Date('2024-06-01T03:00:00Z'); // 10:00 on 01/06/2024 local: May is due

let smtp: SmtpTestServer;
let scene: Awaited<ReturnType<typeof makeScene>>;
let stationCode = '';
let stationId = 0;

beforeAll(async () => {
  smtp = await startSmtpServer();
  scene = await makeScene();
  const st = await createTestStation(scene.facA.id, {
    code: `MR${scene.id}`,
    name: `Trạm báo cáo tháng ${scene.id}`,
    activeFrom: new Date(MAY1),
    parameters: [{ parameter: 'COD', limitMax: 100 }, 'PH'],
  });
  stationCode = st.code;
  stationId = st.id;
  const rows = [
    ...Array.from({ length: 288 }, (_, i) => ({
      parameter: 'COD',
      t: DAY24 + i * 300_000,
      value: 117.8 + (i % 12) * 0.4,
    })),
    ...Array.from({ length: 288 }, (_, i) => ({ parameter: 'PH', t: DAY24 + i * 300_000, value: 7 + (i % 5) / 10 })),
    ...Array.from({ length: 144 }, (_, i) => ({
      parameter: 'COD',
      t: DAY25 + i * 300_000,
      value: 80 + (i % 12) * 0.5,
    })),
  ];
  await insertReadings(
    rows.map((r) => ({
      stationId,
      parameter: r.parameter,
      time: new Date(r.t),
      value: r.value,
      deviceStatus: '00' as const,
      fileId: null,
    })),
  );
  await recomputeStationPeriod(stationId, new Date(DAY24), new Date(DAY25 + 86_400_000));
  const a1 = await insertAlert(stationId, {
    kind: 'compliance_exceedance',
    parameter: 'COD',
    peak: 122,
    limit: 100,
    average: 120,
    basis: '24h',
    openedAt: new Date(DAY25 + 3_600_000),
    disposition: 'confirmed_violation',
  });
  await pool().query(
    `UPDATE alert SET resolved_at = $2, state = 'resolved', disposition_note = 'Biên bản 12/2024' WHERE id = $1`,
    [a1, new Date(DAY25 + 7_200_000)],
  );
  const a2 = await insertAlert(stationId, {
    kind: 'instant_exceedance',
    parameter: 'COD',
    peak: 122,
    limit: 100,
    openedAt: new Date(DAY24 + 3_600_000),
  });
  await pool().query(`UPDATE alert SET resolved_at = $2, state = 'resolved' WHERE id = $1`, [
    a2,
    new Date(DAY24 + 5_400_000),
  ]);
  // Outside the month: not in May's report.
  await insertAlert(stationId, { kind: 'instant_exceedance', parameter: 'COD', openedAt: new Date(JUNE1 + 3_600_000) });
}, 120_000);

afterAll(() => closeMailAndDb(smtp));

/** May's report of the station as seen from a facility (null: staff). */
const mayReport = (facilityId: number | null) =>
  monthlyStationReportService({ stationCode, month: '2024-05', scope: { facilityId }, threshold: 0.8, now: NOW });

describe('monthly station report', () => {
  it('daily means with min/max, month summary, completeness, limit and the month’s exceedances', async () => {
    const r = await mayReport(null);
    expect(r.station.code).toBe(stationCode);
    const cod = r.parameters.find((p) => p.parameter === 'COD')!;
    const ph = r.parameters.find((p) => p.parameter === 'PH')!;
    expect(cod.days).toHaveLength(31);
    const d24 = cod.days.find((d) => d.day === '2024-05-24')!;
    // Daily values are the stored avg_day rows (means of complete hourly means, DOMAIN.md §5), passed through as is.
    const stored = await pool().query<{ day: string; value: number; min: number; max: number }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, value, min, max FROM avg_day WHERE station_id = $1 AND parameter = 'COD' ORDER BY day`,
      [stationId],
    );
    const s24 = stored.rows.find((x) => x.day === '2024-05-24')!;
    const s25 = stored.rows.find((x) => x.day === '2024-05-25')!;
    expect([d24.value, d24.min, d24.max]).toEqual([s24.value, s24.min, s24.max]);
    expect(d24.value).toBeGreaterThan(118);
    expect(d24.max).toBeCloseTo(120, 6);
    const d25 = cod.days.find((d) => d.day === '2024-05-25')!;
    expect(d25.value).toBe(s25.value);
    expect(d25.value).toBeGreaterThan(80);
    expect(d25.value).toBeLessThan(86);
    expect(cod.days.find((d) => d.day === '2024-05-01')!.value).toBeNull();
    expect(cod.daysWithData).toBe(2);
    expect(cod.mean).toBeCloseTo((s24.value + s25.value) / 2, 9);
    expect(cod.min).toBe(Math.min(s24.min, s25.min));
    expect(cod.max).toBe(Math.max(s24.max, s25.max));
    expect(cod.limitMax).toBe(100);
    // Whole month expected: 31 × 288 slots; COD received 288 + 144.
    expect(cod.completeness.expected).toBe(31 * 288);
    expect(cod.completeness.received).toBe(432);
    expect(cod.completeness.belowThreshold).toBe(true);
    expect(ph.completeness.received).toBe(288);
    expect(r.total.expected).toBe(2 * 31 * 288);
    expect(cod.exceedances).toBe(2);
    expect(r.alerts.map((a) => [a.kind, a.disposition, a.dispositionNote])).toEqual([
      ['instant_exceedance', null, null],
      ['compliance_exceedance', 'confirmed_violation', 'Biên bản 12/2024'],
    ]);
  });

  it('a facility user of another facility cannot read the station', async () => {
    await expect(mayReport(scene.facB.id)).rejects.toBeInstanceOf(AppError);
    const own = await mayReport(scene.facA.id);
    expect(own.parameters).toHaveLength(2);
  });
});

function unzipEntry(buf: Buffer, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName !== name) return zip.readEntry();
        zip.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2 ?? new Error('no stream'));
          const parts: Buffer[] = [];
          s.on('data', (c: Buffer) => parts.push(c));
          s.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
        });
      });
      zip.on('end', () => reject(new Error(`${name} not in zip`)));
      zip.readEntry();
    });
  });
}

/** The station's completeness per day over 24–25/05. */
const dailyCompleteness = () =>
  completenessReportService({
    from: new Date(DAY24),
    to: new Date(DAY25 + 86_400_000),
    period: 'day',
    scope: { facilityId: null },
    stationCodes: [stationCode],
    threshold: 0.8,
    now: NOW,
  });

describe('report files', () => {
  it('completeness CSV: BOM, header, one row per station × parameter × day with "." decimals', async () => {
    const rep = await dailyCompleteness();
    const csv = tableToCsv(completenessTable(rep, 'vi'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Mã trạm,Tên trạm,Cơ sở,Thông số,Ngày,Dự kiến,Đã nhận,Hợp lệ,Tỷ lệ nhận (%),Tỷ lệ hợp lệ (%),Dưới ngưỡng',
    );
    expect(lines).toHaveLength(1 + 2 * 2);
    const cod25 = lines.find((l) => l.includes(',COD,2024-05-25,'))!;
    expect(cod25.split(',').slice(3)).toEqual(['COD', '2024-05-25', '288', '144', '144', '50', '50', '1']);
  });

  it('exceedance CSV and XLSX: counts and dispositions; XLSX has date and decimal formats', async () => {
    const rows = await exceedanceReportService({
      from: new Date(MAY1),
      to: new Date(JUNE1),
      kind: 'all',
      byMonth: true,
      scope: { facilityId: null },
      stationCodes: [stationCode],
      now: NOW,
    });
    const csv = tableToCsv(exceedanceTable(rows, true, 'vi'))
      .toString('utf8')
      .slice(1)
      .trimEnd()
      .split('\r\n');
    expect(csv).toHaveLength(2);
    const cells = csv[1]!.split(',');
    expect(cells.slice(0, 6)).toEqual([
      stationCode,
      `Trạm báo cáo tháng ${scene.id}`,
      `Công ty Đình Trám ${scene.id}`,
      'COD',
      '2024-05',
      '2',
    ]);
    expect(cells.slice(-5)).toEqual(['1', '1', '0', '0', '0']);

    const rep = await dailyCompleteness();
    const xlsx = await tableToXlsx(completenessTable(rep, 'vi'));
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    const styles = await unzipEntry(xlsx, 'xl/styles.xml');
    expect(styles).toContain('formatCode="dd/mm/yyyy"');
    expect(styles).toContain('formatCode="#,##0.00"');
    const sheet = await unzipEntry(xlsx, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain(stationCode);
    // 24/05/2024 as an Excel serial date with the dd/mm/yyyy style (3); 50 % as the number 50 with style 1.
    expect(sheet).toContain('<c r="E2" s="3"><v>45436</v></c>');
    expect(sheet).toMatch(/<c r="I\d" s="1"><v>50<\/v><\/c>/);
  });
});

type Part = { headers: string; body: string };
function mimeParts(raw: string): Part[] {
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/g)].map((m) => m[1]!);
  const out: Part[] = [];
  for (const b of boundaries) {
    for (const chunk of raw.split(`--${b}`).slice(1)) {
      const sep = chunk.search(/\r?\n\r?\n/);
      if (sep < 0) continue;
      out.push({ headers: chunk.slice(0, sep), body: chunk.slice(sep).trim() });
    }
  }
  return out;
}

describe('monthly report e-mail through a real SMTP server process', () => {
  it('sends last month’s reports with XLSX attachments to subscribed staff once; restarts and reruns send nothing', async () => {
    const manager = await scene.user('manager', null, 'manager', `Quản lý ${scene.id}`);
    const other = await scene.user('manager', null, 'other', `Khác ${scene.id}`);
    await upsertMonthlySubscription(manager.id, true);
    await upsertMonthlySubscription(other.id, false);
    // A facility user cannot subscribe through the service; a row written anyway is ignored by role.
    await upsertMonthlySubscription(scene.facilityUserA.id, true);
    const cfg = config({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      MONTHLY_REPORT_DAY: '1',
      MONTHLY_REPORT_HOUR: '7',
      KPI_THRESHOLD: '0.8',
    });

    expect(await runMonthlyReportsIfDue({ cfg, now: new Date('2024-05-31T23:59:00Z') })).toBeNull();

    const before = smtp.messages().length;
    const first = await runMonthlyReportsIfDue({ cfg, now: NOW });
    expect(first).toMatchObject({ month: '2024-05', sent: 1, failed: 0 });
    const all = await smtp.waitForMessages(before + 1);
    const mine = all.filter((m) => m.to.includes(manager.email));
    expect(mine).toHaveLength(1);
    expect(all.some((m) => m.to.includes(other.email) || m.to.includes(scene.facilityUserA.email))).toBe(false);
    const mail = mine[0]!;
    expect(mail.subject).toBe('Báo cáo quan trắc tự động tháng 05/2024');
    const parts = mimeParts(mail.raw);
    const text = parts.find((p) => /content-type: text\/plain/i.test(p.headers))!;
    const body = /base64/i.test(text.headers)
      ? Buffer.from(text.body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : text.body;
    expect(body.replace(/=\r?\n/g, '')).toMatch(/Qu=E1=BA=A3n l=C3=BD|Quản lý/);
    const files = parts.filter((p) => /content-disposition: attachment/i.test(p.headers));
    expect(files.map((p) => /filename="?([^";\r\n]+)/i.exec(p.headers)?.[1])).toEqual([
      'ty-le-so-lieu-2024-05.xlsx',
      'vuot-nguong-2024-05.xlsx',
    ]);
    const completenessXlsx = Buffer.from(files[0]!.body.replace(/\s+/g, ''), 'base64');
    const sheet = await unzipEntry(completenessXlsx, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain(stationCode);
    const exceedXlsx = Buffer.from(files[1]!.body.replace(/\s+/g, ''), 'base64');
    expect(await unzipEntry(exceedXlsx, 'xl/worksheets/sheet1.xml')).toContain(stationCode);
    expect(
      (await listMonthlySends('2024-05')).filter((s) => s.userId === manager.id).map((s) => [s.status, s.attempts]),
    ).toEqual([['sent', 1]]);

    // Second run (a restarted worker, through the worker's own schedule): nothing more is sent.
    const schedule = monthlyReportsSchedule(cfg);
    const lines: string[] = [];
    await schedule.run({ log: (l) => lines.push(l), now: () => new Date(NOW.getTime() + 600_000) });
    const again = await sendMonthlyReports({ month: '2024-05', cfg, now: new Date(NOW.getTime() + 1_200_000) });
    expect(again).toMatchObject({ sent: 0, skipped: 1 });
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages().filter((m) => m.to.includes(manager.email))).toHaveLength(1);
  });

  it('a failed send is retried on a later run and then marked sent', async () => {
    const user = await scene.user('inspector', null, 'retry', `Thử lại ${scene.id}`);
    await upsertMonthlySubscription(user.id, true);
    const down = config({ SMTP_HOST: '127.0.0.1', SMTP_PORT: '1', KPI_THRESHOLD: '0.8' });
    const failed = await sendMonthlyReports({ month: '2024-04', cfg: down, now: NOW });
    expect(failed.failed).toBeGreaterThanOrEqual(1);
    expect((await listMonthlySends('2024-04')).find((s) => s.userId === user.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
    });
    const up = config({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), KPI_THRESHOLD: '0.8' });
    const before = smtp.messages().length;
    const ok = await sendMonthlyReports({ month: '2024-04', cfg: up, now: NOW });
    expect(ok.sent).toBeGreaterThanOrEqual(1);
    const mails = await smtp.waitForMessages(before + 1);
    expect(mails.filter((m) => m.to.includes(user.email) && m.subject.includes('04/2024'))).toHaveLength(1);
    expect((await listMonthlySends('2024-04')).find((s) => s.userId === user.id)).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
  });
});
