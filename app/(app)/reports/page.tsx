import { getTranslations } from 'next-intl/server';
import type { SearchParams } from '@/app/_lib/params';
import { CompletenessTable } from '@/components/reports/completeness-table';
import { CompletenessTotalsSet } from '@/components/reports/completeness-totals';
import { ReportActions } from '@/components/reports/report-actions';
import { ReportFilterForm, ReportRangeInputs, ReportStationSelect } from '@/components/reports/report-filters';
import { ReportPageHead } from '@/components/reports/report-page-head';
import styles from '@/components/reports/reports.module.css';
import { Select } from '@/components/ui/select';
import { formatPercent } from '@/lib/domain/format';
import { titleMetadata } from '@/app/_lib/metadata';
import { getCompletenessPage } from '@/server/queries/reports';

type Props = { searchParams: SearchParams };

export const generateMetadata = titleMetadata('reports.title');

/** Data-completeness report (Tỷ lệ số liệu): station × parameter × day or month, with facility and province totals. */
export default async function ReportsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const [t, tb, data] = await Promise.all([getTranslations('reports'), getTranslations('screensB.completeness'), getCompletenessPage(sp)]);
  const detail = sp.detail === '1';
  const report = data.view?.report ?? null;
  return (
    <>
      <ReportPageHead
        active="completeness"
        title={t('completeness.title')}
        intro={t('completeness.intro', { threshold: formatPercent(report?.threshold ?? 0.8) })}
        invalid={data.invalid}
      />
      <ReportFilterForm testId="completeness-filters" submitLabel={t('show')}>
        <ReportRangeInputs from={data.values.from} to={data.values.to} validate />
        <label>
          {t('period')}
          <Select
            name="period"
            defaultValue={data.values.period}
            options={[
              { value: 'day', label: t('periods.day') },
              { value: 'month', label: t('periods.month') },
            ]}
          />
        </label>
        <ReportStationSelect
          label={t('station')}
          emptyLabel={t('allStations')}
          stations={data.stations}
          value={data.values.station}
        />
        <label className={styles.check}>
          <input type="checkbox" name="detail" value="1" defaultChecked={detail} data-testid="completeness-detail" />
          {tb('detail')}
        </label>
      </ReportFilterForm>
      {report && (
        <>
          <ReportActions
            base="/reports/completeness"
            query={detail ? `${data.query}&detail=1` : data.query}
            files={['csv', 'xlsx']}
          />
          <div className={styles.totals}>
            <CompletenessTotalsSet report={report} showProvince={data.view?.showProvince ?? false} />
          </div>
          <CompletenessTable rows={report.rows} period={report.period} />
        </>
      )}
    </>
  );
}
