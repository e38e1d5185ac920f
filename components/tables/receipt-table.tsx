import { useLocale, useTranslations } from 'next-intl';
import { formatPercent } from '@/lib/domain/format';

export type ReceiptTableRow = {
  code: string;
  name: string;
  facilityName: string;
  intervalMinutes: number;
  received: number;
  expectedSoFar: number;
  expectedDay: number;
  rate: number | null;
  belowThreshold: boolean;
};

export function ReceiptTable({ rows }: { rows: ReceiptTableRow[] }) {
  const t = useTranslations('reports');
  const locale = useLocale() === 'en' ? 'en' : 'vi';
  return (
    <div className="table-wrap">
      <table className="data" data-testid="receipt-table">
        <thead>
          <tr>
            <th>{t('station')}</th>
            <th>{t('facility')}</th>
            <th className="num">{t('interval')}</th>
            <th className="num">{t('received')}</th>
            <th className="num">{t('expectedSoFar')}</th>
            <th className="num">{t('expectedDay')}</th>
            <th className="num">{t('rate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} data-station={r.code}>
              <td>
                <span className="mono">{r.code}</span> {r.name}
              </td>
              <td>{r.facilityName}</td>
              <td className="num">{r.intervalMinutes}</td>
              <td className="num">{r.received}</td>
              <td className="num">{r.expectedSoFar}</td>
              <td className="num">{r.expectedDay}</td>
              <td className="num">
                {formatPercent(r.rate, locale)}{' '}
                {r.belowThreshold && <span className="badge badge-warn">{t('below')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <div className="empty">{t('empty')}</div>}
    </div>
  );
}
