import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { formatNumber, type DisplayLocale } from '@/lib/domain/format';
import { OutcomeChart, type OutcomeChartDay } from './outcome-chart';
import { OUTCOME_COLORS, OUTCOMES, type Outcome } from './outcome-badge';
import styles from './ingest.module.css';

/** Totals per outcome over the chart's days (each a link that filters the ledger) beside the per-day chart. */
export function IngestSummary({
  from,
  to,
  days,
  totals,
  total,
  activeOutcome,
  outcomeHref,
}: {
  from: string;
  to: string;
  days: OutcomeChartDay[];
  totals: Record<Outcome, number>;
  total: number;
  activeOutcome: string;
  outcomeHref: Record<Outcome | 'all', string>;
}) {
  const t = useTranslations('ingest');
  const locale = useLocale() as DisplayLocale;
  const labels = Object.fromEntries(OUTCOMES.map((o) => [o, t(`outcomes.${o}`)])) as Record<Outcome, string>;
  return (
    <section className="panel" aria-labelledby="chart-title" data-testid="ingest-summary">
      <div className={styles.sectionHead}>
        <h2 id="chart-title">{t('chart.title')}</h2>
        <span className="muted small">{t('chart.range', { from, to })}</span>
      </div>
      <div className={styles.summary}>
        <div className={styles.tiles}>
          <Link
            href={outcomeHref.all}
            className={`${styles.tile} ${styles.tileTotal} ${activeOutcome === '' ? styles.tileActive : ''}`}
            data-testid="total-all"
          >
            {t('chart.total')}
            <strong>{formatNumber(total, 0, locale)}</strong>
          </Link>
          {OUTCOMES.map((o) => (
            <Link
              key={o}
              href={outcomeHref[o]}
              className={`${styles.tile} ${activeOutcome === o ? styles.tileActive : ''}`}
              data-testid={`total-${o}`}
            >
              <span className={styles.swatch} style={{ background: OUTCOME_COLORS[o] }} aria-hidden />
              {labels[o]}
              <strong>{formatNumber(totals[o], 0, locale)}</strong>
            </Link>
          ))}
          <p className="muted small" style={{ margin: '4px 0 0' }}>
            {t('chart.note')}
          </p>
        </div>
        {total === 0 ? (
          <div className={`empty ${styles.chartBox}`} style={{ display: 'grid', placeItems: 'center' }}>
            {t('chart.empty')}
          </div>
        ) : (
          <OutcomeChart days={days} labels={labels} ariaLabel={t('chart.label')} />
        )}
      </div>
    </section>
  );
}
