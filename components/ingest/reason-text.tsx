import { useTranslations } from 'next-intl';
import type { ReasonEntry } from '@/lib/dto/ingest';
import { translateReason } from './reasons';
import styles from './ingest.module.css';

/**
 * A stored reason in the user's language, translated from its code; the stored (English) text stays visible as a
 * secondary line and as the tooltip, since it is what the ledger and the API hold. Without a code: the text as stored.
 */
export function ReasonText({ reason, compact = false }: { reason: ReasonEntry; compact?: boolean }) {
  const t = useTranslations('ingest');
  const tr = useTranslations('ingestReasons');
  const translated = translateReason(reason.code);
  if (!translated) {
    return (
      <span className={styles.reason} data-reason-key="">
        {reason.text}
      </span>
    );
  }
  const text = tr(translated.key, translated.values);
  const same = text === reason.text;
  return (
    <span className={styles.reason} data-reason-key={translated.key} title={t('originalText', { text: reason.text })}>
      <span>{text}</span>
      {!same && !compact && <span className={styles.reasonOriginal}>{reason.text}</span>}
    </span>
  );
}

/** A file's reasons, one per line (nothing when there are none). */
export function ReasonList({ reasons }: { reasons: readonly ReasonEntry[] }) {
  if (reasons.length === 0) return null;
  return (
    <ul className={styles.reasonList}>
      {reasons.map((r, i) => (
        <li key={i}>
          <ReasonText reason={r} />
        </li>
      ))}
    </ul>
  );
}
