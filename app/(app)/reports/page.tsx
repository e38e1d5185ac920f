import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CompletenessTable, CompletenessTotals } from '@/components/reports/completeness-table';
import { ReportActions } from '@/components/reports/report-actions';
import { ReportTabs } from '@/components/reports/report-tabs';
import styles from '@/components/reports/reports.module.css';
import { formatPercent } from '@/lib/domain/format';
import { getCompletenessPage } from '@/server/queries/reports';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports');
  return { title: t('title') };
}

/** Data-completeness report (Tỷ lệ số liệu): station × parameter × day or month, with facility and province totals. */
export default async function ReportsPage({ searchParams }: Props) {
  const [t, data] = await Promise.all([getTranslations('reports'), searchParams.then((sp) => getCompletenessPage(sp))]);
  const report = data.report;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <ReportTabs active="completeness" />
      <h2>{t('completeness.title')}</h2>
      <p className="muted">{t('completeness.intro', { threshold: formatPercent(report?.threshold ?? 0.8) })}</p>
      {data.invalid.length > 0 && (
        <p className="form-error" role="status">
          {t('invalid', { fields: data.invalid.join(', ') })}
        </p>
      )}
      <form method="get" className={`${styles.filters} ${styles.noPrint}`} data-testid="completeness-filters">
        <label>
          {t('from')}
          <input
            className="input"
            name="from"
            defaultValue={data.values.from}
            placeholder="dd/mm/yyyy"
            pattern="\d{1,2}/\d{1,2}/\d{4}"
          />
        </label>
        <label>
          {t('to')}
          <input
            className="input"
            name="to"
            defaultValue={data.values.to}
            placeholder="dd/mm/yyyy"
            pattern="\d{1,2}/\d{1,2}/\d{4}"
          />
        </label>
        <label>
          {t('period')}
          <select className="input" name="period" defaultValue={data.values.period}>
            <option value="day">{t('periods.day')}</option>
            <option value="month">{t('periods.month')}</option>
          </select>
        </label>
        <label>
          {t('station')}
          <select className="input" name="station" defaultValue={data.values.station}>
            <option value="">{t('allStations')}</option>
            {data.stations.map((s) => (
              <option key={s.code} value={s.code}>
                {s.code} — {s.name}
              </option>
            ))}
          </select>
        </label>
        <div>
          <button className="btn btn-primary" type="submit">
            {t('show')}
          </button>
        </div>
      </form>
      {report && (
        <>
          <ReportActions
            base="/reports/completeness"
            query={new URLSearchParams({ ...data.values }).toString()}
            files={['csv', 'xlsx']}
          />
          <div className={styles.totals}>
            {data.showProvince && (
              <CompletenessTotals
                title={t('completeness.province')}
                rows={[{ ...report.province, label: t('completeness.provinceRow') }]}
                testId="completeness-province"
              />
            )}
            <CompletenessTotals
              title={t('completeness.facilities')}
              rows={report.facilityTotals}
              testId="completeness-facilities"
            />
            <CompletenessTotals
              title={t('completeness.stations')}
              rows={report.stationTotals}
              testId="completeness-stations"
            />
          </div>
          <CompletenessTable rows={report.rows} period={report.period} />
        </>
      )}
    </>
  );
}
