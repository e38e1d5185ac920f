'use client';
import { useTranslations } from 'next-intl';
import { useActionState, type ReactNode } from 'react';
import styles from './admin.module.css';
import type { AdminFormAction, AdminFormState } from './types';

/**
 * A form bound to an admin server action: shows the outcome under it and, when the action generated a password or
 * token, shows it once (it is not stored anywhere and cannot be shown again).
 */
export function ActionForm({
  action,
  children,
  submitLabel,
  okText,
  testId,
  layout = 'grid',
  confirmText,
  danger,
}: {
  action: AdminFormAction;
  children?: ReactNode;
  submitLabel: string;
  okText: string;
  testId?: string;
  layout?: 'grid' | 'inline';
  /** Asks before submitting (deactivations, revocations). */
  confirmText?: string;
  danger?: boolean;
}) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form
      action={submit}
      className={layout === 'grid' ? styles.formGrid : styles.inline}
      data-testid={testId}
      onSubmit={(e) => {
        if (confirmText && !window.confirm(confirmText)) e.preventDefault();
      }}
    >
      {children}
      <div>
        <button className={danger ? 'btn' : layout === 'grid' ? 'btn btn-primary' : 'btn'} type="submit" disabled={pending}>
          {submitLabel}
        </button>
      </div>
      <ActionOutcome state={state} okText={okText} wide={layout === 'grid'} />
    </form>
  );
}

export function ActionOutcome({ state, okText, wide }: { state: AdminFormState; okText: string; wide?: boolean }) {
  const t = useTranslations('adminArea');
  if (!state) return null;
  const cls = wide ? styles.wide : undefined;
  if (!state.ok) {
    return (
      <p className={`form-error ${cls ?? ''}`} role="alert">
        {t(`errors.${state.error}`)}
        {state.details ? `: ${state.details}` : ''}
      </p>
    );
  }
  return (
    <div className={cls} role="status">
      <p className="notice">{okText}</p>
      {state.secret && (
        <div className={styles.secret} data-testid="one-time-secret">
          <p>{t('secretOnce', { subject: state.subject ?? '' })}</p>
          <code className="mono">{state.secret}</code>
        </div>
      )}
    </div>
  );
}
