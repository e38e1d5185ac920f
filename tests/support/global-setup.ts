import type { TestProject } from 'vitest/node';
import { createTestDatabase } from './test-db';

/**
 * Integration tests run against a real PostgreSQL: DATABASE_URL's server when set, else an embedded one. Each run gets
 * a fresh database with all migrations applied, dropped at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const db = await createTestDatabase('it');
  process.env.DATABASE_URL = db.url;
  project.provide('databaseUrl', db.url);
  return db.dispose;
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
