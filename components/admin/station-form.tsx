'use client';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Select } from '@/components/ui/select';
import { ActionForm } from './action-form';
import styles from './admin.module.css';
import { facilityOptions } from './options';
import type { AdminFormAction, FacilityOption } from './types';

export const KIND_VALUES = ['wastewater', 'emission', 'ambient_air', 'surface_water'] as const;
export type KindValue = (typeof KIND_VALUES)[number];
export type RegistryEntry = { code: string; nameVi: string; nameEn: string; unit: string };
export type Registry = Record<KindValue, RegistryEntry[]>;
export type Bounds = { latMin: number; latMax: number; lonMin: number; lonMax: number };

export type StationFormValues = {
  code: string;
  fileCode: string;
  name: string;
  kind: KindValue;
  facilityCode: string;
  lat: number;
  lon: number;
  intervalMinutes: number;
  graceMinutes: number;
  active: boolean;
};

/** Numbers shown in the form as typed in Vietnamese (decimal comma); the action accepts comma or point. */
const decimalText = (n: number | undefined, locale: string) =>
  n === undefined ? '' : locale === 'vi' ? String(n).replace('.', ',') : String(n);

/**
 * Create or edit a station. Creating also picks its parameters from the registry of the chosen kind (with unit and
 * file symbol aliases); an existing station's parameters are managed in their own table.
 */
export function StationForm({
  action,
  station,
  facilities,
  registry,
  bounds,
}: {
  action: AdminFormAction;
  station?: StationFormValues;
  facilities: FacilityOption[];
  registry: Registry;
  bounds: Bounds;
}) {
  const t = useTranslations('adminArea');
  const tk = useTranslations('kinds');
  const locale = useLocale();
  const [kind, setKind] = useState<KindValue>(station?.kind ?? 'wastewater');
  const usable = facilities.filter((f) => f.active || f.code === station?.facilityCode);
  const coordHint = t('stations.boundsHint', {
    latMin: decimalText(bounds.latMin, locale),
    latMax: decimalText(bounds.latMax, locale),
    lonMin: decimalText(bounds.lonMin, locale),
    lonMax: decimalText(bounds.lonMax, locale),
  });
  return (
    <ActionForm
      action={action}
      submitLabel={station ? t('save') : t('create')}
      okText={t('saved')}
      testId={station ? 'station-edit-form' : 'station-create-form'}
    >
      {station ? (
        <>
          <input type="hidden" name="code" value={station.code} />
          <label>
            {t('fields.code')}
            <input className="input mono" value={station.code} readOnly disabled />
            <span className="muted small">{t('stations.codeFixed')}</span>
          </label>
        </>
      ) : (
        <label>
          {t('fields.code')}
          <input className="input mono" name="code" required maxLength={64} pattern="[A-Za-z0-9][A-Za-z0-9_.\-]*" />
        </label>
      )}
      <label>
        {t('fields.fileCode')}
        <input className="input mono" name="fileCode" required maxLength={128} defaultValue={station?.fileCode} />
        <span className="muted small">{t('stations.fileCodeHint')}</span>
      </label>
      <label>
        {t('fields.name')}
        <input className="input" name="name" required maxLength={200} defaultValue={station?.name} />
      </label>
      <label>
        {t('fields.kind')}
        <Select name="kind" value={kind} onChange={(e) => setKind(e.target.value as KindValue)} options={KIND_VALUES.map((k) => ({ value: k, label: tk(k) }))} />
      </label>
      <label>
        {t('fields.facility')}
        <Select name="facilityCode" required defaultValue={station?.facilityCode ?? ''} empty={t('choose')} emptyDisabled options={facilityOptions(usable)} />
      </label>
      <label>
        {t('fields.lat')}
        <input
          className="input"
          name="lat"
          required
          inputMode="decimal"
          defaultValue={decimalText(station?.lat, locale)}
          placeholder="21,27"
        />
        <span className="muted small">{coordHint}</span>
      </label>
      <label>
        {t('fields.lon')}
        <input
          className="input"
          name="lon"
          required
          inputMode="decimal"
          defaultValue={decimalText(station?.lon, locale)}
          placeholder="106,19"
        />
      </label>
      <label>
        {t('fields.interval')}
        <input
          className="input"
          name="intervalMinutes"
          type="number"
          min={1}
          max={1440}
          required
          defaultValue={station?.intervalMinutes ?? 5}
        />
      </label>
      <label>
        {t('fields.grace')}
        <input
          className="input"
          name="graceMinutes"
          type="number"
          min={0}
          max={10080}
          required
          defaultValue={station?.graceMinutes ?? 15}
        />
      </label>
      {station && (
        <label>
          <span>
            <input type="checkbox" name="enabled" defaultChecked={station.active} /> {t('fields.activeStation')}
          </span>
        </label>
      )}
      {!station && (
        <fieldset className={styles.wide}>
          <legend>{t('stations.parameters')}</legend>
          <p className="muted small">{t('stations.parametersHint')}</p>
          <div className={styles.params} data-testid="station-parameter-choices">
            {registry[kind].map((p) => (
              <div className={styles.param} key={`${kind}-${p.code}`} data-parameter={p.code}>
                <input type="checkbox" name="parameters" value={p.code} id={`param-${p.code}`} aria-label={p.code} />
                <label htmlFor={`param-${p.code}`}>
                  <strong>{p.code}</strong> {locale === 'vi' ? p.nameVi : p.nameEn}
                </label>
                <input
                  type="text"
                  className="input"
                  name={`unit.${p.code}`}
                  defaultValue={p.unit}
                  aria-label={t('stations.unitOf', { code: p.code })}
                />
                <input
                  type="text"
                  className="input"
                  name={`aliases.${p.code}`}
                  placeholder={t('stations.aliasesPlaceholder')}
                  aria-label={t('stations.aliasesOf', { code: p.code })}
                />
              </div>
            ))}
          </div>
        </fieldset>
      )}
    </ActionForm>
  );
}
