import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { FlagChart } from '@/components/qc/flag-chart';
import { QC_CHART_FLAGS, type QcChartFlag } from '@/components/qc/flags';
import { QcFlagBadge, QcReasons } from '@/components/qc/reasons';
import { formatNumber, type DisplayLocale } from '@/lib/domain/format';
import { formatDateTime } from '@/lib/domain/time';
import { getQcOverview } from '@/server/queries/qc';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('qc');
  return { title: t('title') };
}

export default async function QcPage() {
  const [t, locale, data] = await Promise.all([getTranslations('qc'), getLocale(), getQcOverview()]);
  const labels = Object.fromEntries(QC_CHART_FLAGS.map((f) => [f, t(`flags.${f}`)])) as Record<QcChartFlag, string>;
  const days = data.chart.map((d) => ({ ...d, label: `${d.day.slice(8, 10)}/${d.day.slice(5, 7)}` }));
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <section className="panel" aria-labelledby="qc-chart-title">
        <h2 id="qc-chart-title">{t('chart.title')}</h2>
        <FlagChart days={days} labels={labels} ariaLabel={t('chart.aria')} />
      </section>
      <section className="panel" aria-labelledby="qc-review-title" data-testid="qc-review">
        <h2 id="qc-review-title">{t('review.title')}</h2>
        {data.review.length === 0 ? (
          <p className="empty">{t('review.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('review.time')}</th>
                  <th>{t('review.station')}</th>
                  <th>{t('review.parameter')}</th>
                  <th className="num">{t('review.value')}</th>
                  <th>{t('periods.flag')}</th>
                  <th>{t('review.reasons')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {data.review.map((r) => (
                  <tr key={`${r.station}-${r.parameter}-${r.time}`} data-testid="qc-review-row" data-station={r.station}>
                    <td className="nowrap">{formatDateTime(r.time)}</td>
                    <td>
                      <Link href={`/stations/${encodeURIComponent(r.station)}`}>{r.station}</Link>
                      <div className="muted small">{r.stationName}</div>
                    </td>
                    <td>{r.parameter}</td>
                    <td className="num">{formatNumber(r.value, 2, locale as DisplayLocale)}</td>
                    <td>
                      <QcFlagBadge flag={r.flag} label={t(`flags.${r.flag as QcChartFlag}`)} />
                    </td>
                    <td>
                      <QcReasons reasons={r.reasons} />
                    </td>
                    <td>
                      <Link href={`/qc/${encodeURIComponent(r.station)}`}>{t('review.open')}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {data.moreInQueue && <p className="muted small">{t('review.more')}</p>}
      </section>
      <section className="panel" aria-labelledby="qc-stations-title">
        <h2 id="qc-stations-title">{t('stations.title')}</h2>
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
      </section>
    </>
  );
}
