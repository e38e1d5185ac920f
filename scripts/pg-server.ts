/**
 * Runs the embedded PostgreSQL for the launcher in a process group of its own, so a terminal's Ctrl-C reaches the
 * launcher (which stops web and worker first) and not the database. Prints `READY <url>`; SIGTERM or SIGINT stops it
 * cleanly, and so does the end of the launcher that started it (killed without a chance to stop it), so that no
 * PostgreSQL is ever left running after `npm start` has gone.
 */
import { env } from '../lib/env';
import { startEmbeddedPostgres } from '../lib/db/embedded';

const cfg = env();
const parent = process.ppid;
let stopping = false;
let stopDb: () => Promise<void> = async () => undefined;
const stop = async (why: string) => {
  if (stopping) return;
  stopping = true;
  console.error(`stopping PostgreSQL (${why})`);
  await stopDb().catch((e: unknown) => console.error(`stopping PostgreSQL failed: ${String(e)}`));
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGHUP', () => void stop('SIGHUP'));

const db = await startEmbeddedPostgres({ dataDir: cfg.dataDir, port: cfg.EMBEDDED_PG_PORT, log: (l) => console.error(l) });
stopDb = db.stop;
console.log(`READY ${db.url}`);

/** The launcher is gone when signal 0 to its pid fails (or we were re-parented). */
const parentGone = (): boolean => {
  if (process.ppid !== parent) return true;
  try {
    process.kill(parent, 0);
    return false;
  } catch {
    return true;
  }
};
setInterval(() => {
  if (parentGone()) void stop('the launcher has exited');
}, 1000);
