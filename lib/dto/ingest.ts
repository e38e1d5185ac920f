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
