import { createTestDatabase } from './tests/support/test-db';
const db = await createTestDatabase('demo18');
process.env.DATABASE_URL = db.url;
const { seedDemo } = await import('./lib/demo/seed');
await seedDemo({ now: new Date(), historyDays: 2, log: (l) => console.error(l) });
console.log(db.url);
process.exit(0);
