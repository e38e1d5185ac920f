import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { formatNumber } from '@/lib/domain/format';
import { DataTable } from '@/components/ui/data-table';
import { Select } from '@/components/ui/select';
import { STATION_KINDS } from '@/lib/domain/parameters';
import { ActionForm } from './action-form';
import { AdminFilterForm } from './admin-filter-form';
import { ActiveBadge } from './facility-admin';
import type { KindValue, Registry } from './station-form';
import type { AdminFormAction, FacilityOption } from './types';

export type StationParameterRow = { code: string; unit: string; registryUnit: string; aliases: string[] };
export type StationAdminRow = {
  code: string;
  fileCode: string;
  name: string;
  kind: KindValue;
  facilityCode: string;
  facilityName: string;
  lat: number;
  lon: number;
  intervalMinutes: number;
  graceMinutes: number;
  active: boolean;
  parameters: StationParameterRow[];
};

export type StationFilterValues = { facility: string; kind: string; active: string; q: string };

/** GET filters: they live in the URL and work without JavaScript. */
export function StationFilters({ values, facilities }: { values: StationFilterValues; facilities: FacilityOption[] }) {
  const t = useTranslations('adminArea');
  const tk = useTranslations('kinds');
  return (
    <AdminFilterForm action="/admin/stations" testId="station-filters" values={values}>
      <label>
        {t('fields.facility')}
        <Select name="facility" defaultValue={values.facility} empty={t('filters.all')} options={facilities.map((f) => f.code)} />
      </label>
      <label>
        {t('fields.kind')}
        <Select name="kind" defaultValue={values.kind} empty={t('filters.all')} options={STATION_KINDS.map((k) => ({ value: k, label: tk(k) }))} />
      </label>
      <label>
        {t('fields.status')}
        <Select
          name="active"
          defaultValue={values.active}
          empty={t('filters.all')}
          options={[
            { value: 'yes', label: t('active') },
            { value: 'no', label: t('inactive') },
          ]}
        />
      </label>
      <label>
        {t('filters.search')}
        <input className="input" type="search" name="q" defaultValue={values.q} />
      </label>
    </AdminFilterForm>
  );
}

export function StationTable({ stations }: { stations: StationAdminRow[] }) {
  const t = useTranslations('adminArea');
  const tk = useTranslations('kinds');
  return (
    <DataTable
      testId="admin-station-table"
      rows={stations}
      rowKey={(s) => s.code}
      rowProps={(s) => ({ 'data-station': s.code })}
      empty={t('empty')}
      columns={[
        { header: t('fields.code'), className: 'mono', cell: (s) => <Link href={`/admin/stations/${encodeURIComponent(s.code)}`}>{s.code}</Link> },
        { header: t('fields.name'), cell: (s) => s.name },
        { header: t('fields.fileCode'), className: 'mono', cell: (s) => s.fileCode },
        { header: t('fields.kind'), cell: (s) => tk(s.kind) },
        { header: t('fields.facility'), className: 'mono', cell: (s) => s.facilityCode },
        { header: t('stations.parameters'), className: 'mono small', cell: (s) => s.parameters.map((p) => p.code).join(', ') },
        { header: t('fields.interval'), num: true, cell: (s) => s.intervalMinutes },
        { header: t('fields.status'), cell: (s) => <ActiveBadge active={s.active} /> },
      ]}
    />
  );
}

/** Up to 5 decimals (about 1 m), trailing zeros dropped: 21,27 rather than 21,27000. */
const coordinate = (v: number) =>
  formatNumber(v, 5)
    .replace(/(,\d*?)0+$/, '$1')
    .replace(/,$/, '');

export function StationSummary({ station }: { station: StationAdminRow }) {
  const t = useTranslations('adminArea');
  return (
    <p className="muted">
      {t('stations.summary', {
        facility: `${station.facilityCode} — ${station.facilityName}`,
        lat: coordinate(station.lat),
        lon: coordinate(station.lon),
      })}
    </p>
  );
}

/** The hidden fields that name a station parameter in its row forms. */
function StationParameterKey({ station, parameter }: { station: string; parameter: string }) {
  return (
    <>
      <input type="hidden" name="station" value={station} />
      <input type="hidden" name="parameter" value={parameter} />
    </>
  );
}

/** The station's parameters: unit and aliases editable per row, removable (readings already stored stay). */
export function StationParameters({
  station,
  registry,
  update,
  remove,
  add,
}: {
  station: StationAdminRow;
  registry: Registry;
  update: AdminFormAction;
  remove: AdminFormAction;
  add: AdminFormAction;
}) {
  const t = useTranslations('adminArea');
  const locale = useLocale();
  const measured = new Set(station.parameters.map((p) => p.code));
  const addable = registry[station.kind].filter((p) => !measured.has(p.code));
  return (
    <>
      <DataTable
        testId="station-parameter-table"
        rows={station.parameters}
        rowKey={(p) => p.code}
        rowProps={(p) => ({ 'data-parameter': p.code })}
        columns={[
          { header: t('stations.parameter'), className: 'mono', cell: (p) => p.code },
          {
            header: t('stations.unitAndAliases'),
            cell: (p) => (
              <ActionForm action={update} layout="inline" submitLabel={t('save')} okText={t('saved')}>
                <StationParameterKey station={station.code} parameter={p.code} />
                <input className="input" name="unit" defaultValue={p.unit} size={8} aria-label={t('stations.unitOf', { code: p.code })} />
                <input
                  className="input"
                  name="aliases"
                  defaultValue={p.aliases.join(', ')}
                  placeholder={t('stations.aliasesPlaceholder')}
                  aria-label={t('stations.aliasesOf', { code: p.code })}
                />
              </ActionForm>
            ),
          },
          {
            cell: (p) =>
              station.parameters.length > 1 && (
                <ActionForm
                  action={remove}
                  layout="inline"
                  danger
                  submitLabel={t('stations.removeParameter')}
                  okText={t('saved')}
                  confirmText={t('stations.removeConfirm', { code: p.code })}
                >
                  <StationParameterKey station={station.code} parameter={p.code} />
                </ActionForm>
              ),
          },
        ]}
      />
      {addable.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <h3>{t('stations.addParameter')}</h3>
          <ActionForm action={add} submitLabel={t('stations.addParameter')} okText={t('saved')} testId="station-add-parameter-form">
            <input type="hidden" name="station" value={station.code} />
            <label>
              {t('stations.parameter')}
              <Select
                name="parameter"
                required
                defaultValue=""
                empty={t('choose')}
                emptyDisabled
                options={addable.map((p) => ({ value: p.code, label: `${p.code} — ${locale === 'vi' ? p.nameVi : p.nameEn} (${p.unit})` }))}
              />
            </label>
            <label>
              {t('stations.unit')}
              <input className="input" name="unit" placeholder={t('stations.unitDefault')} />
            </label>
            <label>
              {t('stations.aliases')}
              <input className="input" name="aliases" placeholder={t('stations.aliasesPlaceholder')} />
            </label>
          </ActionForm>
        </div>
      )}
    </>
  );
}
