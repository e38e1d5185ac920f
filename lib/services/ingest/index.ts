export * from './ingest-file';
export * from './ledger';
export * from './raw-store';
