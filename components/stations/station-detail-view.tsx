import Link from 'next/link';
import type { ReactNode } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { APPROACHING_BAND_COLOR, LIMIT_LINE_COLOR, MARK_COLORS, PERIOD_COLORS } from '@/components/charts/colors';
import {
  ParameterChart,
  type ChartMark,
  type ChartPeriodView,
  type ChartPoint,
  type ValueBandView,
} from '@/components/charts/parameter-chart';
import { StateBadge } from '@/components/ui/badges';
import { DataTable } from '@/components/ui/data-table';
import { PageHead } from '@/components/ui/page-head';
import { formatNumber } from '@/lib/domain/format';
import { formatDateTime, localDayKey } from '@/lib/domain/time';
import type { Level } from '@/lib/domain/level';
import { parameterName, type StationKind } from '@/lib/domain/parameters';
import type { StationState } from '@/lib/domain/stations/states';
import type { LatestValueView } from '@/components/map/types';
import { OutageList, type OutageItem } from './outage-list';
import { RangeControls } from './range-controls';

export type StationDetailViewProps = {
  station: {
    code: string;
    name: string;
    kind: StationKind;
    facilityName: string;
    state: StationState;
    lastFileAt: string | null;
    intervalMinutes: number;
    graceMinutes: number;
  };
  latest: LatestValueView[];
  series: {
    parameter: string;
    unit: string;
    decimals: number;
    limitMin: number | null;
    limitMax: number | null;
    approachingBands: ValueBandView[];
    points: ChartPoint[];
    marks: ChartMark[];
    totalPoints: number;
  }[];
  periods: ChartPeriodView[];
  outages: OutageItem[];
  range: string;
  res: string;
  adjusted: boolean;
  fromText: string;
  toText: string;
  from: string;
  to: string;
  /** No limit applies and the kind has no national standard: the page says what the station still needs. */
  needsLimitSetup?: boolean;
  /** Sections other areas add to the station page (e.g. AQI for ambient stations), rendered after the latest values. */
  extra?: ReactNode;
};

const DEVICE_STATUSES = ['00', '01', '02', '03'] as const;
const QC_FLAGS = ['1', '2', '3', '4', '9'] as const;
const LEVEL_COLORS: Record<Level, string> = { good: '#1DCE6C', approaching: '#F08432', exceeding: '#EA3223' };

