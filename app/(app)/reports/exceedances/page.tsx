import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { periodLabel } from '@/components/reports/completeness-table';
import { ReportTabs } from '@/components/reports/report-tabs';
import styles from '@/components/reports/reports.module.css';
import { formatNumber } from '@/lib/domain/format';
import { getExceedancePage } from '@/server/queries/reports';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports.exceedances');
  return { title: t('title') };
}

/** Exceedance report: counts, durations, peak and average values per station × parameter × period, with dispositions. */
export default async function ExceedanceReportPage({ searchParams }: Props) {
  const [t, tr, locale, data] = await Promise.all([
    getTranslations('reports.exceedances'),
    getTranslations('reports'),
    getLocale(),
    searchParams.then((sp) => getExceedancePage(sp)),
  ]);
  const loc = locale === 'en' ? 'en' : 'vi';
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{tr('title')}</h1>
          <p className="muted">{tr('intro')}</p>
        </div>
      </div>
      <ReportTabs active="exceedances" />
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {data.invalid.length > 0 && (
        <p className="form-error" role="status">
          {tr('invalid', { fields: data.invalid.join(', ') })}
        </p>
      )}
      <form method="get" className={`${styles.filters} ${styles.noPrint}`}>
        <label>
          {tr('from')}
          <input className="input" name="from" defaultValue={data.values.from} placeholder="dd/mm/yyyy" />
        </label>
        <label>
          {tr('to')}
          <input className="input" name="to" defaultValue={data.values.to} placeholder="dd/mm/yyyy" />
        </label>
        <label>
          {tr('period')}
          <select className="input" name="period" defaultValue={data.values.period === 'month' ? 'month' : 'day'}>
            <option value="day">{t('count')} — {tr('from')}…{tr('to')}</option>
            <option value="month">{tr('periods.month')}</option>
          </select>
        </label>
        <label>
          {t('kind')}
          <select className="input" name="kind" defaultValue={data.values.kind}>
            <option value="all">{t('kinds.all')}</option>
            <option value="compliance_exceedance">{t('kinds.compliance_exceedance')}</option>
            <option value="instant_exceedance">{t('kinds.instant_exceedance')}</option>
            <option value="approaching">{t('kinds.approaching')}</option>
          </select>
        </label>
        <label>
          {tr('station')}
          <select className="input" name="station" defaultValue={data.values.station}>
            <option value="">{tr('allStations')}</option>
            {data.stations.map((s) => (
              <option key={s.code} value={s.code}>
                {s.code} — {s.name}
              </option>
            ))}
          </select>
        </label>
        <div>
          <button className="btn btn-primary" type="submit">
            {tr('show')}
          </button>
        </div>
      </form>
      <div className="table-wrap">
        <table className="data" data-testid="exceedance-table">
          <thead>
            <tr>
              <th>{tr('completeness.station')}</th>
              <th>{tr('completeness.parameter')}</th>
              {data.values.period === 'month' && <th>{tr('completeness.month')}</th>}
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
            {data.rows.map((r) => (
              <tr key={`${r.stationCode}|${r.parameter}|${r.period}`} data-station={r.stationCode} data-parameter={r.parameter ?? ''}>
                <td>
                  <span className="mono">{r.stationCode}</span> {r.stationName}
                  <div className="muted small">{r.facilityName}</div>
                </td>
                <td className="mono">{r.parameter ?? '—'}</td>
                {data.values.period === 'month' && <td>{periodLabel(r.period)}</td>}
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
        {data.rows.length === 0 && <div className="empty">{t('empty')}</div>}
      </div>
    </>
  );
}
