'use client';
import { useTranslations } from 'next-intl';
import type { AdminResult } from './types';

/** The outcome of an admin form: a status line, or the translated error with its details. */
export function ActionMessage({ state, okText }: { state: AdminResult; okText: string }) {
  const t = useTranslations('limitsAdmin');
  if (!state) return null;
  if (state.ok) return <p className="notice" role="status">{okText}</p>;
  return (
    <p className="form-error" role="alert">
      {t(`errors.${state.error}`, { details: state.details })}
    </p>
  );
}
