'use client';
import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { DisplayLocale } from '@/lib/domain/format';
import { LIMIT_AVERAGINGS } from '@/lib/domain/limits';
import { formatDayKey } from '@/lib/domain/time';
import { DataTable } from '@/components/ui/data-table';
import { Select } from '@/components/ui/select';
import { formatBounds } from './format';
import { FormFooter, RowActionForm } from './form-parts';
import styles from './limits-admin.module.css';
import type { AdminFormAction, PermitItem } from './types';
import { DateInput } from '@/components/ui/date-input';

/** The facility's permit limits that can apply to this station, and the form that adds one. */
export function PermitsPanel({
  stationCode,
  facilityCode,
  parameters,
  permits,
  createAction,
  endAction,
}: {
  stationCode: string;
  facilityCode: string;
  parameters: string[];
  permits: PermitItem[];
  createAction: AdminFormAction;
  endAction: AdminFormAction;
}) {
  const t = useTranslations('limitsAdmin');
  const tp = useTranslations('limitsAdmin.permits');
  const locale = useLocale() as DisplayLocale;
  const [state, submit, pending] = useActionState(createAction, null);
  return (
    <div data-testid="station-permits">
      {permits.length === 0 ? (
        <p className="muted">{tp('none')}</p>
      ) : (
        <DataTable
          rows={permits}
          rowKey={(p) => p.id}
          rowProps={(p) => ({ 'data-permit': p.id })}
          columns={[
            { header: t('values.parameter'), className: 'mono', cell: (p) => p.parameter },
            { header: tp('scope'), cell: (p) => (p.stationCode ? tp('scopeStation') : tp('scopeFacility')) },
            { header: t('values.limit'), className: 'num', cell: (p) => formatBounds(p.min, p.max, locale) },
            { header: t('values.averaging'), cell: (p) => t(`averaging.${p.averaging}`) },
            {
              header: t('derivation.effective'),
              className: 'nowrap',
              cell: (p) => (
                <>
                  {t('standards.period', { from: formatDayKey(p.effectiveFrom), to: p.effectiveTo ? formatDayKey(p.effectiveTo) : t('standards.open') })}{' '}
                  {p.inForce && <span className="badge badge-accepted">{t('standards.inForce')}</span>}
                </>
              ),
            },
            { header: tp('note'), cell: (p) => p.note ?? '' },
            {
              cell: (p) =>
                !p.effectiveTo && (
                  <RowActionForm action={endAction} fields={{ id: p.id, stationCode }} label={tp('end')} okText={tp('ended')}>
                    <DateInput name="effectiveTo" required aria-label={tp('endOn')} style={{ width: 150 }} />
                  </RowActionForm>
                ),
            },
          ]}
        />
      )}
      <form action={submit} className={styles.formGrid} style={{ marginTop: 12 }} data-testid="permit-form">
        <input type="hidden" name="stationCode" value={stationCode} />
        <input type="hidden" name="facilityCode" value={facilityCode} />
        <label>
          {t('values.parameter')}
          <Select name="parameter" required options={parameters} />
        </label>
        <label>
          {tp('scope')}
          <Select
            name="scope"
            defaultValue="station"
            options={[
              { value: 'station', label: tp('scopeStation') },
              { value: 'facility', label: tp('scopeFacility') },
            ]}
          />
        </label>
        <label>
          {tp('min')}
          <input className="input" name="min" inputMode="decimal" placeholder={tp('optional')} />
        </label>
        <label>
          {tp('max')}
          <input className="input" name="max" inputMode="decimal" placeholder={tp('optional')} />
        </label>
        <label>
          {t('values.averaging')}
          <Select name="averaging" defaultValue="24h" options={LIMIT_AVERAGINGS.map((a) => ({ value: a, label: t(`averaging.${a}`) }))} />
        </label>
        <label>
          {tp('from')}
          <DateInput name="effectiveFrom" required />
        </label>
        <label>
          {tp('to')}
          <DateInput name="effectiveTo" />
        </label>
        <label className={styles.wide}>
          {tp('note')}
          <input className="input" name="note" maxLength={500} placeholder={tp('notePlaceholder')} />
        </label>
        <FormFooter label={tp('add')} pending={pending} state={state} okText={tp('saved')} />
      </form>
    </div>
  );
}
