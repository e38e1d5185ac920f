import { useLocale, useTranslations } from 'next-intl';
import { formatNumber, formatPercent } from '@/lib/domain/format';
import styles from './reports.module.css';

type Rates = {
  expected: number;
  received: number;
  valid: number;
  receiptRate: number | null;
  validRate: number | null;
  belowThreshold: boolean;
};
export type CompletenessRowView = Rates & {
  stationCode: string;
  stationName: string;
  facilityName: string;
  parameter: string;
  period: string;
};
export type CompletenessTotalView = Rates & { label: string; code: string; files: number | null };

/** yyyy-MM-dd → dd/MM/yyyy; yyyy-MM → MM/yyyy. */
export function periodLabel(period: string): string {
  const [y, m, d] = period.split('-');
  return d ? `${d}/${m}/${y}` : `${m}/${y}`;
}

function RateCells({ r }: { r: Rates }) {
  const locale = useLocale() === 'en' ? 'en' : 'vi';
  const cls = r.belowThreshold ? styles.belowRate : undefined;
  return (
    <>
      <td className="num">{formatNumber(r.expected, 0, locale)}</td>
      <td className="num">{formatNumber(r.received, 0, locale)}</td>
      <td className="num">{formatNumber(r.valid, 0, locale)}</td>
      <td className={`num ${cls ?? ''}`} data-col="receipt">
        {formatPercent(r.receiptRate, locale)}
      </td>
      <td className={`num ${cls ?? ''}`} data-col="valid">
        {formatPercent(r.validRate, locale)}
      </td>
    </>
  );
}

function RateHeads() {
  const t = useTranslations('reports.completeness');
  return (
    <>
      <th className="num">{t('expected')}</th>
      <th className="num">{t('received')}</th>
      <th className="num">{t('valid')}</th>
      <th className="num">{t('receiptRate')}</th>
      <th className="num">{t('validRate')}</th>
    </>
  );
}

export function CompletenessTable({ rows, period }: { rows: CompletenessRowView[]; period: 'day' | 'month' }) {
  const t = useTranslations('reports.completeness');
  return (
    <div className="table-wrap">
      <table className="data" data-testid="completeness-table">
        <thead>
          <tr>
            <th>{t('station')}</th>
            <th>{t('facility')}</th>
            <th>{t('parameter')}</th>
            <th>{period === 'month' ? t('month') : t('day')}</th>
            <RateHeads />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={`${r.stationCode}|${r.parameter}|${r.period}`}
              className={r.belowThreshold ? styles.below : undefined}
              data-station={r.stationCode}
              data-parameter={r.parameter}
              data-period={r.period}
              data-below={r.belowThreshold ? 'true' : 'false'}
            >
              <td>
                <span className="mono">{r.stationCode}</span> {r.stationName}
              </td>
              <td>{r.facilityName}</td>
              <td className="mono">{r.parameter}</td>
              <td className="nowrap">{periodLabel(r.period)}</td>
              <RateCells r={r} />
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <div className="empty">{t('empty')}</div>}
    </div>
  );
}

export function CompletenessTotals({
  title,
  rows,
  testId,
}: {
  title: string;
  rows: CompletenessTotalView[];
  testId: string;
}) {
  const t = useTranslations('reports.completeness');
  return (
    <div className="table-wrap">
      <table className="data" data-testid={testId}>
        <caption style={{ textAlign: 'left', fontWeight: 600, padding: '6px 0' }}>{title}</caption>
        <thead>
          <tr>
            <th>{t('name')}</th>
            <th className="num">{t('files')}</th>
            <RateHeads />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.code}
              className={r.belowThreshold ? styles.below : undefined}
              data-code={r.code}
              data-below={r.belowThreshold ? 'true' : 'false'}
            >
              <td>{r.label}</td>
              <td className="num">{r.files ?? '—'}</td>
              <RateCells r={r} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
