'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useSaveStatus } from '@/components/ui/use-save-status';
import styles from './reports.module.css';

export type MonthlySubscriptionResult = { ok: true } | { ok: false; message: string };

/** The signed-in staff user's opt-in to the monthly report e-mail (shown on the notification settings page). */
export function MonthlySubscriptionForm({
  initial,
  day,
  hour,
  save,
}: {
  initial: boolean;
  day: number;
  hour: number;
  save: (v: { monthlyEmail: boolean }) => Promise<MonthlySubscriptionResult>;
}) {
  const t = useTranslations('reports2.subscription');
  const [on, setOn] = useState(initial);
  const { status, pending, submit } = useSaveStatus();
  return (
    <form
      className={`panel ${styles.subscription}`}
      data-testid="monthly-subscription"
      onSubmit={(e) => {
        e.preventDefault();
        submit(async () => {
          const r = await save({ monthlyEmail: on });
          return r.ok ? { ok: true, text: t('saved') } : { ok: false, text: t('failed', { message: r.message }) };
        });
      }}
    >
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro', { day, hour })}</p>
      <label>
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => setOn(e.currentTarget.checked)}
          data-testid="monthly-subscription-toggle"
        />{' '}
        {t('label')}
      </label>
      <div style={{ marginTop: 10 }}>
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {t('save')}
        </button>{' '}
        {status && (
          <span role="status" className={status.ok ? 'muted' : 'form-error'}>
            {status.text}
          </span>
        )}
      </div>
    </form>
  );
}
