import { useLocale, useTranslations } from 'next-intl';
import { formatNumber } from '@/lib/domain/format';
import { periodLabel } from './completeness-table';

export type ExceedanceRowView = {
  stationCode: string;
  stationName: string;
  facilityName: string;
  parameter: string | null;
  period: string;
  alerts: number;
  events: number;
  durationMs: number;
  peak: number | null;
  average: number | null;
  limit: number | null;
  pending: number;
  confirmed: number;
  equipment: number;
  calibration: number;
  falseAlarm: number;
};

/** Exceedance report rows (screen and print): counts, duration, peak, average, limit and dispositions. */
export function ExceedanceTable({ rows, byMonth }: { rows: ExceedanceRowView[]; byMonth: boolean }) {
  const t = useTranslations('reports.exceedances');
  const tr = useTranslations('reports');
  const loc = useLocale() === 'en' ? 'en' : 'vi';
  return (
    <div className="table-wrap">
      <table className="data" data-testid="exceedance-table">
        <thead>
          <tr>
            <th>{tr('completeness.station')}</th>
            <th>{tr('completeness.parameter')}</th>
            {byMonth && <th>{tr('completeness.month')}</th>}
            <th className="num">{t('count')}</th>
            <th className="num">{t('events')}</th>
            <th className="num">{t('duration')}</th>
            <th className="num">{t('peak')}</th>
            <th className="num">{t('average')}</th>
            <th className="num">{t('limit')}</th>
            <th className="num">{t('pending')}</th>
            <th className="num">{t('confirmed')}</th>
            <th className="num">{t('equipment')}</th>
            <th className="num">{t('calibration')}</th>
            <th className="num">{t('falseAlarm')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={`${r.stationCode}|${r.parameter}|${r.period}`}
              data-station={r.stationCode}
              data-parameter={r.parameter ?? ''}
            >
              <td>
                <span className="mono">{r.stationCode}</span> {r.stationName}
                <div className="muted small">{r.facilityName}</div>
              </td>
              <td className="mono">{r.parameter ?? '—'}</td>
              {byMonth && <td>{periodLabel(r.period)}</td>}
              <td className="num">{r.alerts}</td>
              <td className="num">{r.events}</td>
              <td className="num">{formatNumber(r.durationMs / 3_600_000, 1, loc)}</td>
              <td className="num">{formatNumber(r.peak, 2, loc)}</td>
              <td className="num">{formatNumber(r.average, 2, loc)}</td>
              <td className="num">{formatNumber(r.limit, 2, loc)}</td>
              <td className="num">{r.pending}</td>
              <td className="num">{r.confirmed}</td>
              <td className="num">{r.equipment}</td>
              <td className="num">{r.calibration}</td>
              <td className="num">{r.falseAlarm}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <div className="empty">{t('empty')}</div>}
    </div>
  );
}
