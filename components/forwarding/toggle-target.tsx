'use client';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import type { ActionResult } from './types';

export function ToggleTarget({ id, enabled, action }: { id: number; enabled: boolean; action: (id: number, enabled: boolean) => Promise<ActionResult> }) {
  const t = useTranslations('forwarding');
  const [pending, start] = useTransition();
  return (
    <button type="button" className="btn" disabled={pending} onClick={() => start(async () => void (await action(id, !enabled)))}>
      {enabled ? t('disable') : t('enable')}
    </button>
  );
}
