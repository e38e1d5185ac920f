'use client';
import { useActionState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { Select } from '@/components/ui/select';
import { LocalTimeRange } from './local-time-range';
import type { QcFormAction } from './types';
import { parameterLabel } from '@/lib/domain/parameters';

type ErrorKey = 'VALIDATION' | 'FORBIDDEN' | 'UNAUTHORIZED' | 'NOT_FOUND' | 'CONFLICT' | 'INTERNAL' | 'RATE_LIMITED';
const ERROR_KEYS: readonly string[] = ['VALIDATION', 'FORBIDDEN', 'UNAUTHORIZED', 'NOT_FOUND', 'CONFLICT', 'INTERNAL', 'RATE_LIMITED'];
const isErrorKey = (e: string): e is ErrorKey => ERROR_KEYS.includes(e);

type Action = QcFormAction;

/** Invalidate or restore a period of a station's readings (operator, inspector, admin). Times are Vietnam local. */
export function OverlayForm({ station, parameters, action }: { station: string; parameters: string[]; action: Action }) {
  const t = useTranslations('qc');
  const locale = useLocale() === 'en' ? 'en' : 'vi';
  const [state, submit, pending] = useActionState(action, { ok: false, error: null });
  return (
    <form action={submit} className="panel" data-testid="overlay-form" aria-labelledby="overlay-form-title">
      <h2 id="overlay-form-title">{t('overlay.title')}</h2>
      <p className="muted small">{t('overlay.intro')}</p>
      <input type="hidden" name="station" value={station} />
      <fieldset style={{ border: 0, padding: 0, margin: '8px 0' }}>
        <legend className="small">{t('overlay.parameters')}</legend>
        {parameters.map((p) => (
          <label key={p} style={{ marginRight: 12 }}>
            <input type="checkbox" name="parameters" value={p} /> {parameterLabel(p, locale)}
          </label>
        ))}
      </fieldset>
      <div className="toolbar" style={{ flexWrap: 'wrap', gap: 12 }}>
        <LocalTimeRange fromLabel={t('overlay.from')} toLabel={t('overlay.to')} />
        <label>
          {t('overlay.action')}
          <br />
          <Select
            name="action"
            defaultValue="invalidate"
            options={[
              { value: 'invalidate', label: t('overlay.invalidate') },
              { value: 'restore', label: t('overlay.restore') },
            ]}
          />
        </label>
        <label style={{ flex: '1 1 240px' }}>
          {t('overlay.reason')}
          <br />
          <input className="input" name="reason" required minLength={3} maxLength={1000} style={{ width: '100%' }} />
        </label>
      </div>
      <p>
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {t('overlay.submit')}
        </button>{' '}
        {state.ok && <span role="status">{t('overlay.saved')}</span>}
        {state.error && (
          <span className="form-error" role="alert">
            {isErrorKey(state.error) ? t(`errors.${state.error}`) : state.error}
            {state.message ? `: ${state.message}` : ''}
          </span>
        )}
      </p>
    </form>
  );
}
