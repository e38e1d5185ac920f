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
