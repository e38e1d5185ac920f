import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { SlotHeatmap, type HeatmapDay } from '@/components/charts/slot-heatmap';
import { StateBadge } from '@/components/ui/badges';
import { formatPercent } from '@/lib/domain/format';
import { formatDateTime, formatDayKey } from '@/lib/domain/time';
import { isBelowThreshold, type SlotStatus } from '@/lib/domain/receipt';
import type { StationState } from '@/lib/domain/stations/states';
import { formatDuration, OutageList, type OutageItem } from './outage-list';

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
  days: HeatmapDay[];
  totals: Record<SlotStatus, number>;
  outages: OutageItem[];
  daysShown: number;
};

function Rate({ w }: { w: Window }) {
  const locale = useLocale() === 'en' ? 'en' : 'vi';
  return (
    <td className="num" data-rate={w.rate ?? ''} style={isBelowThreshold(w.rate) ? { color: '#C0392B', fontWeight: 600 } : undefined} title={`${w.received} / ${w.expected}`}>
      {w.rate === null ? '—' : formatPercent(w.rate, locale)}
    </td>
  );
}

/** Connectivity table (worst first) and the selected station's expected-file calendar and outage log. */
export function ConnectivityView({ rows, calendar }: { rows: ConnectivityViewRow[]; calendar: ConnectivityCalendar | null }) {
  const t = useTranslations();
  const tm = useTranslations('monitoring');
  const slotLabels: Record<SlotStatus, string> = { received: tm('slots.received'), late: tm('slots.late'), missing: tm('slots.missing'), future: tm('slots.future') };
  return (
    <>
      <div className="table-wrap">
        <table className="data" data-testid="connectivity-table">
          <thead>
            <tr>
              <th>{t('connectivity.station')}</th>
              <th>{t('connectivity.state')}</th>
              <th>{t('connectivity.lastFile')}</th>
              <th className="num">{t('connectivity.delay')}</th>
              <th className="num">{t('connectivity.threshold')}</th>
              <th className="num">{tm('receiptToday')}</th>
              <th className="num">{tm('receipt7d')}</th>
              <th className="num">{tm('receipt30d')}</th>
              <th className="num">{tm('outages30d')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} data-station={r.code} data-state={r.state} aria-selected={calendar?.station.code === r.code}>
                <td>
                  <Link href={`/stations/${encodeURIComponent(r.code)}`} className="mono">
                    {r.code}
                  </Link>{' '}
                  {r.name}
                  <div className="small muted">{r.facilityName}</div>
                </td>
                <td>
                  <StateBadge state={r.state} />
                </td>
                <td className="nowrap">{r.lastFileAt ? formatDateTime(r.lastFileAt) : t('common.never')}</td>
                <td className="num">{r.delayMinutes ?? '—'}</td>
                <td className="num">{r.thresholdMinutes}</td>
                <Rate w={r.today} />
                <Rate w={r.week} />
                <Rate w={r.month} />
                <td className="num" data-outages={r.outages30d.count}>
                  {r.outages30d.count > 0 ? `${r.outages30d.count} · ${formatDuration(r.outages30d.minutes, tm)}` : '0'}
                </td>
                <td>
                  <Link href={`/connectivity?station=${encodeURIComponent(r.code)}`}>{tm('calendarLink')}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <div className="empty">{t('connectivity.empty')}</div>}
      </div>

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
          <OutageList outages={calendar.outages} />
        </section>
      )}
    </>
  );
}
