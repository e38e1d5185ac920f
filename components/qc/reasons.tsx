import { useTranslations } from 'next-intl';

/** Reason codes with a label in messages (qc.reasons): QC's own plus ingest's clock_ahead. */
const REASON_KEYS = [
  'gross_range_fail', 'gross_range_suspect', 'flat_line_fail', 'flat_line_suspect', 'spike_fail', 'spike_suspect',
  'rate_of_change_fail', 'rate_of_change', 'zero', 'missing', 'device_calibrating', 'device_error', 'device_maintenance', 'clock_ahead',
] as const;
type ReasonKey = (typeof REASON_KEYS)[number];
const isReasonKey = (r: string): r is ReasonKey => (REASON_KEYS as readonly string[]).includes(r);

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
