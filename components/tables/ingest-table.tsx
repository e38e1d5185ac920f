import { useTranslations } from 'next-intl';
import { OutcomeBadge, type Outcome } from '@/components/ui/badges';
import { formatDateTime } from '@/lib/domain/format';

export type IngestTableRow = {
  id: number;
  name: string;
  stationCode: string | null;
  receivedAt: string;
  source: string;
  outcome: Outcome;
  reasons: string[];
  readingCount: number;
  rejectedLineCount: number;
};

export function IngestTable({ rows }: { rows: IngestTableRow[] }) {
  const t = useTranslations();
  return (
    <div className="table-wrap">
      <table className="data" data-testid="ingest-table">
        <thead>
          <tr>
            <th>{t('ingest.receivedAt')}</th>
            <th>{t('ingest.name')}</th>
            <th>{t('ingest.station')}</th>
            <th>{t('ingest.source')}</th>
            <th>{t('ingest.outcome')}</th>
            <th className="num">{t('ingest.readings')}</th>
            <th>{t('ingest.reasons')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-file-id={r.id} data-outcome={r.outcome}>
              <td className="nowrap">{formatDateTime(r.receivedAt)}</td>
              <td className="mono file-name">{r.name}</td>
              <td className="mono">{r.stationCode ?? <span className="muted">{t('ingest.unknownStation')}</span>}</td>
              <td>{r.source}</td>
              <td>
                <OutcomeBadge outcome={r.outcome} />
              </td>
              <td className="num">{r.readingCount}</td>
              <td className="reasons-cell">
                {r.reasons.length > 0 && (
                  <ul className="reasons">
                    {r.reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <div className="empty">{t('ingest.empty')}</div>}
    </div>
  );
}
