import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ExceedanceTable } from '@/components/reports/exceedance-table';
import { ReportActions } from '@/components/reports/report-actions';
import { ReportTabs } from '@/components/reports/report-tabs';
import styles from '@/components/reports/reports.module.css';
import { getExceedancePage } from '@/server/queries/reports';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports.exceedances');
  return { title: t('title') };
}

/** Exceedance report: counts, durations, peak and average values per station × parameter × period, with dispositions. */
export default async function ExceedanceReportPage({ searchParams }: Props) {
  const [t, tr, data] = await Promise.all([
    getTranslations('reports.exceedances'),
    getTranslations('reports'),
    searchParams.then((sp) => getExceedancePage(sp)),
  ]);
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
            <option value="day">
              {t('count')} — {tr('from')}…{tr('to')}
            </option>
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
      <ReportActions
        base="/reports/exceedances"
        query={new URLSearchParams({ ...data.values }).toString()}
        files={['csv', 'xlsx']}
      />
      <ExceedanceTable rows={data.rows} byMonth={data.values.period === 'month'} />
    </>
  );
}
