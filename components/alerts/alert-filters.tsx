import Link from 'next/link';
import { useTranslations } from 'next-intl';
import styles from './alerts.module.css';
import { DISPOSITION_OPTIONS, KIND_OPTIONS, STATE_OPTIONS } from './format';

export type AlertFilterFormValues = { station: string; kind: string; state: string; disposition: string; from: string; to: string };


/** A plain GET form: the filters live in the URL, work without JavaScript and survive reloads and shared links. */
export function AlertFilters({ values, stations }: { values: AlertFilterFormValues; stations: { code: string; name: string }[] }) {
  const t = useTranslations('alerts');
  const active = Object.values(values).some((v) => v !== '');
  return (
    <form method="get" action="/alerts" className={`panel ${styles.filters}`} aria-label={t('filters.label')} data-testid="alert-filters">
      <label>
        <span>{t('filters.station')}</span>
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
        <span>{t('filters.kind')}</span>
        <select name="kind" className="input" defaultValue={values.kind}>
          <option value="">{t('filters.allKinds')}</option>
          {KIND_OPTIONS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filters.state')}</span>
        <select name="state" className="input" defaultValue={values.state}>
          <option value="">{t('filters.allStates')}</option>
          {STATE_OPTIONS.map((s) => (
            <option key={s} value={s}>
              {t(`states.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filters.disposition')}</span>
        <select name="disposition" className="input" defaultValue={values.disposition}>
          <option value="">{t('filters.allDispositions')}</option>
          {DISPOSITION_OPTIONS.map((d) => (
            <option key={d} value={d}>
              {t(`dispositions.${d}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filters.from')}</span>
        <input name="from" className="input" defaultValue={values.from} placeholder={t('filters.datePlaceholder')} inputMode="numeric" autoComplete="off" />
      </label>
      <label>
        <span>{t('filters.to')}</span>
        <input name="to" className="input" defaultValue={values.to} placeholder={t('filters.datePlaceholder')} inputMode="numeric" autoComplete="off" />
      </label>
      <div className={styles.filterActions}>
        <button type="submit" className="btn btn-primary">
          {t('filters.apply')}
        </button>
        {active && <Link href="/alerts">{t('filters.reset')}</Link>}
      </div>
    </form>
  );
}
