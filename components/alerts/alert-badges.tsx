import { useTranslations } from 'next-intl';
import { DISPOSITION_CLASS, STATE_CLASS } from './format';

export type AlertStateName = 'open' | 'acknowledged' | 'resolved';
export type DispositionName = 'pending_review' | 'confirmed_violation' | 'equipment_fault' | 'calibration' | 'false_alarm';

export function AlertStateBadge({ state }: { state: AlertStateName }) {
  const t = useTranslations('alerts.states');
  return (
    <span className={STATE_CLASS[state]} data-alert-state={state}>
      {t(state)}
    </span>
  );
}

export function DispositionBadge({ disposition }: { disposition: DispositionName | null }) {
  const t = useTranslations('alerts.dispositions');
  if (!disposition) return <span className="muted">—</span>;
  return (
    <span className={DISPOSITION_CLASS[disposition]} data-disposition={disposition}>
      {t(disposition)}
    </span>
  );
}
