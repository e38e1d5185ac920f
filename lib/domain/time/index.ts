/**
 * The one time module: local time is Asia/Ho_Chi_Minh (fixed UTC+7), storage is UTC. Import from here, never from the
 * files of this folder.
 */
export { DAY_MS, HOUR_MS, LOCAL_OFFSET_MINUTES, LOCAL_TIME_ZONE, MINUTE_MS, fromLocalParts, localParts, type LocalParts } from './zone';
export {
  affectedHourEnds,
  dayLabel,
  dayRange,
  hourLabel,
  localDayBounds,
  localDayKey,
  localDayWindows,
  minutesSince,
  startOfLocalDay,
  type DayWindow,
} from './days';
export { formatDate, formatDateTime, formatDayKey, formatTime, parseLocalDate, type TimeValue } from './display';
export { formatCompactLocalTime, parseCompactLocalTime } from './compact';
export { formatIsoLocal, formatIsoLocalOrNull, isoInstant, parseIsoInstant } from './iso';
