import { formatDateTime, formatDayKey } from '@/lib/domain/time';
import { outageSegments } from './outage-segments';
import styles from './charts.module.css';

/**
 * A station's outages on one line over the shown days (oldest left): a red bar per outage (striped while open), a tick
 * per local day. Each bar's title gives its start, end and length.
 */
export function OutageTimeline({
  outages,
  days,
  now,
  labels,
}: {
  outages: readonly { startedAt: string; endedAt: string | null; minutes: number }[];
  /** The local days shown, each with its start (ms), in any order. */
  days: readonly { day: string; start: number }[];
  now: number;
  labels: { title: string; none: string; ongoing: string; duration: (minutes: number) => string };
}) {
  const sorted = [...days].sort((a, b) => a.start - b.start);
  if (sorted.length === 0) return null;
  const from = sorted[0]!.start;
  const to = sorted[sorted.length - 1]!.start + 86_400_000;
  const segments = outageSegments(outages, from, to, now);
  const byStart = new Map(outages.map((o) => [Date.parse(o.startedAt), o]));
  const every = Math.max(1, Math.ceil(sorted.length / 8));
  return (
    <figure className={styles.timeline} data-testid="outage-timeline" data-outages={segments.length} aria-label={labels.title}>
      <div className={styles.timelineBar}>
        {sorted.map((d, i) => (
          <span key={d.day} className={styles.timelineTick} style={{ left: `${(i / sorted.length) * 100}%` }} aria-hidden />
        ))}
        {segments.map((s) => {
          const o = byStart.get(s.start);
          const text = `${formatDateTime(s.start)} – ${o?.endedAt ? formatDateTime(o.endedAt) : labels.ongoing} (${labels.duration(o?.minutes ?? Math.round((s.end - s.start) / 60_000))})`;
          return (
            <span
              key={s.start}
              className={s.open ? `${styles.timelineOutage} ${styles.timelineOpen}` : styles.timelineOutage}
              style={{ left: `${s.left}%`, width: `max(${s.width}%, 2px)` }}
              title={text}
              data-outage={s.open ? 'open' : 'closed'}
            />
          );
        })}
      </div>
      <div className={styles.timelineDays} aria-hidden>
        {sorted.map((d, i) =>
          i % every === 0 ? (
            <span key={d.day} style={{ left: `${(i / sorted.length) * 100}%` }}>
              {formatDayKey(d.day).slice(0, 5)}
            </span>
          ) : null,
        )}
      </div>
      {segments.length === 0 && <figcaption className="small muted">{labels.none}</figcaption>}
    </figure>
  );
}
