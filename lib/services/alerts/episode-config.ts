/**
 * Episode settings from configuration (lib/env.ts ALERT_*): defaults for every station kind plus per-kind overrides
 * from ALERT_EPISODES_BY_KIND (JSON, minutes). Used by the engine when the caller gives no settings of its own.
 */
import { z } from 'zod';
import { DEFAULT_EPISODE_SETTINGS, type EpisodeSettings } from '../../domain/alerts/episodes';
import { STATION_KINDS, type StationKind } from '../../domain/parameters';
import { env, type Env } from '../../env';

const MIN = 60_000;

const kindOverride = z
  .object({
    clearMinutes: z.number().nonnegative().optional(),
    confirmRun: z.number().int().positive().optional(),
    approachingMinMinutes: z.number().nonnegative().optional(),
    historicalHours: z.number().positive().optional(),
  })
  .strict();

export type EpisodeConfig = { base: EpisodeSettings; byKind: Partial<Record<StationKind, Partial<EpisodeSettings>>> };

type EpisodeEnv = Pick<Env, 'ALERT_CLEAR_MINUTES' | 'ALERT_CONFIRM_RUN' | 'ALERT_APPROACHING_MIN_MINUTES' | 'ALERT_HISTORICAL_HOURS' | 'ALERT_EPISODES_BY_KIND'>;

/** Parses the configuration; a malformed ALERT_EPISODES_BY_KIND throws with the reason (fail at start, not silently). */
export function episodeConfigFrom(e: EpisodeEnv): EpisodeConfig {
  const base: EpisodeSettings = {
    ...DEFAULT_EPISODE_SETTINGS,
    clearMs: e.ALERT_CLEAR_MINUTES * MIN,
    confirmRun: e.ALERT_CONFIRM_RUN,
    approachingMinMs: e.ALERT_APPROACHING_MIN_MINUTES * MIN,
    historicalAfterMs: e.ALERT_HISTORICAL_HOURS * 60 * MIN,
  };
  const byKind: EpisodeConfig['byKind'] = {};
  if (e.ALERT_EPISODES_BY_KIND) {
    const parsed = z.partialRecord(z.enum(STATION_KINDS), kindOverride).parse(JSON.parse(e.ALERT_EPISODES_BY_KIND));
    for (const kind of STATION_KINDS) {
      const o = parsed[kind];
      if (!o) continue;
      byKind[kind] = {
        ...(o.clearMinutes !== undefined ? { clearMs: o.clearMinutes * MIN } : {}),
        ...(o.confirmRun !== undefined ? { confirmRun: o.confirmRun } : {}),
        ...(o.approachingMinMinutes !== undefined ? { approachingMinMs: o.approachingMinMinutes * MIN } : {}),
        ...(o.historicalHours !== undefined ? { historicalAfterMs: o.historicalHours * 60 * MIN } : {}),
      };
    }
  }
  return { base, byKind };
}

/** The configured episode settings (process environment). */
export function configuredEpisodes(): EpisodeConfig {
  return episodeConfigFrom(env());
}
