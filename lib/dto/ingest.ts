import type { IngestOutcome } from '../db/ingest-files';
import type { StoredReason } from '../domain/ingest/reasons';

/** Ingest page DTOs shared by server/queries (which builds them) and components (which show them). Times ISO +07:00. */
export type ConflictEntry = {
  id: number;
  stationCode: string | null;
  stationName: string | null;
  parameter: string;
  time: string;
  storedValue: number;
  newValue: number;
  fileId: number | null;
  fileName: string | null;
  receivedAt: string;
};

/** A reason as shown: the stored English text and, for files recorded since reasons have codes, its code. */
export type ReasonEntry = { text: string; code: StoredReason | null };

/** A file of the ingest ledger as the ledger table shows it (server/queries/ingest builds it). */
export type LedgerEntry = {
  id: number;
  name: string;
  stationCode: string | null;
  stationName: string | null;
  receivedAt: string;
  source: string;
  account: string | null;
  remoteAddress: string | null;
  outcome: IngestOutcome;
  reasons: ReasonEntry[];
  readingCount: number;
  rejectedLineCount: number;
};

/** A file as its detail page shows it: the ledger entry with its size and hash. */
export type IngestFileDto = Omit<LedgerEntry, 'rejectedLineCount'> & { size: number; sha256: string };
