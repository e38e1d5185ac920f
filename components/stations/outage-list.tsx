import { useTranslations } from 'next-intl';
import { formatDateTime } from '@/lib/domain/time';

export type OutageItem = { startedAt: string; endedAt: string | null; minutes: number };

/** A station's outage log (offline periods), newest first. */
export function OutageList({ outages }: { outages: OutageItem[] }) {
  const tm = useTranslations('monitoring');
  if (outages.length === 0) return <div className="empty" data-testid="outage-log">{tm('noOutages')}</div>;
  return (
    <div className="table-wrap">
      <table className="data" data-testid="outage-log">
        <thead>
          <tr>
            <th>{tm('outageStart')}</th>
            <th>{tm('outageEnd')}</th>
            <th className="num">{tm('outageDuration')}</th>
          </tr>
        </thead>
        <tbody>
          {outages.map((o) => (
            <tr key={o.startedAt} data-open={o.endedAt ? 'false' : 'true'}>
              <td className="nowrap">{formatDateTime(o.startedAt)}</td>
              <td className="nowrap">{o.endedAt ? formatDateTime(o.endedAt) : tm('ongoing')}</td>
              <td className="num">{formatDuration(o.minutes, tm)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function formatDuration(minutes: number, tm: (k: 'durationHM' | 'durationM', v: { h: number; m: number }) => string): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? tm('durationHM', { h, m }) : tm('durationM', { h, m });
}
