import { useLocale, useTranslations } from 'next-intl';
import { isAlertKind } from '@/lib/domain/alerts/kinds';
import { DISPOSITIONS, type Disposition } from '@/lib/domain/alerts/lifecycle';
import { formatNumber, formatPercent } from '@/lib/domain/format';
import { formatDateTime } from '@/lib/domain/time';
import { DataTable } from '@/components/ui/data-table';
import { DailyChart } from './daily-chart';
import { periodLabel } from './completeness-table';
import styles from './reports.module.css';
import type { MonthlyParameterView, MonthlyRates } from '@/lib/dto/reports-monthly';

type Rates = MonthlyRates;
export type { MonthlyParameterView };

export type MonthlyAlertView = {
  id: number;
  parameter: string | null;
  kind: string;
  openedAt: Date;
  resolvedAt: Date | null;
  peak: number | null;
  limit: number | null;
  basis: string | null;
  disposition: string | null;
  dispositionNote: string | null;
};

export type MonthlyReportViewProps = {
  parameters: MonthlyParameterView[];
  total: Rates;
  alerts: MonthlyAlertView[];
  /** Print: charts at a fixed width, signature block. */
  print?: boolean;
};


/** The monthly station report body (Báo cáo tháng theo trạm): summary, charts, daily table, exceedances. */
export function MonthlyReport({ parameters, total, alerts, print = false }: MonthlyReportViewProps) {
  const t = useTranslations('reports2.monthly');
  const ta = useTranslations('alerts');
  const locale = useLocale() === 'en' ? 'en' : 'vi';
  const limitText = (p: MonthlyParameterView) =>
    p.limitMax != null && p.limitMin != null
      ? `${formatNumber(p.limitMin, p.decimals, locale)}–${formatNumber(p.limitMax, p.decimals, locale)}`
      : p.limitMax != null
        ? `≤ ${formatNumber(p.limitMax, p.decimals, locale)}`
        : p.limitMin != null
          ? `≥ ${formatNumber(p.limitMin, p.decimals, locale)}`
          : '—';
  const kindLabel = (k: string) => (isAlertKind(k) ? ta(`kinds.${k}`) : k);
  const dispositionLabel = (d: string | null) =>
    (DISPOSITIONS as readonly string[]).includes(d ?? 'pending_review')
      ? ta(`dispositions.${(d ?? 'pending_review') as Disposition}`)
      : (d ?? '');
  const dayKeys = parameters[0]?.days.map((d) => d.day) ?? [];
  return (
    <div data-testid="monthly-report">
      <h2>{t('summary')}</h2>
      <div className="table-wrap">
        <table className="data" data-testid="monthly-summary">
          <thead>
            <tr>
              <th>{t('parameter')}</th>
              <th>{t('unit')}</th>
              <th className="num">{t('mean')}</th>
              <th className="num">{t('min')}</th>
              <th className="num">{t('max')}</th>
              <th className="num">{t('daysWithData')}</th>
              <th className="num">{t('receiptRate')}</th>
              <th className="num">{t('validRate')}</th>
              <th className="num">{t('limit')}</th>
              <th className="num">{t('exceedances')}</th>
            </tr>
          </thead>
          <tbody>
            {parameters.map((p) => (
              <tr
                key={p.parameter}
                data-parameter={p.parameter}
                className={p.completeness.belowThreshold ? styles.below : undefined}
              >
                <td>
                  <span className="mono">{p.parameter}</span> {p.name}
                </td>
                <td>{p.unit}</td>
                <td className="num" data-col="mean">
                  {formatNumber(p.mean, p.decimals, locale)}
                </td>
                <td className="num" data-col="min">
                  {formatNumber(p.min, p.decimals, locale)}
                </td>
                <td className="num" data-col="max">
                  {formatNumber(p.max, p.decimals, locale)}
                </td>
                <td className="num">{p.daysWithData}</td>
                <td className="num" data-col="receipt">
                  {formatPercent(p.completeness.receiptRate, locale)}
                </td>
                <td className="num" data-col="valid">
                  {formatPercent(p.completeness.validRate, locale)}
                </td>
                <td className="num">{limitText(p)}</td>
                <td className="num" data-col="exceedances">
                  {p.exceedances}
                </td>
              </tr>
            ))}
            <tr data-parameter="*">
              <td colSpan={6}>
                <strong>{t('total')}</strong>
              </td>
              <td className="num" data-col="receipt">
                {formatPercent(total.receiptRate, locale)}
              </td>
              <td className="num" data-col="valid">
                {formatPercent(total.validRate, locale)}
              </td>
              <td />
              <td className="num">{alerts.length}</td>
            </tr>
          </tbody>
        </table>
      </div>

      <h2>{t('daily')}</h2>
      <div className={print ? undefined : styles.charts}>
        {parameters.map((p) => (
          <DailyChart
            key={p.parameter}
            title={t('chartTitle', { name: p.name, parameter: p.parameter, unit: p.unit || '—' })}
            points={p.days.map((d) => ({ day: d.day, value: d.value }))}
            unit={p.unit}
            decimals={p.decimals}
            limitMax={p.limitMax}
            limitMin={p.limitMin}
            locale={locale}
            labels={{ mean: t('dayMean'), limit: t('limit') }}
            {...(print ? { fixedWidth: 980 } : {})}
          />
        ))}
      </div>
      <div className="table-wrap">
        <table className="data" data-testid="monthly-daily">
          <thead>
            <tr>
              <th rowSpan={2}>{t('day')}</th>
              {parameters.map((p) => (
                <th key={p.parameter} colSpan={3} style={{ textAlign: 'center' }}>
                  {p.parameter} {p.unit && <span className="muted small">({p.unit})</span>}
                </th>
              ))}
            </tr>
            <tr>
              {parameters.flatMap((p) => [
                <th key={`${p.parameter}-m`} className="num">
                  {t('dayMean')}
                </th>,
                <th key={`${p.parameter}-n`} className="num">
                  {t('min')}
                </th>,
                <th key={`${p.parameter}-x`} className="num">
                  {t('max')}
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {dayKeys.map((day, i) => (
              <tr key={day} data-day={day}>
                <td className="nowrap">{periodLabel(day)}</td>
                {parameters.flatMap((p) => {
                  const d = p.days[i];
                  const over =
                    d?.value != null &&
                    ((p.limitMax != null && d.value > p.limitMax) || (p.limitMin != null && d.value < p.limitMin));
                  return [
                    <td
                      key={`${p.parameter}-m`}
                      className={`num ${over ? styles.belowRate : ''}`}
                      data-parameter={p.parameter}
                    >
                      {formatNumber(d?.value, p.decimals, locale)}
                    </td>,
                    <td key={`${p.parameter}-n`} className="num">
                      {formatNumber(d?.min, p.decimals, locale)}
                    </td>,
                    <td key={`${p.parameter}-x`} className="num">
                      {formatNumber(d?.max, p.decimals, locale)}
                    </td>,
                  ];
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('alertsTitle')}</h2>
      <DataTable
        testId="monthly-alerts"
        rows={alerts}
        rowKey={(a) => a.id}
        rowProps={(a) => ({ 'data-alert': a.id })}
        empty={t('noAlerts')}
        columns={[
          { header: t('openedAt'), className: 'nowrap', cell: (a) => formatDateTime(a.openedAt) },
          { header: t('resolvedAt'), className: 'nowrap', cell: (a) => (a.resolvedAt ? formatDateTime(a.resolvedAt) : t('ongoing')) },
          { header: t('parameter'), className: 'mono', cell: (a) => a.parameter ?? '—' },
          { header: t('kind'), cell: (a) => kindLabel(a.kind) },
          { header: t('peak'), num: true, cell: (a) => formatNumber(a.peak, 2, locale) },
          { header: t('limit'), num: true, cell: (a) => formatNumber(a.limit, 2, locale) },
          { header: t('basis'), cell: (a) => a.basis ?? '—' },
          { header: t('disposition'), cellProps: () => ({ 'data-col': 'disposition' }), cell: (a) => dispositionLabel(a.disposition) },
          { header: t('note'), cell: (a) => a.dispositionNote ?? '' },
        ]}
      />
      {print && (
        <div className={styles.signature}>
          <div />
          <div>
            <strong>{t('signature')}</strong>
          </div>
        </div>
      )}
    </div>
  );
}
