'use client';
import { useTranslations } from 'next-intl';
import type { ActionResult } from './types';

export function ActionMessage({ state, okText }: { state: ActionResult; okText: string }) {
  const t = useTranslations('forwarding');
  if (!state) return null;
  if (state.ok) return <p className="notice" role="status">{okText}</p>;
  return (
    <p className="form-error" role="alert">
      {t(`errors.${state.error === 'RATE_LIMITED' ? 'INTERNAL' : state.error}`, { details: state.details })}
    </p>
  );
}
