import { useLocale, useTranslations } from 'next-intl';
import { formatNumber } from '@/lib/domain/format';
import type { ExceedanceRowView } from '@/lib/dto/reports-exceedances';
import { DataTable, type Column } from '@/components/ui/data-table';
import { periodLabel } from './completeness-table';
import styles from './reports.module.css';

/** Exceedance report rows (screen and print): counts, duration, peak, average, limit and dispositions. */
export function ExceedanceTable({ rows, byMonth }: { rows: ExceedanceRowView[]; byMonth: boolean }) {
  const t = useTranslations('reports.exceedances');
  const tr = useTranslations('reports');
  const loc = useLocale() === 'en' ? 'en' : 'vi';
  const count = (header: string, value: (r: ExceedanceRowView) => number): Column<ExceedanceRowView> => ({ header, num: true, cell: value });
  const decimal = (header: string, value: (r: ExceedanceRowView) => number | null, digits = 2): Column<ExceedanceRowView> => ({
    header,
    num: true,
    cell: (r) => formatNumber(value(r), digits, loc),
  });
  return (
    <DataTable
      className={`data ${styles.reportTable}`}
      testId="exceedance-table"
      rows={rows}
      rowKey={(r) => `${r.stationCode}|${r.parameter}|${r.period}`}
      rowProps={(r) => ({ 'data-station': r.stationCode, 'data-parameter': r.parameter ?? '' })}
      empty={t('empty')}
      columns={[
        {
          header: tr('completeness.station'),
          cell: (r) => (
            <>
              <span className="mono">{r.stationCode}</span> {r.stationName}
              <div className="muted small">{r.facilityName}</div>
            </>
          ),
        },
        { header: tr('completeness.parameter'), className: 'mono', cell: (r) => r.parameter ?? '—' },
        byMonth && { header: tr('completeness.month'), cell: (r) => periodLabel(r.period) },
        count(t('count'), (r) => r.alerts),
        count(t('events'), (r) => r.events),
        decimal(t('duration'), (r) => r.durationMs / 3_600_000, 1),
        decimal(t('peak'), (r) => r.peak),
        decimal(t('average'), (r) => r.average),
        decimal(t('limit'), (r) => r.limit),
        count(t('pending'), (r) => r.pending),
        count(t('confirmed'), (r) => r.confirmed),
        count(t('equipment'), (r) => r.equipment),
        count(t('calibration'), (r) => r.calibration),
        count(t('falseAlarm'), (r) => r.falseAlarm),
      ]}
    />
  );
}