export function StationDetailView(p: StationDetailViewProps) {
  const { station, latest, series, periods, outages } = p;
  const t = useTranslations();
  const tm = useTranslations('monitoring');
  const t2 = useTranslations('monitoring2');
  const tc = useTranslations('screens.charts');
  const tx = useTranslations('exactness');
  const locale = useLocale() === 'en' ? 'en' : 'vi';
  const fromMs = Date.parse(p.from);
  const toMs = Date.parse(p.to);

  const statusLabel = (s: string) => {
    const known = DEVICE_STATUSES.find((d) => d === s);
    return known ? t(`deviceStatus.${known}`) : t('deviceStatus.unknown');
  };
  const flagLabel = (f: number) => {
    const known = QC_FLAGS.find((q) => q === String(f));
    return known ? t(`qcFlags.${known}`) : String(f);
  };
  const limitText = (min: number | null, max: number | null, decimals: number) =>
    min === null && max === null
      ? '—'
      : min !== null && max !== null
        ? `${formatNumber(min, decimals, locale)} – ${formatNumber(max, decimals, locale)}`
        : max !== null
          ? `≤ ${formatNumber(max, decimals, locale)}`
          : `≥ ${formatNumber(min, decimals, locale)}`;

  return (
    <>
      <p className="small" style={{ margin: '0 0 8px' }}>
        <Link href="/stations">{t('station.back')}</Link>
      </p>
      <PageHead
        title={
          <>
            {station.name} <span className="muted mono small">{station.code}</span>
          </>
        }
      >
        <div className="station-head" data-testid="station-head">
          <span>{station.facilityName}</span>
          <span>{t(`kinds.${station.kind}`)}</span>
          <StateBadge state={station.state} />
          <span>
            {t('station.lastFile')}: {station.lastFileAt ? formatDateTime(station.lastFileAt) : t('common.never')}
          </span>
          <span>{t('station.interval', { minutes: station.intervalMinutes })}</span>
          <span>{tm('grace', { minutes: station.graceMinutes })}</span>
          {p.needsLimitSetup && (
            <span className="badge badge-partial" data-needs-setup="true" title={tx('needsSetupHint')}>
              {tx('needsSetup')}
            </span>
          )}
        </div>
      </PageHead>

      <h2>{t('station.latestTitle')}</h2>
      <DataTable
        testId="latest-values"
        rows={latest}
        rowKey={(v) => v.parameter}
        rowProps={(v) => ({ 'data-parameter': v.parameter, 'data-level': v.level ?? 'none' })}
        empty={t('station.noLatest')}
        columns={[
          { header: t('station.parameter'), cell: (v) => parameterName(v.parameter, locale) },
          { header: t('station.value'), num: true, cell: (v) => formatNumber(v.value, v.decimals, locale) },
          { header: t('station.unit'), cell: (v) => (v.unit === '-' ? '' : v.unit) },
          {
            header: tm('level'),
            cell: (v) => (
              <span className="badge badge-neutral">
                <span className="badge-dot" style={{ background: v.level ? LEVEL_COLORS[v.level] : '#D0D0D0' }} aria-hidden />
                {v.level ? tm(`levels.${v.level}`) : tm('levels.none')}
              </span>
            ),
          },
          { header: tm('limit'), num: true, cell: (v) => limitText(v.limitMin, v.limitMax, v.decimals) },
          { header: t('station.time'), className: 'nowrap', cell: (v) => formatDateTime(v.time) },
          { header: t('station.deviceStatus'), cell: (v) => statusLabel(v.deviceStatus) },
          { header: t('station.qc'), cell: (v) => flagLabel(v.qcFlag) },
        ]}
      />

      {p.extra}

      <h2>{tm('chartsTitle')}</h2>
      <RangeControls code={station.code} range={p.range} res={p.res} fromText={p.fromText} toText={p.toText} adjusted={p.adjusted} />
      <ChartLegend
        title={t2('legendTitle')}
        items={[
          ...(['calibrating', 'device_error', 'offline', 'overlay'] as const).map((k) => ({
            key: k,
            label: tm(`periods.${k}`),
            swatch: <span style={{ ...SWATCH, background: PERIOD_COLORS[k], opacity: 0.35 }} aria-hidden />,
          })),
          { key: 'limit', label: `${t2('limitMax')} / ${t2('limitMin')}`, swatch: <span style={{ ...LINE, borderTop: `2px dashed ${LIMIT_LINE_COLOR}` }} aria-hidden /> },
          { key: 'approaching', label: t2('approachingBand'), swatch: <span style={{ ...SWATCH, background: APPROACHING_BAND_COLOR, opacity: 0.3 }} aria-hidden /> },
          { key: 'suspect', label: t2('marks.suspect'), swatch: <span style={{ ...DOT, background: MARK_COLORS[3] }} aria-hidden /> },
          { key: 'fail', label: t2('marks.fail'), swatch: <span style={{ ...DOT, background: MARK_COLORS[4] }} aria-hidden /> },
        ]}
      />
      {periods.some((x) => x.kind === 'overlay') && (
        <ul className="small muted" data-testid="chart-overlays" style={{ margin: '0 0 8px', paddingLeft: 18 }}>
          {periods
            .filter((x) => x.kind === 'overlay')
            .map((x, i) => (
              <li key={i} data-overlay-parameters={(x.parameters ?? []).join(' ')}>
                {formatDateTime(x.start)} – {formatDateTime(x.end)}
                {x.parameters && x.parameters.length > 0 ? ` (${x.parameters.map((c) => parameterName(c, locale)).join(', ')})` : ''}: {t2('overlayTitle', { reason: x.note ?? '' })}
              </li>
            ))}
        </ul>
      )}
      <div className="charts" data-testid="station-charts" data-range={p.range} data-res={p.res}>
        {series.map((s) => (
          <ParameterChart
            key={s.parameter}
            title={parameterName(s.parameter, locale)}
            parameter={s.parameter}
            unit={s.unit}
            decimals={s.decimals}
            points={s.points}
            marks={s.marks}
            periods={periods}
            from={fromMs}
            to={toMs}
            limitMin={s.limitMin}
            limitMax={s.limitMax}
            approachingBands={s.approachingBands}
            locale={locale}
            emptyText={tm('noReadingsInRange')}
            labels={{ limit: t2('limitMax'), limitMin: t2('limitMin'), approaching: t2('approachingBand') }}
            downloads={{
              png: tc('png'),
              csv: tc('csv'),
              fileParts: [station.code, s.parameter, localDayKey(new Date(fromMs)), p.res],
              csvHeader: {
                time: tc('time'),
                value: `${parameterName(s.parameter, locale)}${s.unit === '-' ? '' : ` (${s.unit})`}`,
                flag: tc('flag'),
                limitMin: tc('limitMin'),
                limitMax: tc('limitMax'),
              },
            }}
          />
        ))}
      </div>

      <h2>{tm('outagesTitle')}</h2>
      <OutageList outages={outages} />
    </>
  );
}

const SWATCH = { display: 'inline-block', width: 14, height: 10, marginRight: 4, verticalAlign: 'middle', borderRadius: 2 } as const;
const LINE = { display: 'inline-block', width: 16, height: 0, marginRight: 4, verticalAlign: 'middle' } as const;
const DOT = { display: 'inline-block', width: 8, height: 8, marginRight: 4, verticalAlign: 'middle', borderRadius: '50%' } as const;

/** What the shading, lines and dots on the charts mean. */
function ChartLegend({ title, items }: { title: string; items: { key: string; label: string; swatch: ReactNode }[] }) {
  return (
    <div className="small muted" data-testid="chart-legend" aria-label={title} style={{ margin: '4px 0 10px', display: 'flex', flexWrap: 'wrap', gap: '4px 14px' }}>
      <strong>{title}:</strong>
      {items.map((i) => (
        <span key={i.key} data-legend-item={i.key}>
          {i.swatch}
          {i.label}
        </span>
      ))}
    </div>
  );
}
