/**
 * Runs the embedded PostgreSQL for the launcher in a process group of its own, so a terminal's Ctrl-C reaches the
 * launcher (which stops web and worker first) and not the database. Prints `READY <url>`; SIGTERM stops it cleanly.
 */
import { env } from '../lib/env';
import { startEmbeddedPostgres } from '../lib/db/embedded';

const cfg = env();
const db = await startEmbeddedPostgres({ dataDir: cfg.dataDir, port: cfg.EMBEDDED_PG_PORT, log: (l) => console.error(l) });
console.log(`READY ${db.url}`);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await db.stop().catch((e: unknown) => console.error(`stopping PostgreSQL failed: ${String(e)}`));
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
setInterval(() => undefined, 1 << 30);
