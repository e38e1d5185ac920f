import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { FlagChart } from '@/components/qc/flag-chart';
import { QC_CHART_FLAGS, type QcChartFlag } from '@/components/qc/flags';
import { QcFlagBadge, QcReasons } from '@/components/qc/reasons';
import { DataTable } from '@/components/ui/data-table';
import { PageHead } from '@/components/ui/page-head';
import { Panel } from '@/components/ui/panel';
import { titleMetadata } from '@/app/_lib/metadata';
import { formatNumber, type DisplayLocale } from '@/lib/domain/format';
import { formatDateTime } from '@/lib/domain/time';
import { getQcOverview } from '@/server/queries/qc';
import { parameterLabel } from '@/lib/domain/parameters';

export const generateMetadata = titleMetadata('qc.title');

export default async function QcPage() {
  const [t, locale, data] = await Promise.all([getTranslations('qc'), getLocale(), getQcOverview()]);
  const labels = Object.fromEntries(QC_CHART_FLAGS.map((f) => [f, t(`flags.${f}`)])) as Record<QcChartFlag, string>;
  const days = data.chart.map((d) => ({ ...d, label: `${d.day.slice(8, 10)}/${d.day.slice(5, 7)}` }));
  return (
    <>
      <PageHead title={t('title')} intro={t('intro')} />
      <Panel id="qc-chart-title" title={t('chart.title')}>
        <FlagChart days={days} labels={labels} ariaLabel={t('chart.aria')} />
      </Panel>
      <Panel id="qc-review-title" title={t('review.title')} testId="qc-review">
        {data.review.length === 0 ? (
          <p className="empty">{t('review.empty')}</p>
        ) : (
          <DataTable
            className=""
            rows={data.review}
            rowKey={(r) => `${r.station}-${r.parameter}-${r.time}`}
            rowProps={(r) => ({ 'data-testid': 'qc-review-row', 'data-station': r.station })}
            columns={[
              { header: t('review.time'), className: 'nowrap', cell: (r) => formatDateTime(r.time) },
              {
                header: t('review.station'),
                cell: (r) => (
                  <>
                    <Link href={`/stations/${encodeURIComponent(r.station)}`}>{r.station}</Link>
                    <div className="muted small">{r.stationName}</div>
                  </>
                ),
              },
              { header: t('review.parameter'), cell: (r) => parameterLabel(r.parameter, locale === 'en' ? 'en' : 'vi') },
              { header: t('review.value'), num: true, cell: (r) => formatNumber(r.value, 2, locale as DisplayLocale) },
              { header: t('periods.flag'), cell: (r) => <QcFlagBadge flag={r.flag} label={t(`flags.${r.flag as QcChartFlag}`)} /> },
              { header: t('review.reasons'), cell: (r) => <QcReasons reasons={r.reasons} /> },
              { cell: (r) => <Link href={`/qc/${encodeURIComponent(r.station)}`}>{t('review.open')}</Link> },
            ]}
          />
        )}
        {data.moreInQueue && <p className="muted small">{t('review.more')}</p>}
      </Panel>
      <Panel id="qc-stations-title" title={t('stations.title')}>
        {data.stations.length === 0 ? (
          <p className="empty">{t('stations.empty')}</p>
        ) : (
          <ul style={{ columns: '18rem', margin: 0 }}>
            {data.stations.map((s) => (
              <li key={s.code}>
                <Link href={`/qc/${encodeURIComponent(s.code)}`}>{s.code}</Link> <span className="muted small">{s.name}</span>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}
