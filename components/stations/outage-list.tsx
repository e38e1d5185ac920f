import { useTranslations } from 'next-intl';
import { formatDateTime } from '@/lib/domain/time';
import { DataTable } from '@/components/ui/data-table';

export type OutageItem = { startedAt: string; endedAt: string | null; minutes: number };

/** A station's outage log (offline periods), newest first. */
export function OutageList({ outages }: { outages: OutageItem[] }) {
  const tm = useTranslations('monitoring');
  if (outages.length === 0) return <div className="empty" data-testid="outage-log">{tm('noOutages')}</div>;
  return (
    <DataTable
      testId="outage-log"
      rows={outages}
      rowKey={(o) => o.startedAt}
      rowProps={(o) => ({ 'data-open': o.endedAt ? 'false' : 'true' })}
      columns={[
        { header: tm('outageStart'), className: 'nowrap', cell: (o) => formatDateTime(o.startedAt) },
        { header: tm('outageEnd'), className: 'nowrap', cell: (o) => (o.endedAt ? formatDateTime(o.endedAt) : tm('ongoing')) },
        { header: tm('outageDuration'), num: true, cell: (o) => formatDuration(o.minutes, tm) },
      ]}
    />
  );
}

export function formatDuration(minutes: number, tm: (k: 'durationHM' | 'durationM', v: { h: number; m: number }) => string): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? tm('durationHM', { h, m }) : tm('durationM', { h, m });
}
