import { useTranslations } from 'next-intl';
import type { LedgerEntry } from '@/lib/dto/ingest';

export type Outcome = LedgerEntry['outcome'];
export const OUTCOMES: readonly Outcome[] = ['accepted', 'partial', 'rejected', 'duplicate'];

/** Bar and tile colours per outcome (the badge colours of globals.css, a shade stronger for bars). */
export const OUTCOME_COLORS: Record<Outcome, string> = {
  accepted: '#1DCE6C',
  partial: '#F08432',
  rejected: '#EA3223',
  duplicate: '#5B8DD6',
};

export function IngestOutcomeBadge({ outcome }: { outcome: Outcome }) {
  const t = useTranslations('ingest.outcomes');
  return (
    <span className={`badge badge-${outcome}`} data-outcome={outcome}>
      {t(outcome)}
    </span>
  );
}
