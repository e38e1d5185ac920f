import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { ParameterChart, type ChartPoint } from '@/components/charts/parameter-chart';
import { StateBadge } from '@/components/ui/badges';
import { formatDateTime, formatNumber } from '@/lib/domain/format';
import { parameterName, type StationKind } from '@/lib/domain/parameters';
import type { StationState } from '@/lib/domain/station-status';

export type StationDetailViewProps = {
  station: {
    code: string;
    name: string;
    kind: StationKind;
    facilityName: string;
    state: StationState;
    lastFileAt: string | null;
    intervalMinutes: number;
  };
  latest: { parameter: string; value: number; unit: string; decimals: number; deviceStatus: string; qcFlag: number; time: string }[];
  series: {
    parameter: string;
    unit: string;
    decimals: number;
    limitMin: number | null;
    limitMax: number | null;
    points: ChartPoint[];
  }[];
  from: string;
  to: string;
};

const DEVICE_STATUSES = ['00', '01', '02', '03'] as const;
const QC_FLAGS = ['1', '2', '3', '4', '9'] as const;

export function StationDetailView({ station, latest, series, from, to }: StationDetailViewProps) {
  const t = useTranslations();
  const locale = useLocale() === 'en' ? 'en' : 'vi';
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);

  const statusLabel = (s: string) => {
    const known = DEVICE_STATUSES.find((d) => d === s);
    return known ? t(`deviceStatus.${known}`) : t('deviceStatus.unknown');
  };
  const flagLabel = (f: number) => {
    const known = QC_FLAGS.find((q) => q === String(f));
    return known ? t(`qcFlags.${known}`) : String(f);
  };

  return (
    <>
      <p className="small" style={{ margin: '0 0 8px' }}>
        <Link href="/stations">{t('station.back')}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>
            {station.name} <span className="muted mono small">{station.code}</span>
          </h1>
          <div className="station-head">
            <span>{station.facilityName}</span>
            <span>{t(`kinds.${station.kind}`)}</span>
            <StateBadge state={station.state} />
            <span>
              {t('station.lastFile')}: {station.lastFileAt ? formatDateTime(station.lastFileAt) : t('common.never')}
            </span>
            <span>{t('station.interval', { minutes: station.intervalMinutes })}</span>
          </div>
        </div>
      </div>

      <h2>{t('station.latestTitle')}</h2>
      <div className="table-wrap">
        <table className="data" data-testid="latest-values">
          <thead>
            <tr>
              <th>{t('station.parameter')}</th>
              <th className="num">{t('station.value')}</th>
              <th>{t('station.unit')}</th>
              <th>{t('station.time')}</th>
              <th>{t('station.deviceStatus')}</th>
              <th>{t('station.qc')}</th>
            </tr>
          </thead>
          <tbody>
            {latest.map((v) => (
              <tr key={v.parameter} data-parameter={v.parameter}>
                <td>{parameterName(v.parameter, locale)}</td>
                <td className="num">{formatNumber(v.value, v.decimals, locale)}</td>
                <td>{v.unit === '-' ? '' : v.unit}</td>
                <td className="nowrap">{formatDateTime(v.time)}</td>
                <td>{statusLabel(v.deviceStatus)}</td>
                <td>{flagLabel(v.qcFlag)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {latest.length === 0 && <div className="empty">{t('station.noLatest')}</div>}
      </div>

      <h2>{t('station.chartsTitle')}</h2>
      <div className="charts">
        {series.map((s) => (
          <ParameterChart
            key={s.parameter}
            title={parameterName(s.parameter, locale)}
            unit={s.unit}
            decimals={s.decimals}
            points={s.points}
            from={fromMs}
            to={toMs}
            limitMin={s.limitMin}
            limitMax={s.limitMax}
            locale={locale}
            emptyText={t('station.noReadings')}
          />
        ))}
      </div>
    </>
  );
}
