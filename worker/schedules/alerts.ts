/** Alert schedules: offline / back online every minute (the derived job covers everything data-driven). */
import { evaluateConnectivity } from '../../lib/services/alerts';
import { ensureBuiltinLimits } from '../../lib/services/limits';
import type { Schedule } from '../job-loop';

let seeded = false;

export const alertSchedules: Schedule[] = [
  {
    name: 'alerts.connectivity',
    everyMs: 60_000,
    run: async (ctx) => {
      if (!seeded) {
        await ensureBuiltinLimits();
        seeded = true;
      }
      const s = await evaluateConnectivity({ now: ctx.now() });
      if (s.opened + s.resolved > 0) ctx.log(`alerts: offline opened ${s.opened}, back online ${s.resolved}`);
    },
  },
];
