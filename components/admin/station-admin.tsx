import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { formatNumber } from '@/lib/domain/format';
import { ActionForm } from './action-form';
import { ActiveBadge } from './facility-admin';
import styles from './admin.module.css';
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
    <form
      method="get"
      action="/admin/stations"
      className={`panel ${styles.filters}`}
      data-testid="station-filters"
      aria-label={t('filters.label')}
    >
      <label>
        {t('fields.facility')}
        <select className="input" name="facility" defaultValue={values.facility}>
          <option value="">{t('filters.all')}</option>
          {facilities.map((f) => (
            <option key={f.code} value={f.code}>
              {f.code}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('fields.kind')}
        <select className="input" name="kind" defaultValue={values.kind}>
          <option value="">{t('filters.all')}</option>
          {(['wastewater', 'emission', 'ambient_air', 'surface_water'] as const).map((k) => (
            <option key={k} value={k}>
              {tk(k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('fields.status')}
        <select className="input" name="active" defaultValue={values.active}>
          <option value="">{t('filters.all')}</option>
          <option value="yes">{t('active')}</option>
          <option value="no">{t('inactive')}</option>
        </select>
      </label>
      <label>
        {t('filters.search')}
        <input className="input" type="search" name="q" defaultValue={values.q} />
      </label>
      <button type="submit" className="btn btn-primary">
        {t('filters.apply')}
      </button>
      {Object.values(values).some((v) => v !== '') && (
        <Link className="btn" href="/admin/stations">
          {t('filters.clear')}
        </Link>
      )}
    </form>
  );
}

export function StationTable({ stations }: { stations: StationAdminRow[] }) {
  const t = useTranslations('adminArea');
  const tk = useTranslations('kinds');
  return (
    <div className="table-wrap">
      <table className="data" data-testid="admin-station-table">
        <thead>
          <tr>
            <th>{t('fields.code')}</th>
            <th>{t('fields.name')}</th>
            <th>{t('fields.fileCode')}</th>
            <th>{t('fields.kind')}</th>
            <th>{t('fields.facility')}</th>
            <th>{t('stations.parameters')}</th>
            <th className="num">{t('fields.interval')}</th>
            <th>{t('fields.status')}</th>
          </tr>
        </thead>
        <tbody>
          {stations.map((s) => (
            <tr key={s.code} data-station={s.code}>
              <td className="mono">
                <Link href={`/admin/stations/${encodeURIComponent(s.code)}`}>{s.code}</Link>
              </td>
              <td>{s.name}</td>
              <td className="mono">{s.fileCode}</td>
              <td>{tk(s.kind)}</td>
              <td className="mono">{s.facilityCode}</td>
              <td className="mono small">{s.parameters.map((p) => p.code).join(', ')}</td>
              <td className="num">{s.intervalMinutes}</td>
              <td>
                <ActiveBadge active={s.active} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {stations.length === 0 && <div className="empty">{t('empty')}</div>}
    </div>
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
      <div className="table-wrap">
        <table className="data" data-testid="station-parameter-table">
          <thead>
            <tr>
              <th>{t('stations.parameter')}</th>
              <th>{t('stations.unitAndAliases')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {station.parameters.map((p) => (
              <tr key={p.code} data-parameter={p.code}>
                <td className="mono">{p.code}</td>
                <td>
                  <ActionForm action={update} layout="inline" submitLabel={t('save')} okText={t('saved')}>
                    <input type="hidden" name="station" value={station.code} />
                    <input type="hidden" name="parameter" value={p.code} />
                    <input
                      className="input"
                      name="unit"
                      defaultValue={p.unit}
                      size={8}
                      aria-label={t('stations.unitOf', { code: p.code })}
                    />
                    <input
                      className="input"
                      name="aliases"
                      defaultValue={p.aliases.join(', ')}
                      placeholder={t('stations.aliasesPlaceholder')}
                      aria-label={t('stations.aliasesOf', { code: p.code })}
                    />
                  </ActionForm>
                </td>
                <td>
                  {station.parameters.length > 1 && (
                    <ActionForm
                      action={remove}
                      layout="inline"
                      danger
                      submitLabel={t('stations.removeParameter')}
                      okText={t('saved')}
                      confirmText={t('stations.removeConfirm', { code: p.code })}
                    >
                      <input type="hidden" name="station" value={station.code} />
                      <input type="hidden" name="parameter" value={p.code} />
                    </ActionForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {addable.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <h3>{t('stations.addParameter')}</h3>
          <ActionForm action={add} submitLabel={t('stations.addParameter')} okText={t('saved')} testId="station-add-parameter-form">
            <input type="hidden" name="station" value={station.code} />
            <label>
              {t('stations.parameter')}
              <select className="input" name="parameter" required defaultValue="">
                <option value="" disabled>
                  {t('choose')}
                </option>
                {addable.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.code} — {locale === 'vi' ? p.nameVi : p.nameEn} ({p.unit})
                  </option>
                ))}
              </select>
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
