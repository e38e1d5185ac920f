export * from './engine';
export * from './review';
export {
  classifyValue,
  conditionHolds,
  DEFAULT_EPISODE_SETTINGS,
  episodeDurationMs,
  episodeSettingsFor,
  episodesOf,
  isHistorical,
  notifies,
  stepEpisode,
  type Episode,
  type EpisodeKind,
  type EpisodeSettings,
} from '../../domain/alerts/episodes';
export { configuredEpisodes, episodeConfigFrom, type EpisodeConfig } from './episode-config';
export * from './clock-fault';
