import { useTranslations } from 'next-intl';
import type { AlertState, Disposition } from '@/lib/domain/alerts/lifecycle';
import { DISPOSITION_CLASS, STATE_CLASS } from './format';

export function AlertStateBadge({ state }: { state: AlertState }) {
  const t = useTranslations('alerts.states');
  return (
    <span className={STATE_CLASS[state]} data-alert-state={state}>
      {t(state)}
    </span>
  );
}

export function DispositionBadge({ disposition }: { disposition: Disposition | null }) {
  const t = useTranslations('alerts.dispositions');
  if (!disposition) return <span className="muted">—</span>;
  return (
    <span className={DISPOSITION_CLASS[disposition]} data-disposition={disposition}>
      {t(disposition)}
    </span>
  );
}
