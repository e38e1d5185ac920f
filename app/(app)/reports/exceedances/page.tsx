import { getTranslations } from 'next-intl/server';
import type { SearchParams } from '@/app/_lib/params';
import { LIMIT_ALERT_KINDS } from '@/lib/domain/alerts/kinds';
import { ExceedanceTable } from '@/components/reports/exceedance-table';
import { ReportActions } from '@/components/reports/report-actions';
import { ReportFilterForm, ReportRangeInputs, ReportStationSelect } from '@/components/reports/report-filters';
import { ReportPageHead } from '@/components/reports/report-page-head';
import { Select } from '@/components/ui/select';
import { titleMetadata } from '@/app/_lib/metadata';
import { getExceedancePage } from '@/server/queries/reports';

type Props = { searchParams: SearchParams };

export const generateMetadata = titleMetadata('reports.exceedances.title');

/** Exceedance report: counts, durations, peak and average values per station × parameter × period, with dispositions. */
export default async function ExceedanceReportPage({ searchParams }: Props) {
  const [t, tr, data] = await Promise.all([
    getTranslations('reports.exceedances'),
    getTranslations('reports'),
    searchParams.then((sp) => getExceedancePage(sp)),
  ]);
  return (
    <>
      <ReportPageHead active="exceedances" title={t('title')} intro={t('intro')} invalid={data.invalid} />
      <ReportFilterForm submitLabel={tr('show')}>
        <ReportRangeInputs from={data.values.from} to={data.values.to} />
        <label>
          {tr('period')}
          <Select
            name="period"
            defaultValue={data.values.period === 'month' ? 'month' : 'day'}
            options={[
              { value: 'day', label: `${t('count')} — ${tr('from')}…${tr('to')}` },
              { value: 'month', label: tr('periods.month') },
            ]}
          />
        </label>
        <label>
          {t('kind')}
          <Select
            name="kind"
            defaultValue={data.values.kind}
            options={[{ value: 'all', label: t('kinds.all') }, ...LIMIT_ALERT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))]}
          />
        </label>
        <ReportStationSelect
          label={tr('station')}
          emptyLabel={tr('allStations')}
          stations={data.stations}
          value={data.values.station}
        />
      </ReportFilterForm>
      <ReportActions
        base="/reports/exceedances"
        query={data.query}
        files={['csv', 'xlsx']}
      />
      <ExceedanceTable rows={data.view?.rows ?? []} byMonth={data.values.period === 'month'} />
    </>
  );
}
