/** `npm run worker` (started by the launcher with DATABASE_URL set). Ctrl-C / SIGTERM stop it cleanly. */
import 'dotenv/config';
import { disconnectDb } from '../lib/db/client';
import { env } from '../lib/env';
import { startMonthlyReports } from './monthly-reports';
import { startWorker } from './worker';

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const worker = await startWorker({ log });
  const monthlyReports = startMonthlyReports({ env: env(), log });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`worker: ${signal} received, stopping`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    Promise.all([worker.stop(), monthlyReports.stop()])
      .then(() => disconnectDb())
      .then(
        () => process.exit(0),
        (e: unknown) => {
          log(`worker: error while stopping: ${e instanceof Error ? e.message : String(e)}`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  // A stray rejection (e.g. a client dropping mid-command) must not stop the receiver for everyone else.
  process.on('unhandledRejection', (e) =>
    log(`worker: unhandled rejection: ${e instanceof Error ? e.message : String(e)}`),
  );
}

main().catch(async (e: unknown) => {
  console.error(`worker: failed to start: ${e instanceof Error ? e.message : String(e)}`);
  await disconnectDb().catch(() => undefined);
  process.exit(1);
});
