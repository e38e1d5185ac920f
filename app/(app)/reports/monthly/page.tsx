import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MonthlyReport } from '@/components/reports/monthly-report';
import { ReportActions } from '@/components/reports/report-actions';
import { ReportTabs } from '@/components/reports/report-tabs';
import styles from '@/components/reports/reports.module.css';
import { getMonthlyPage } from '@/server/queries/reports-monthly';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports2.monthly');
  return { title: t('title') };
}

/** Monthly station report (Báo cáo tháng theo trạm): daily means/min/max, completeness, exceedances, charts. */
export default async function MonthlyReportPage({ searchParams }: Props) {
  const [t, tr, t2, data] = await Promise.all([
    getTranslations('reports2.monthly'),
    getTranslations('reports'),
    getTranslations('reports2'),
    searchParams.then((sp) => getMonthlyPage(sp)),
  ]);
  const station = data.stations.find((s) => s.code === data.values.station);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{tr('title')}</h1>
          <p className="muted">{tr('intro')}</p>
        </div>
      </div>
      <ReportTabs active="monthly" />
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {data.invalid.length > 0 && (
        <p className="form-error" role="status">
          {data.invalid.includes('month') ? t('invalidMonth') : tr('invalid', { fields: data.invalid.join(', ') })}
        </p>
      )}
      <form method="get" className={`${styles.filters} ${styles.noPrint}`} data-testid="monthly-filters">
        <label>
          {t('station')}
          <select className="input" name="station" defaultValue={data.values.station} data-testid="monthly-station">
            <option value="">—</option>
            {data.stations.map((s) => (
              <option key={s.code} value={s.code}>
                {s.code} — {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('month')}
          <input
            className="input"
            name="month"
            defaultValue={data.values.month}
            placeholder="MM/yyyy"
            pattern="\d{1,2}/\d{4}|\d{4}-\d{1,2}"
            data-testid="monthly-month"
          />
        </label>
        <div>
          <button className="btn btn-primary" type="submit">
            {t('show')}
          </button>
        </div>
      </form>
      {data.report && station ? (
        <>
          <ReportActions base="/reports/monthly" query={data.query} files={[]} />
          <p>
            <strong>{t2('titles.monthly', { month: data.values.month })}</strong>
            <br />
            {t2('stationLine', { code: station.code, name: station.name, facility: station.facilityName })}
          </p>
          <MonthlyReport parameters={data.report.parameters} total={data.report.total} alerts={data.report.alerts} />
        </>
      ) : (
        <div className="empty">{t('choose')}</div>
      )}
    </>
  );
}
