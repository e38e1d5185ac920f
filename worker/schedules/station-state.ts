import type { Schedule } from '../job-loop';
import { refreshStationStates } from '../../lib/services/stations';

/** Every minute: station states → outage log (open/close), daily receipt roll-up (DOMAIN.md §7). */
export const stationStateSchedule: Schedule = {
  name: 'station-state',
  everyMs: 60_000,
  run: async (ctx) => {
    const r = await refreshStationStates(ctx.now());
    if (r.opened || r.closed) ctx.log(`station-state: ${r.opened} outage(s) opened, ${r.closed} closed (${r.stations} stations)`);
  },
};
