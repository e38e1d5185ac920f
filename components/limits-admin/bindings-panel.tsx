'use client';
import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import type { DisplayLocale } from '@/lib/domain/format';
import type { StationKind } from '@/lib/domain/parameters';
import { formatDateTime } from '@/lib/domain/time';
import { DataTable } from '@/components/ui/data-table';
import { Select } from '@/components/ui/select';
import { formatCoefficients, formatLimitValue } from './format';
import { FormFooter, RowActionForm } from './form-parts';
import styles from './limits-admin.module.css';
import type { AdminFormAction, BindableStandard, BindingItem } from './types';

/** Coefficients that mean something for a kind (DOMAIN.md §6): Kq·Kf for wastewater, Kp·Kv and reference O2 for stacks. */
const FIELDS_BY_KIND: Record<StationKind, readonly ('kq' | 'kf' | 'kp' | 'kv' | 'o2Ref')[]> = {
  wastewater: ['kq', 'kf'],
  emission: ['kp', 'kv', 'o2Ref'],
  ambient_air: [],
  surface_water: [],
};

const show = (n: number | undefined, locale: DisplayLocale) => (n === undefined ? '' : formatLimitValue(n, locale));

/** The station's bindings (standard + column + coefficients) and the form that adds or changes one. */
export function BindingsPanel({
  stationCode,
  kind,
  bindings,
  standards,
  setAction,
  removeAction,
}: {
  stationCode: string;
  kind: StationKind;
  bindings: BindingItem[];
  standards: BindableStandard[];
  setAction: AdminFormAction;
  removeAction: AdminFormAction;
}) {
  const t = useTranslations('limitsAdmin.bindings');
  const locale = useLocale() as DisplayLocale;
  const [state, submit, pending] = useActionState(setAction, null);
  const [standardCode, setStandardCode] = useState(bindings[0]?.standardCode ?? standards[0]?.code ?? '');
  const current = bindings.find((b) => b.standardCode === standardCode);
  const columns = standards.find((s) => s.code === standardCode)?.columns ?? [];
  const fields = FIELDS_BY_KIND[kind];
  return (
    <div data-testid="station-bindings">
      {bindings.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <DataTable
          rows={bindings}
          rowKey={(b) => b.standardCode}
          rowProps={(b) => ({ 'data-binding': b.standardCode })}
          columns={[
            { header: t('standard'), className: 'mono', cell: (b) => b.standardCode },
            { header: t('column'), cell: (b) => b.column },
            {
              header: t('coefficients'),
              cell: (b) => (
                <>
                  {formatCoefficients(b.coefficients, locale) || '—'}
                  {b.coefficients.o2Ref !== undefined && ` · O₂ ${formatLimitValue(b.coefficients.o2Ref, locale)} %`}
                </>
              ),
            },
            {
              header: t('updated'),
              className: 'muted small',
              cell: (b) => (
                <>
                  {b.updatedBy ?? '—'} {formatDateTime(b.updatedAt)}
                </>
              ),
            },
            {
              cell: (b) => (
                <RowActionForm action={removeAction} fields={{ stationCode, standardCode: b.standardCode }} label={t('remove')} okText={t('removed')} />
              ),
            },
          ]}
        />
      )}
      {standards.length === 0 ? (
        <p className="muted">{t('noStandards')}</p>
      ) : (
        <form action={submit} className={styles.formGrid} style={{ marginTop: 12 }} data-testid="binding-form" key={`${standardCode}|${current?.column ?? ''}`}>
          <input type="hidden" name="stationCode" value={stationCode} />
          <label>
            {t('standard')}
            <Select name="standardCode" value={standardCode} onChange={(e) => setStandardCode(e.target.value)} options={standards.map((s) => s.code)} />
          </label>
          <label>
            {t('column')}
            <Select name="column" defaultValue={current?.column ?? columns[0]} options={columns.map((c) => ({ value: c, label: c === 'all' ? t('anyColumn') : c }))} />
          </label>
          {fields.map((f) => (
            <label key={f}>
              {t(`fields.${f}`)}
              <input className="input" name={f} inputMode="decimal" defaultValue={show(current?.coefficients[f], locale)} placeholder={t('optional')} />
            </label>
          ))}
          <FormFooter label={current ? t('update') : t('bind')} pending={pending} hint={t('hint')} state={state} okText={t('saved')} />
        </form>
      )}
    </div>
  );
}
