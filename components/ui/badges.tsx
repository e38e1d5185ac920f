import { useTranslations } from 'next-intl';
import { DEFAULT_STATE_COLORS, type StationState } from '@/lib/domain/stations/states';

export function StateBadge({ state }: { state: StationState }) {
  const t = useTranslations('states');
  return (
    <span className="badge badge-neutral" data-state={state}>
      <span className="badge-dot" style={{ background: DEFAULT_STATE_COLORS[state] }} aria-hidden />
      {t(state)}
    </span>
  );
}

export type Outcome = 'accepted' | 'partial' | 'rejected' | 'duplicate';

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const t = useTranslations('outcomes');
  return (
    <span className={`badge badge-${outcome}`} data-outcome={outcome}>
      {t(outcome)}
    </span>
  );
}
