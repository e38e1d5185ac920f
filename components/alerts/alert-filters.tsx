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
  episode?: string;
  data?: string;
  facility?: string;
};

export function AlertFilters({
  values,
  stations,
  facilities,
}: {
  values: AlertFilterFormValues;
  stations: { code: string; name: string }[];
  facilities?: { code: string; name: string }[];
}) {
  const t = useTranslations('alerts');
  const t2 = useTranslations('alerts2');
  const selects: SelectFilterProps[] = [
    ...(facilities && facilities.length > 1
      ? [{ name: 'facility', label: t2('filters.facility'), value: values.facility ?? '', allLabel: t2('filters.allFacilities'), options: facilities.map((f) => ({ value: f.code, label: f.name })) }]
      : []),
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
    {
      name: 'episode',
      label: t2('filters.episode'),
      value: values.episode ?? '',
      allLabel: t2('filters.allEpisodes'),
      options: [
        { value: 'confirmed', label: t2('filters.confirmed') },
        { value: 'brief', label: t2('filters.brief') },
      ],
    },
    {
      name: 'data',
      label: t2('filters.data'),
      value: values.data ?? '',
      allLabel: t2('filters.allData'),
      options: [
        { value: 'live', label: t2('filters.live') },
        { value: 'historical', label: t2('filters.historical') },
      ],
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
