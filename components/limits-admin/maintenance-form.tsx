'use client';
import { useLocale, useTranslations } from 'next-intl';
import { parameterName } from '@/lib/domain/parameters';
import { useActionState, useState } from 'react';
import { Select } from '@/components/ui/select';
import styles from './limits-admin.module.css';
import { FormFooter } from './form-parts';
import type { AdminFormAction, MaintenanceStation } from './types';
import { DateInput } from '@/components/ui/date-input';

/** Declares a maintenance window: a station, the whole station or some of its parameters, from/to (local time), reason. */
export function MaintenanceForm({ stations, action, defaultStation }: { stations: MaintenanceStation[]; action: AdminFormAction; defaultStation?: string | null }) {
  const t = useTranslations('limitsAdmin.maintenance');
  const locale = useLocale() === 'en' ? 'en' : 'vi';
  const [state, submit, pending] = useActionState(action, null);
  const [station, setStation] = useState(defaultStation ?? stations[0]?.code ?? '');
  const [scope, setScope] = useState<'all' | 'some'>('all');
  const parameters = stations.find((s) => s.code === station)?.parameters ?? [];
  if (stations.length === 0) return <p className="muted">{t('noStations')}</p>;
  return (
    <form action={submit} className={`${styles.formGrid} ${styles.formGridWide}`} data-testid="maintenance-form">
      <label>
        {t('station')}
        <Select
          name="stationCode"
          value={station}
          onChange={(e) => setStation(e.target.value)}
          options={stations.map((s) => ({ value: s.code, label: `${s.code} – ${s.name}` }))}
        />
      </label>
      <label>
        {t('from')}
        <DateInput name="from" withTime required />
      </label>
      <label>
        {t('to')}
        <DateInput name="to" withTime required />
      </label>
      <fieldset className={styles.wide} style={{ border: 0, padding: 0, margin: 0 }}>
        <legend>{t('parameters')}</legend>
        <div className={styles.checks}>
          <label>
            <input type="radio" name="scope" value="all" checked={scope === 'all'} onChange={() => setScope('all')} /> {t('wholeStation')}
          </label>
          <label>
            <input type="radio" name="scope" value="some" checked={scope === 'some'} onChange={() => setScope('some')} /> {t('someParameters')}
          </label>
        </div>
        {scope === 'some' && (
          <div className={styles.checks} style={{ marginTop: 6 }} key={station}>
            {parameters.map((p) => (
              <label key={p}>
                <input type="checkbox" name="parameters" value={p} /> {parameterName(p, locale)} <span className="mono muted">({p})</span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <label className={styles.wide}>
        {t('reason')}
        <input className="input" name="reason" required maxLength={500} placeholder={t('reasonPlaceholder')} />
      </label>
      <FormFooter label={t('create')} pending={pending} hint={t('hint')} state={state} okText={t('created')} />
    </form>
  );
}
