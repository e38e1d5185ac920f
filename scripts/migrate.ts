/** `npm run migrate`: applies prisma/migrations to DATABASE_URL (the embedded server when started via npm start). */
import 'dotenv/config';
import { env } from '../lib/env';
import { applyMigrations } from '../lib/db/migrate';

const url = env().DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set; `npm start` migrates the embedded database by itself.');
  process.exit(2);
}
const report = await applyMigrations(url);
console.log(`migrations applied: ${report.applied.length}, already applied: ${report.alreadyApplied.length}`);
for (const name of report.applied) console.log(`  + ${name}`);
