import { useTranslations } from 'next-intl';
import { formatNumber } from '@/lib/domain/format';
import { DataTable } from '@/components/ui/data-table';
import { Select } from '@/components/ui/select';
import { targetOptions } from './format';
import type { ReconciliationItem } from './types';
import { DateInput } from '@/components/ui/date-input';

const dmy = (day: string) => day.split('-').reverse().join('/');

/** A count that needs attention is a badge; zero stays plain. */
function CountBadge({ n, tone }: { n: number; tone: 'partial' | 'rejected' | 'neutral' }) {
  return n > 0 ? <span className={`badge badge-${tone}`}>{formatNumber(n)}</span> : 0;
}

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
          {t('from')} <DateInput name="from" defaultValue={from} />
        </label>
        <label>
          {t('to')} <DateInput name="to" defaultValue={to} />
        </label>
        <label>
          {t('target')}{' '}
          <Select name="target" defaultValue={target ?? ''} empty={t('allTargets')} options={targetOptions(targets)} />
        </label>
        <button className="btn" type="submit">
          {t('show')}
        </button>
      </form>
      <DataTable
        testId="forward-reconciliation"
        rows={rows}
        rowKey={(r) => `${r.day} ${r.station}`}
        rowProps={(r) => ({ 'data-station': r.station, 'data-day': r.day, 'data-complete': r.received - r.forwarded === 0 })}
        empty={t('emptyRows')}
        columns={[
          { header: t('day'), className: 'nowrap', cell: (r) => dmy(r.day) },
          { header: t('station'), className: 'mono', cell: (r) => r.station },
          { header: t('received'), num: true, cell: (r) => formatNumber(r.received) },
          { header: t('forwarded'), num: true, cell: (r) => formatNumber(r.forwarded) },
          { header: t('pending'), num: true, cell: (r) => <CountBadge n={r.pending} tone="partial" /> },
          { header: t('failed'), num: true, cell: (r) => <CountBadge n={r.failed} tone="rejected" /> },
          { header: t('notQueued'), num: true, cell: (r) => <CountBadge n={r.notQueued} tone="neutral" /> },
        ]}
        foot={
          rows.length > 0 && (
            <tr>
              <th colSpan={2}>{t('total')}</th>
              {([totals.received, totals.forwarded, totals.pending, totals.failed, totals.notQueued] as const).map((n, i) => (
                <th key={i} className="num">
                  {formatNumber(n)}
                </th>
              ))}
            </tr>
          )
        }
      />
    </>
  );
}
