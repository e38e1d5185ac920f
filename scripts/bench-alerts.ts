/**
 * `npm run bench:alerts` — alert volume figures of issue #16, pure (no database): the demo network's week as
 * lib/demo/simulation generates it, run through the 5-minute alert rules of main ("before": a reading-by-reading
 * alert that closes at the first clear value, approaching for any value that is not good) and through the episode
 * rules of lib/domain/alerts/episodes.ts ("after"). Prints alerts per station-day and notifications per subscribed
 * user (every station, every kind) before/after, and a burst: 300 stations exceeding within one minute, delivered
 * through the digest rule (digestDue, the one lib/db/notifications uses) → messages per user per window.
 * Options: --days N (default 7).
 */
import { classifyValue, conditionHolds, DEFAULT_EPISODE_SETTINGS, digestDue, episodesOf, type EpisodeKind } from '../lib/domain/alerts/episodes';
import { earlyWarningLevel, instantExceedance, DEFAULT_INSTANT_RUN } from '../lib/domain/verdicts';
import { demoSimStations } from '../lib/demo/network';
import { floorToSlot, generateReadings, slotRng, slotTimes } from '../lib/demo/simulation';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : def;
  return Number.isFinite(v) && v > 0 ? v : def;
};

const DAYS = arg('days', 7);
const MIN = 60_000;
const S = DEFAULT_EPISODE_SETTINGS;
const DIGEST_MS = 10 * MIN;
const REPEAT_QUIET_MS = 60 * MIN;

type Point = { at: number; value: number; valid: boolean };

/** Main's rules: one alert per run of consecutive hits; each opening notifies, repeats after 60 quiet minutes too. */
function before(points: readonly Point[], bounds: { min: number | null; max: number | null }) {
  let alerts = 0;
  let notes = 0;
  for (const kind of ['approaching', 'instant_exceedance'] as const) {
    let open = false;
    let lastNote = -Infinity;
    points.forEach((p, i) => {
      let hit: boolean | null;
      if (kind === 'approaching') {
        const level = earlyWarningLevel({ value: p.value, valid: p.valid, bounds });
        hit = level === null ? null : level !== 'good';
      } else {
        hit = instantExceedance(points.slice(Math.max(0, i - 20), i + 1), bounds, DEFAULT_INSTANT_RUN);
      }
      if (hit === null) return;
      if (hit && !open) {
        open = true;
        alerts++;
        notes++;
        lastNote = p.at;
      } else if (hit && p.at - lastNote >= REPEAT_QUIET_MS) {
        notes++;
        lastNote = p.at;
      } else if (!hit) open = false;
    });
  }
  return { alerts, notes };
}

/** The episode rules: alerts = episodes; notifications = confirmed episodes (nothing is historical in a live week). */
function after(points: readonly Point[], bounds: { min: number | null; max: number | null }) {
  let alerts = 0;
  const confirmedAt: number[] = [];
  for (const kind of ['approaching', 'instant_exceedance'] as EpisodeKind[]) {
    const samples = points.map((p) => ({ at: p.at, value: p.value, hit: conditionHolds(kind, classifyValue(p.value, p.valid, bounds)) }));
    const lowIsWorse = bounds.min !== null && bounds.max === null;
    for (const e of episodesOf(kind, samples, S, lowIsWorse)) {
      alerts++;
      if (e.episode.confirmedAt !== null) confirmedAt.push(e.episode.confirmedAt);
    }
  }
  return { alerts, confirmedAt };
}

/** Messages one recipient receives for notifications created at `times` under the digest window. */
function digestMessages(times: readonly number[], windowMs: number): { messages: number; maxPerWindow: number } {
  const dues: number[] = [];
  let last: number | null = null;
  for (const t of [...times].sort((a, b) => a - b)) {
    const due = digestDue(last, t, windowMs);
    last = due;
    dues.push(due);
  }
  const sent = [...new Set(dues)].sort((a, b) => a - b);
  let maxPerWindow = 0;
  for (const s of sent) maxPerWindow = Math.max(maxPerWindow, sent.filter((x) => x >= s && x < s + windowMs).length);
  return { messages: sent.length, maxPerWindow };
}

function main(): void {
  const stations = demoSimStations();
  const end = floorToSlot(new Date('2026-12-07T17:00:00Z'));
  const start = new Date(end.getTime() - DAYS * 86_400_000);
  const slots = slotTimes(start, end);
  let beforeAlerts = 0;
  let beforeNotes = 0;
  let afterAlerts = 0;
  const afterTimes: number[] = [];
  for (const st of stations) {
    const series = new Map<string, Point[]>();
    for (const t of slots) {
      const slot = generateReadings(st, t, slotRng(st, t));
      for (const r of slot.readings) {
        if (r.text !== undefined || r.extra) continue;
        series.set(r.parameter, [...(series.get(r.parameter) ?? []), { at: t.getTime(), value: r.value, valid: r.status === '00' }]);
      }
    }
    for (const p of st.parameters) {
      if (p.limitMax == null && p.limitMin == null) continue;
      const bounds = { min: p.limitMin ?? null, max: p.limitMax ?? null };
      const points = series.get(p.code) ?? [];
      const b = before(points, bounds);
      beforeAlerts += b.alerts;
      beforeNotes += b.notes;
      const a = after(points, bounds);
      afterAlerts += a.alerts;
      afterTimes.push(...a.confirmedAt);
    }
  }
  const stationDays = stations.length * DAYS;
  const afterDigest = digestMessages(afterTimes, DIGEST_MS);
  console.log(`bench:alerts — demo network: ${stations.length} stations × ${DAYS} days (${stationDays} station-days), 5-minute rules (approaching + instant exceedance)`);
  console.log(`  alerts per station-day:          before ${(beforeAlerts / stationDays).toFixed(2)} (${beforeAlerts})   after ${(afterAlerts / stationDays).toFixed(2)} (${afterAlerts})`);
  console.log(`  notifications per subscribed user: before ${beforeNotes}   after ${afterTimes.length} confirmed → ${afterDigest.messages} e-mail/webhook messages with the 10-min digest`);

  // Burst: 300 stations exceed within one minute (confirmed at once), one user subscribed to all of them.
  const t0 = end.getTime();
  const burst = Array.from({ length: 300 }, (_, i) => t0 + Math.floor((i * 60_000) / 300));
  const noDigest = digestMessages(burst, 0);
  const withDigest = digestMessages(burst, DIGEST_MS);
  console.log(`  burst of 300 stations in 1 min:  without digest ${noDigest.messages} messages per user; with the 10-min digest ${withDigest.messages} (at most ${withDigest.maxPerWindow} per window)`);
  if (withDigest.maxPerWindow > 1) {
    console.error('FAIL: more than one message per user per digest window');
    process.exitCode = 1;
  }
}

main();
