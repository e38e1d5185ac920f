import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { isKnownSource } from './format';
import { OUTCOMES } from './outcome-badge';
import styles from './ingest.module.css';

export type IngestFilterValues = {
  station: string;
  outcome: string;
  source: string;
  from: string;
  to: string;
  q: string;
};

/** A plain GET form: the filters live in the URL, work without JavaScript and survive reloads and shared links. */
export function IngestFilters({
  values,
  stations,
  sources,
}: {
  values: IngestFilterValues;
  stations: { code: string; name: string }[];
  sources: readonly string[];
}) {
  const t = useTranslations('ingest');
  const active = Object.values(values).some((v) => v !== '');
  return (
    <form method="get" action="/ingest" className={`panel ${styles.filters}`} aria-label={t('filters.label')} data-testid="ingest-filters">
      <label>
        <span>{t('station')}</span>
        <select name="station" className="input" defaultValue={values.station}>
          <option value="">{t('filters.allStations')}</option>
          {stations.map((s) => (
            <option key={s.code} value={s.code}>
              {s.code} · {s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('outcome')}</span>
        <select name="outcome" className="input" defaultValue={values.outcome}>
          <option value="">{t('filters.allOutcomes')}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`outcomes.${o}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('source')}</span>
        <select name="source" className="input" defaultValue={values.source}>
          <option value="">{t('filters.allSources')}</option>
          {sources.map((s) => (
            <option key={s} value={s}>
              {isKnownSource(s) ? t(`sources.${s}`) : s}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filters.from')}</span>
        <input
          name="from"
          className="input"
          defaultValue={values.from}
          placeholder={t('filters.datePlaceholder')}
          inputMode="numeric"
          pattern="\d{1,2}/\d{1,2}/\d{4}"
          autoComplete="off"
        />
      </label>
      <label>
        <span>{t('filters.to')}</span>
        <input
          name="to"
          className="input"
          defaultValue={values.to}
          placeholder={t('filters.datePlaceholder')}
          inputMode="numeric"
          pattern="\d{1,2}/\d{1,2}/\d{4}"
          autoComplete="off"
        />
      </label>
      <label>
        <span>{t('filters.search')}</span>
        <input name="q" type="search" className="input" defaultValue={values.q} placeholder={t('filters.searchPlaceholder')} />
      </label>
      <div className={styles.filterActions}>
        <button type="submit" className="btn btn-primary">
          {t('filters.apply')}
        </button>
        {active && (
          <Link href="/ingest" className="btn">
            {t('filters.clear')}
          </Link>
        )}
      </div>
    </form>
  );
}
