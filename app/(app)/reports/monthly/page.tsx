import { getTranslations } from 'next-intl/server';
import type { SearchParams } from '@/app/_lib/params';
import { MonthlyReport } from '@/components/reports/monthly-report';
import { ReportActions } from '@/components/reports/report-actions';
import { ReportFilterForm, ReportStationSelect } from '@/components/reports/report-filters';
import { ReportPageHead } from '@/components/reports/report-page-head';
import { titleMetadata } from '@/app/_lib/metadata';
import { getMonthlyPage } from '@/server/queries/reports';

type Props = { searchParams: SearchParams };

export const generateMetadata = titleMetadata('reports2.monthly.title');

/** Monthly station report (Báo cáo tháng theo trạm): daily means/min/max, completeness, exceedances, charts. */
export default async function MonthlyReportPage({ searchParams }: Props) {
  const [t, t2, data] = await Promise.all([
    getTranslations('reports2.monthly'),
    getTranslations('reports2'),
    searchParams.then((sp) => getMonthlyPage(sp)),
  ]);
  const station = data.stations.find((s) => s.code === data.values.station);
  return (
    <>
      <ReportPageHead
        active="monthly"
        title={t('title')}
        intro={t('intro')}
        invalid={data.invalid}
        invalidText={data.invalid.includes('month') ? t('invalidMonth') : undefined}
      />
      <ReportFilterForm testId="monthly-filters" submitLabel={t('show')}>
        <ReportStationSelect
          label={t('station')}
          emptyLabel="—"
          stations={data.stations}
          value={data.values.station}
          testId="monthly-station"
        />
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
      </ReportFilterForm>
      {data.view && station ? (
        <>
          <ReportActions base="/reports/monthly" query={data.query} files={[]} />
          <p>
            <strong>{t2('titles.monthly', { month: data.values.month })}</strong>
            <br />
            {t2('stationLine', { code: station.code, name: station.name, facility: station.facilityName })}
          </p>
          <MonthlyReport parameters={data.view.parameters} total={data.view.total} alerts={data.view.alerts} />
        </>
      ) : (
        <div className="empty">{t('choose')}</div>
      )}
    </>
  );
}
