// Entry of the ingest thread (worker/ingest-host.ts). On Node 20 a thread does not get the `--import tsx` loader of
// the process (and vitest has none), so tsx's loader is registered here before the TypeScript module is imported.
import { register } from 'tsx/esm/api';

register();
await import('./ingest-thread.ts');
