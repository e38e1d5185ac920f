import { useTranslations } from 'next-intl';
import { formatNumber } from '@/lib/domain/format';
import type { ReconciliationItem } from './types';

const dmy = (day: string) => day.split('-').reverse().join('/');

/** Received vs forwarded per station and day of receipt, with a date-range filter (a plain GET form). */
export function ReconciliationTable({
  rows,
  from,
  to,
  target,
  targets,
  totals,
}: {
  rows: ReconciliationItem[];
  from: string;
  to: string;
  target?: string;
  targets: { id: number; name: string }[];
  totals: Omit<ReconciliationItem, 'station' | 'day'>;
}) {
  const t = useTranslations('forwarding');
  return (
    <>
      <form className="toolbar" method="get" data-testid="forward-range">
        <label>
          {t('from')} <input className="input" type="date" name="from" defaultValue={from} />
        </label>
        <label>
          {t('to')} <input className="input" type="date" name="to" defaultValue={to} />
        </label>
        <label>
          {t('target')}{' '}
          <select className="input" name="target" defaultValue={target ?? ''}>
            <option value="">{t('allTargets')}</option>
            {targets.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
        <button className="btn" type="submit">
          {t('show')}
        </button>
      </form>
      <div className="table-wrap">
        <table className="data" data-testid="forward-reconciliation">
          <thead>
            <tr>
              <th>{t('day')}</th>
              <th>{t('station')}</th>
              <th className="num">{t('received')}</th>
              <th className="num">{t('forwarded')}</th>
              <th className="num">{t('pending')}</th>
              <th className="num">{t('failed')}</th>
              <th className="num">{t('notQueued')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const gap = r.received - r.forwarded;
              return (
                <tr key={`${r.day} ${r.station}`} data-station={r.station} data-day={r.day} data-complete={gap === 0}>
                  <td className="nowrap">{dmy(r.day)}</td>
                  <td className="mono">{r.station}</td>
                  <td className="num">{formatNumber(r.received)}</td>
                  <td className="num">{formatNumber(r.forwarded)}</td>
                  <td className="num">{r.pending > 0 ? <span className="badge badge-partial">{formatNumber(r.pending)}</span> : 0}</td>
                  <td className="num">{r.failed > 0 ? <span className="badge badge-rejected">{formatNumber(r.failed)}</span> : 0}</td>
                  <td className="num">{r.notQueued > 0 ? <span className="badge badge-neutral">{formatNumber(r.notQueued)}</span> : 0}</td>
                </tr>
              );
            })}
          </tbody>
          {rows.length > 0 && (
            <tfoot>
              <tr>
                <th colSpan={2}>{t('total')}</th>
                <th className="num">{formatNumber(totals.received)}</th>
                <th className="num">{formatNumber(totals.forwarded)}</th>
                <th className="num">{formatNumber(totals.pending)}</th>
                <th className="num">{formatNumber(totals.failed)}</th>
                <th className="num">{formatNumber(totals.notQueued)}</th>
              </tr>
            </tfoot>
          )}
        </table>
        {rows.length === 0 && <div className="empty">{t('emptyRows')}</div>}
      </div>
    </>
  );
}
