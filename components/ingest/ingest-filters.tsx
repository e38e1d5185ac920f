import { useTranslations } from 'next-intl';
import { DateRangeFilter, FilterForm, SelectFilter, stationOptions, type SelectFilterProps } from '@/components/ui/filter-form';
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
  const selects: SelectFilterProps[] = [
    { name: 'station', label: t('station'), value: values.station, allLabel: t('filters.allStations'), options: stationOptions(stations) },
    { name: 'outcome', label: t('outcome'), value: values.outcome, allLabel: t('filters.allOutcomes'), options: OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) })) },
    {
      name: 'source',
      label: t('source'),
      value: values.source,
      allLabel: t('filters.allSources'),
      options: sources.map((s) => ({ value: s, label: isKnownSource(s) ? t(`sources.${s}`) : s })),
    },
  ];
  return (
    <FilterForm
      action="/ingest"
      label={t('filters.label')}
      testId="ingest-filters"
      values={values}
      applyLabel={t('filters.apply')}
      resetLabel={t('filters.clear')}
    >
      {selects.map((s) => (
        <SelectFilter key={s.name} {...s} />
      ))}
      <DateRangeFilter from={values.from} to={values.to} fromLabel={t('filters.from')} toLabel={t('filters.to')} placeholder={t('filters.datePlaceholder')} />
      <label>
        <span>{t('filters.search')}</span>
        <input name="q" type="search" className="input" defaultValue={values.q} placeholder={t('filters.searchPlaceholder')} />
      </label>
    </FilterForm>
  );
}
