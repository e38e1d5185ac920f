'use client';
import { useActionState, type ReactNode } from 'react';
import { ActionMessage } from './action-message';
import styles from './limits-admin.module.css';
import type { AdminFormAction, AdminResult } from './types';

/** A row's action: its hidden fields, any inputs (`children`), one button, and the outcome beside it. */
export function RowActionForm({
  action,
  fields,
  label,
  okText,
  children,
}: {
  action: AdminFormAction;
  fields: Record<string, string | number>;
  label: string;
  okText: string;
  children?: ReactNode;
}) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} className={styles.inline}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button className="btn" type="submit" disabled={pending}>
        {label}
      </button>
      <ActionMessage state={state} okText={okText} />
    </form>
  );
}

/** The end of a form grid: the primary button, then a full-width line with the hint and the outcome. */
export function FormFooter({
  label,
  pending,
  hint,
  state,
  okText,
}: {
  label: string;
  pending: boolean;
  hint?: string;
  state: AdminResult;
  okText: string;
}) {
  return (
    <>
      <div>
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {label}
        </button>
      </div>
      <div className={styles.wide}>
        {hint && <p className="muted small">{hint}</p>}
        <ActionMessage state={state} okText={okText} />
      </div>
    </>
  );
}
