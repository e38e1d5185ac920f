import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { OutageTimeline } from '@/components/charts/outage-timeline';
import { SlotHeatmap, type HeatmapDay } from '@/components/charts/slot-heatmap';
import { StateBadge } from '@/components/ui/badges';
import { DataTable, type Column } from '@/components/ui/data-table';
import { formatPercent } from '@/lib/domain/format';
import { formatDateTime, formatDayKey } from '@/lib/domain/time';
import { isBelowThreshold, type SlotStatus } from '@/lib/domain/receipt';
import type { StationState } from '@/lib/domain/stations/states';
import { formatDuration, OutageList, type OutageItem } from './outage-list';
import styles from './connectivity.module.css';

type Window = { received: number; expected: number; rate: number | null };

export type ConnectivityViewRow = {
  code: string;
  name: string;
  facilityName: string;
  state: StationState;
  lastFileAt: string | null;
  delayMinutes: number | null;
  thresholdMinutes: number;
  today: Window;
  week: Window;
  month: Window;
  outages30d: { count: number; minutes: number; open: boolean };
};

export type ConnectivityCalendar = {
  station: { code: string; name: string; intervalMinutes: number; graceMinutes: number };
  days: (HeatmapDay & { start: number })[];
  totals: Record<SlotStatus, number>;
  outages: OutageItem[];
  daysShown: number;
  now: number;
};

/** A receipt-rate column: the percentage, red below the threshold, the counts as its title. */
function rateColumn(header: string, window: (r: ConnectivityViewRow) => Window): Column<ConnectivityViewRow> {
  return {
    header,
    num: true,
    cellProps: (r) => {
      const w = window(r);
      return { 'data-rate': w.rate ?? '', style: isBelowThreshold(w.rate) ? { color: '#C0392B', fontWeight: 600 } : undefined, title: `${w.received} / ${w.expected}` };
    },
    cell: (r) => <RateText rate={window(r).rate} />,
  };
}

function RateText({ rate }: { rate: number | null }) {
  const locale = useLocale() === 'en' ? 'en' : 'vi';
  return rate === null ? '—' : formatPercent(rate, locale);
}

/** Connectivity table (worst first) and the selected station's expected-file calendar and outage log. */
export function ConnectivityView({ rows, calendar }: { rows: ConnectivityViewRow[]; calendar: ConnectivityCalendar | null }) {
  const t = useTranslations();
  const tm = useTranslations('monitoring');
  const ts = useTranslations('screens.connectivity');
  const slotLabels: Record<SlotStatus, string> = { received: tm('slots.received'), late: tm('slots.late'), missing: tm('slots.missing'), future: tm('slots.future') };
  return (
    <>
      <DataTable
        testId="connectivity-table"
        className={`data ${styles.table}`}
        rows={rows}
        rowKey={(r) => r.code}
        rowProps={(r) => ({ 'data-station': r.code, 'data-state': r.state, 'aria-selected': calendar?.station.code === r.code })}
        empty={t('connectivity.empty')}
        columns={[
          {
            header: t('connectivity.station'),
            cell: (r) => (
              <>
                <Link href={`/stations/${encodeURIComponent(r.code)}`} className="mono">
                  {r.code}
                </Link>{' '}
                {r.name}
                <div className="small muted">{r.facilityName}</div>
              </>
            ),
          },
          { header: t('connectivity.state'), cell: (r) => <StateBadge state={r.state} /> },
          { header: t('connectivity.lastFile'), className: 'nowrap', cell: (r) => (r.lastFileAt ? formatDateTime(r.lastFileAt) : t('common.never')) },
          {
            header: ts('delayOfThreshold'),
            num: true,
            cellProps: (r) => ({ 'data-delay': r.delayMinutes ?? '', 'data-threshold': r.thresholdMinutes }),
            cell: (r) => `${r.delayMinutes ?? '—'} / ${r.thresholdMinutes}`,
          },
          rateColumn(tm('receiptToday'), (r) => r.today),
          rateColumn(tm('receipt7d'), (r) => r.week),
          rateColumn(tm('receipt30d'), (r) => r.month),
          {
            header: tm('outages30d'),
            num: true,
            cellProps: (r) => ({ 'data-outages': r.outages30d.count }),
            cell: (r) => (r.outages30d.count > 0 ? `${r.outages30d.count} · ${formatDuration(r.outages30d.minutes, tm)}` : '0'),
          },
          { cell: (r) => <Link href={`/connectivity?station=${encodeURIComponent(r.code)}`}>{tm('calendarLink')}</Link> },
        ]}
      />

      {calendar && (
        <section data-testid="slot-calendar" data-station={calendar.station.code}>
          <h2>
            {tm('calendarTitle')}: <span className="mono">{calendar.station.code}</span> {calendar.station.name}
          </h2>
          <p className="small muted">
            {tm('calendarIntro', { interval: calendar.station.intervalMinutes, grace: calendar.station.graceMinutes })}{' '}
            {[7, 14, 30].map((n) => (
              <Link key={n} href={`/connectivity?station=${encodeURIComponent(calendar.station.code)}&days=${n}`} style={{ marginRight: 8, fontWeight: calendar.daysShown === n ? 700 : 400 }}>
                {tm('lastDays', { days: n })}
              </Link>
            ))}
          </p>
          <SlotHeatmap days={calendar.days} labels={slotLabels} dayLabel={formatDayKey} />
          <p className="small" data-testid="slot-totals">
            {(Object.keys(slotLabels) as SlotStatus[])
              .filter((s) => s !== 'future')
              .map((s) => `${slotLabels[s]}: ${calendar.totals[s]}`)
              .join(' · ')}
          </p>
          <h3>{tm('outagesTitle')}</h3>
          <OutageTimeline
            outages={calendar.outages}
            days={calendar.days}
            now={calendar.now}
            labels={{ title: ts('timelineTitle'), none: ts('timelineNone'), ongoing: tm('ongoing'), duration: (m) => formatDuration(m, tm) }}
          />
          <OutageList outages={calendar.outages} />
        </section>
      )}
    </>
  );
}
