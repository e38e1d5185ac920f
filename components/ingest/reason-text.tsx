import { useTranslations } from 'next-intl';
import { translateReason } from './reasons';
import styles from './ingest.module.css';

/**
 * A stored (English) reason in the user's language; the original text stays visible as a secondary line and as the
 * tooltip, since it is what the ledger and the API hold.
 */
export function ReasonText({ reason, compact = false }: { reason: string; compact?: boolean }) {
  const t = useTranslations('ingest');
  const tr = translateReason(reason);
  if (!tr) {
    return (
      <span className={styles.reason} data-reason-key="">
        {reason}
      </span>
    );
  }
  const text = t(`reason.${tr.key}`, tr.values);
  const same = text === reason;
  return (
    <span className={styles.reason} data-reason-key={tr.key} title={t('originalText', { text: reason })}>
      <span>{text}</span>
      {!same && !compact && <span className={styles.reasonOriginal}>{reason}</span>}
    </span>
  );
}
