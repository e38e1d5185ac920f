'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useSaveStatus } from '@/components/ui/use-save-status';
import { KIND_OPTIONS } from './format';
import styles from './alerts.module.css';

const CHANNELS = ['inapp', 'email', 'webhook'] as const;
type Channel = (typeof CHANNELS)[number];

export type SubscriptionValues = { allStations: boolean; stationIds: number[]; kinds: string[]; channels: string[]; webhookUrl: string | null };
export type SaveResult = { ok: true } | { ok: false; error: string; message?: string };

function toggle<T>(list: T[], v: T, on: boolean): T[] {
  return on ? [...new Set([...list, v])] : list.filter((x) => x !== v);
}

/** The signed-in user's notification subscriptions: stations (all or chosen), kinds, channels and webhook URL. */
export function SubscriptionsForm({
  initial,
  stations,
  email,
  webhookAllowed = true,
  save,
}: {
  initial: SubscriptionValues;
  stations: { id: number; code: string; name: string }[];
  email: string;
  /** Facility accounts get no webhook channel (staff only). */
  webhookAllowed?: boolean;
  save: (v: SubscriptionValues) => Promise<SaveResult>;
}) {
  const t = useTranslations('alerts');
  const [v, setV] = useState<SubscriptionValues>(initial);
  const { status, pending, submit } = useSaveStatus();
  const kindsAll = KIND_OPTIONS;
  return (
    <form
      className={`panel ${styles.form}`}
      data-testid="subscriptions-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit(async () => {
          const res = await save({ ...v, webhookUrl: v.channels.includes('webhook') ? v.webhookUrl : null });
          return res.ok ? { ok: true, text: t('subscriptions.saved') } : { ok: false, text: t('subscriptions.error', { message: res.message ?? res.error }) };
        });
      }}
    >
      <fieldset className={styles.fieldset}>
        <legend>{t('subscriptions.channels')}</legend>
        <div className={styles.checks}>
          {CHANNELS.filter((c) => webhookAllowed || c !== 'webhook').map((c: Channel) => (
            <label key={c}>
              <input type="checkbox" name="channel" value={c} checked={v.channels.includes(c)} onChange={(e) => setV({ ...v, channels: toggle(v.channels, c, e.target.checked) })} />
              {t(`subscriptions.channel.${c}`, { email })}
            </label>
          ))}
        </div>
        {v.channels.includes('webhook') && (
          <label style={{ marginTop: 8 }}>
            <span>{t('subscriptions.webhookUrl')}</span>
            <input className="input" type="url" name="webhookUrl" required value={v.webhookUrl ?? ''} onChange={(e) => setV({ ...v, webhookUrl: e.target.value })} placeholder="https://" />
          </label>
        )}
        {v.channels.length === 0 && <p className="muted small">{t('subscriptions.none')}</p>}
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t('subscriptions.stations')}</legend>
        <div className={styles.checks}>
          <label>
            <input type="radio" name="scope" checked={v.allStations} onChange={() => setV({ ...v, allStations: true })} />
            {t('subscriptions.allStations')}
          </label>
          <label>
            <input type="radio" name="scope" checked={!v.allStations} onChange={() => setV({ ...v, allStations: false })} />
            {t('subscriptions.chosenStations')}
          </label>
        </div>
        {!v.allStations && (
          <div className={styles.checks} style={{ marginTop: 8 }}>
            {stations.map((s) => (
              <label key={s.id}>
                <input type="checkbox" name="station" value={s.code} checked={v.stationIds.includes(s.id)} onChange={(e) => setV({ ...v, stationIds: toggle(v.stationIds, s.id, e.target.checked) })} />
                <span className="mono">{s.code}</span> <span className="muted small">{s.name}</span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t('subscriptions.kinds')}</legend>
        <div className={styles.checks}>
          {kindsAll.map((k) => (
            <label key={k}>
              <input type="checkbox" name="kind" value={k} checked={v.kinds.includes(k)} onChange={(e) => setV({ ...v, kinds: toggle(v.kinds, k, e.target.checked) })} />
              {t(`kinds.${k}`)}
            </label>
          ))}
        </div>
        <p className="muted small">{t('subscriptions.kindsHint')}</p>
      </fieldset>
      <div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {t('subscriptions.save')}
        </button>
      </div>
      {status && (
        <p className={status.ok ? styles.ok : 'form-error'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
    </form>
  );
}
