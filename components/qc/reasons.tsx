import { useTranslations } from 'next-intl';
import { ingestReason } from '@/lib/domain/ingest/reasons';
import { QC_REASONS } from '@/lib/domain/qc/run-qc';

/** Reason codes a reading carries, each with a label in messages (qc.reasons): QC's own plus ingest's clock_ahead. */
export const READING_REASON_KEYS = [...QC_REASONS, ingestReason('clock_ahead').code] as const;
type ReasonKey = (typeof READING_REASON_KEYS)[number];
const isReasonKey = (r: string): r is ReasonKey => (READING_REASON_KEYS as readonly string[]).includes(r);

/** QC reason codes as readable labels (unknown codes shown as they are). */
export function QcReasons({ reasons }: { reasons: readonly string[] }) {
  const t = useTranslations('qc.reasons');
  if (reasons.length === 0) return <span className="muted">–</span>;
  return (
    <span className="reasons">
      {reasons.map((r) => (
        <span key={r} className="badge badge-neutral" title={r} style={{ marginRight: 4 }}>
          {isReasonKey(r) ? t(r) : r}
        </span>
      ))}
    </span>
  );
}

export function QcFlagBadge({ flag, label }: { flag: string; label: string }) {
  const cls = flag === 'fail' ? 'badge badge-rejected' : flag === 'suspect' ? 'badge badge-warn' : flag === 'good' ? 'badge badge-accepted' : 'badge badge-neutral';
  return (
    <span className={cls} data-flag={flag}>
      {label}
    </span>
  );
}
