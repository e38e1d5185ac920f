import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { StateBadge } from '@/components/ui/badges';
import { formatDateTime } from '@/lib/domain/format';
import type { StationState } from '@/lib/domain/station-status';

export type ConnectivityTableRow = {
  code: string;
  name: string;
  facilityName: string;
  state: StationState;
  lastFileAt: string | null;
  delayMinutes: number | null;
  thresholdMinutes: number;
};

export function ConnectivityTable({ rows }: { rows: ConnectivityTableRow[] }) {
  const t = useTranslations();
  return (
    <div className="table-wrap">
      <table className="data" data-testid="connectivity-table">
        <thead>
          <tr>
            <th>{t('connectivity.station')}</th>
            <th>{t('connectivity.facility')}</th>
            <th>{t('connectivity.lastFile')}</th>
            <th className="num">{t('connectivity.delay')}</th>
            <th className="num">{t('connectivity.threshold')}</th>
            <th>{t('connectivity.state')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} data-station={r.code} data-state={r.state}>
              <td>
                <Link href={`/stations/${encodeURIComponent(r.code)}`} className="mono">
                  {r.code}
                </Link>{' '}
                {r.name}
              </td>
              <td>{r.facilityName}</td>
              <td className="nowrap">{r.lastFileAt ? formatDateTime(r.lastFileAt) : t('common.never')}</td>
              <td className="num">{r.delayMinutes ?? '—'}</td>
              <td className="num">{r.thresholdMinutes}</td>
              <td>
                <StateBadge state={r.state} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <div className="empty">{t('connectivity.empty')}</div>}
    </div>
  );
}
