import { useTranslations } from 'next-intl';
import { anyFilterSet, DateFilter, FilterForm, SelectFilter, stationOptions } from '@/components/ui/filter-form';
import { isKnownSource } from './format';
import { OUTCOMES } from './outcome-badge';

export type IngestFilterValues = {
  station: string;
  outcome: string;
  source: string;
  from: string;
  to: string;
  q: string;
};

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
  return (
    <FilterForm
      action="/ingest"
      label={t('filters.label')}
      testId="ingest-filters"
      active={anyFilterSet(values)}
      applyLabel={t('filters.apply')}
      resetLabel={t('filters.clear')}
    >
      <SelectFilter
        name="station"
        label={t('station')}
        value={values.station}
        allLabel={t('filters.allStations')}
        options={stationOptions(stations)}
      />
      <SelectFilter
        name="outcome"
        label={t('outcome')}
        value={values.outcome}
        allLabel={t('filters.allOutcomes')}
        options={OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
      />
      <SelectFilter
        name="source"
        label={t('source')}
        value={values.source}
        allLabel={t('filters.allSources')}
        options={sources.map((s) => ({ value: s, label: isKnownSource(s) ? t(`sources.${s}`) : s }))}
      />
      <DateFilter
        name="from"
        label={t('filters.from')}
        value={values.from}
        placeholder={t('filters.datePlaceholder')}
      />
      <DateFilter name="to" label={t('filters.to')} value={values.to} placeholder={t('filters.datePlaceholder')} />
      <label>
        <span>{t('filters.search')}</span>
        <input
          name="q"
          type="search"
          className="input"
          defaultValue={values.q}
          placeholder={t('filters.searchPlaceholder')}
        />
      </label>
    </FilterForm>
  );
}
