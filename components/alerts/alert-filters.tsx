import { useTranslations } from 'next-intl';
import { DateRangeFilter, FilterForm, SelectFilter, stationOptions, type SelectFilterProps } from '@/components/ui/filter-form';
import { DISPOSITION_OPTIONS, KIND_OPTIONS, STATE_OPTIONS } from './format';

export type AlertFilterFormValues = {
  station: string;
  kind: string;
  state: string;
  disposition: string;
  from: string;
  to: string;
};

export function AlertFilters({
  values,
  stations,
}: {
  values: AlertFilterFormValues;
  stations: { code: string; name: string }[];
}) {
  const t = useTranslations('alerts');
  const selects: SelectFilterProps[] = [
    { name: 'station', label: t('filters.station'), value: values.station, allLabel: t('filters.allStations'), options: stationOptions(stations) },
    { name: 'kind', label: t('filters.kind'), value: values.kind, allLabel: t('filters.allKinds'), options: KIND_OPTIONS.map((k) => ({ value: k, label: t(`kinds.${k}`) })) },
    { name: 'state', label: t('filters.state'), value: values.state, allLabel: t('filters.allStates'), options: STATE_OPTIONS.map((s) => ({ value: s, label: t(`states.${s}`) })) },
    {
      name: 'disposition',
      label: t('filters.disposition'),
      value: values.disposition,
      allLabel: t('filters.allDispositions'),
      options: DISPOSITION_OPTIONS.map((d) => ({ value: d, label: t(`dispositions.${d}`) })),
    },
  ];
  return (
    <FilterForm
      action="/alerts"
      label={t('filters.label')}
      testId="alert-filters"
      values={values}
      applyLabel={t('filters.apply')}
      resetLabel={t('filters.reset')}
    >
      {selects.map((s) => (
        <SelectFilter key={s.name} {...s} />
      ))}
      <DateRangeFilter from={values.from} to={values.to} fromLabel={t('filters.from')} toLabel={t('filters.to')} placeholder={t('filters.datePlaceholder')} />
    </FilterForm>
  );
}
