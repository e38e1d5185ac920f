/**
 * Data files as stations send them and the ingest ledger as tests read it back. Used by the FTP, watched-folder and
 * command-line tests; each test names its own station, so rows never mix between tests.
 */
import { pool } from '../../lib/db/client';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** yyyyMMddHHmm00, the local time written in file names and lines. */
export function compactStamp(year: number, month: number, day: number, hour: number, minute: number): string {
  return `${year}${pad2(month)}${pad2(day)}${pad2(hour)}${pad2(minute)}00`;
}

/** Units as loggers write them in files (the station's own may differ: pH → -, m3/h → m³/h). */
const FILE_UNITS: Readonly<Record<string, string>> = { COD: 'mg/L', TSS: 'mg/L', NH4: 'mg/L', PH: 'pH', FLOW: 'm3/h' };

export type DataFile = { name: string; lines: string[]; content: string };

/**
 * A Circular 10/2021 file `BG_<fileCode>_<stamp>.txt`: one tab-separated line per parameter (value as given, device
 * status 00), CRLF line ends.
 */
export function dataFile(fileCode: string, stamp: string, values: Readonly<Record<string, string | number>>): DataFile {
  const lines = Object.entries(values).map(([p, v]) => `${p}\t${v}\t${FILE_UNITS[p] ?? '-'}\t${stamp}\t00`);
  return { name: `BG_${fileCode}_${stamp}.txt`, lines, content: lines.join('\r\n') + '\r\n' };
}

export type LedgerRow = {
  id: number;
  name: string;
  source: string;
  account: string | null;
  outcome: string;
  reasons: string[];
  station_id: number | null;
  reading_count: number;
};

/** Every ledger row recorded under this file name, oldest first. */
export async function ledgerRows(name: string): Promise<LedgerRow[]> {
  const r = await pool().query<LedgerRow>(
    'SELECT id, name, source, account, outcome, reasons, station_id, reading_count FROM ingest_file WHERE name = $1 ORDER BY id',
    [name],
  );
  return r.rows;
}

/** The newest ledger row of this file name, or null. */
export async function ledgerRow(name: string): Promise<LedgerRow | null> {
  return (await ledgerRows(name)).at(-1) ?? null;
}

export async function readingCount(stationId: number): Promise<number> {
  const r = await pool().query<{ n: string }>('SELECT count(*) AS n FROM reading WHERE station_id = $1', [stationId]);
  return Number(r.rows[0]?.n ?? 0);
}
