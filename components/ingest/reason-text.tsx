import { useLocale, useTranslations } from 'next-intl';
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
  const locale = useLocale() === 'en' ? 'en' : 'vi';
  const translated = translateReason(reason.code, locale);
  if (!translated) {
    return (
      <span className={styles.reason} data-reason-key="">
        {reason.text}
      </span>
    );
  }
  const text = tr(translated.key, translated.values);
  // The stored (English) text only on an English page, where it may differ in detail; a Vietnamese page stays
  // Vietnamese (the stored text remains in the tooltip and the API).
  const same = text === reason.text;
  return (
    <span className={styles.reason} data-reason-key={translated.key} title={t('originalText', { text: reason.text })}>
      <span>{text}</span>
      {!same && !compact && locale === 'en' && <span className={styles.reasonOriginal}>{reason.text}</span>}
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
