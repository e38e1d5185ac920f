'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Select } from '@/components/ui/select';
import { ActionMessage } from './action-message';
import { targetOptions } from './format';
import type { FormAction } from './types';
import { DateInput } from '@/components/ui/date-input';

/** Admin/operator: queue a station's files received between two dates again. */
export function ResendForm({ action, stations, targets, from, to }: { action: FormAction; stations: string[]; targets: { id: number; name: string }[]; from: string; to: string }) {
  const t = useTranslations('forwarding');
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} className="toolbar" data-testid="forward-resend-form">
      <label>
        {t('station')}{' '}
        <input className="input" name="station" list="forward-stations" required />
        <datalist id="forward-stations">
          {stations.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </label>
      <label>
        {t('from')} <DateInput name="from" defaultValue={from} required />
      </label>
      <label>
        {t('to')} <DateInput name="to" defaultValue={to} required />
      </label>
      <label>
        {t('target')}{' '}
        <Select name="target" defaultValue="" empty={t('allTargets')} options={targetOptions(targets)} />
      </label>
      <button className="btn btn-primary" type="submit" disabled={pending}>
        {t('resend')}
      </button>
      <ActionMessage state={state} okText={state?.ok ? t('resendDone', { count: state.count ?? 0 }) : ''} />
    </form>
  );
}
