import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { reportedValue } from '@/lib/domain/alerts/kinds';
import { isAlertBasis } from '@/lib/domain/alerts/lifecycle';
import { formatNumber, type DisplayLocale } from '@/lib/domain/format';
import { formatDateTime } from '@/lib/domain/time';
import { AlertStateBadge, DispositionBadge, type AlertStateName, type DispositionName } from './alert-badges';
import { formatDuration } from './format';

export type AlertTableRow = {
  id: number;
  kind: string;
  state: AlertStateName;
  stationCode: string;
  stationName: string;
  parameter: string | null;
  unit: string;
  decimals: number;
  openedAt: string;
  count: number;
  peakValue: number | null;
  averageValue: number | null;
  limit: number | null;
  basis: string | null;
  durationMs: number;
  disposition: DispositionName | null;
};

export function AlertTable({ rows }: { rows: AlertTableRow[] }) {
  const t = useTranslations('alerts');
  const locale = (useLocale() === 'en' ? 'en' : 'vi') as DisplayLocale;
  const num = (v: number | null, r: AlertTableRow) => (v == null ? '—' : `${formatNumber(v, r.decimals, locale)}${r.unit ? ` ${r.unit}` : ''}`);
  return (
    <div className="table-wrap">
      <table data-testid="alerts-table">
        <thead>
          <tr>
            <th>{t('columns.openedAt')}</th>
            <th>{t('columns.station')}</th>
            <th>{t('columns.parameter')}</th>
            <th>{t('columns.kind')}</th>
            <th>{t('columns.state')}</th>
            <th className="num">{t('columns.count')}</th>
            <th className="num">{t('columns.peak')}</th>
            <th>{t('columns.basis')}</th>
            <th>{t('columns.duration')}</th>
            <th>{t('columns.disposition')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const value = reportedValue(r);
            return (
              <tr key={r.id} data-alert-id={r.id} data-station={r.stationCode}>
                <td className="nowrap">
                  <Link href={`/alerts/${r.id}`}>{formatDateTime(r.openedAt)}</Link>
                </td>
                <td>
                  <span className="mono">{r.stationCode}</span>
                  <div className="muted small">{r.stationName}</div>
                </td>
                <td>{r.parameter ?? '—'}</td>
                <td>{t(`kinds.${r.kind as 'offline'}`)}</td>
                <td>
                  <AlertStateBadge state={r.state} />
                </td>
                <td className="num">{r.count}</td>
                <td className="num nowrap">
                  {num(value, r)}
                  {r.limit != null && <span className="muted"> / {num(r.limit, r)}</span>}
                </td>
                <td className="nowrap">{isAlertBasis(r.basis) ? t(`bases.${r.basis}`) : '—'}</td>
                <td className="nowrap">{formatDuration(r.durationMs, (k, v) => t(`duration.${k}`, v))}</td>
                <td>
                  <DispositionBadge disposition={r.disposition} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
