/**
 * Data for the ingest monitor spec: the two facilities, operator and facility user of createUiFixture, plus files sent
 * through the real pipeline (ingestFile) into the configured raw store (DATA_DIR, shared with the web server):
 * one accepted, one partial (a non-numeric line), one rejected for the other facility and one that conflicts.
 * Also runnable on its own to fill a development database: `DATABASE_URL=… npx tsx e2e/fixtures-ingest.ts`.
 */
import { listReadingConflicts } from '../lib/db/conflicts';
import { pool } from '../lib/db/client';
import { formatCompactLocalTime } from '../lib/domain/time';
import { ingestFile, type IngestResult } from '../lib/services/ingest';
import { closeFixtureDb, createUiFixture, PASSWORD, type UiFixture } from './fixtures';

export type IngestFixtureFile = { id: number; name: string; bytes: Buffer; result: IngestResult };

export type IngestFixture = UiFixture & {
  accepted: IngestFixtureFile;
  partial: IngestFixtureFile;
  /** Facility B's file: a facility user of A must not reach it. */
  rejectedOther: IngestFixtureFile;
  conflicting: IngestFixtureFile;
  conflictId: number;
};

async function send(name: string, text: string, opts: { account: string; address: string }): Promise<IngestFixtureFile> {
  const bytes = Buffer.from(text, 'utf8');
  const result = await ingestFile({ name, bytes, source: 'ftp', account: opts.account, remoteAddress: opts.address });
  return { id: result.fileId, name, bytes, result };
}

function expectOutcome(f: IngestFixtureFile, outcome: IngestResult['outcome']): void {
  if (f.result.outcome !== outcome) {
    throw new Error(`fixture: ${f.name} is ${f.result.outcome}, expected ${outcome} (${JSON.stringify(f.result)})`);
  }
}

export async function createIngestFixture(now: Date = new Date()): Promise<IngestFixture> {
  const ui = await createUiFixture();
  const a1 = ui.facilityA.stations[0];
  const b1 = ui.facilityB.stations[0];
  if (!a1 || !b1) throw new Error('fixture: both facilities need a station');
  const slot = Math.floor(now.getTime() / 300_000) * 300_000;
  const t0 = formatCompactLocalTime(new Date(slot - 20 * 60_000));
  const t1 = formatCompactLocalTime(new Date(slot - 15 * 60_000));
  const t2 = formatCompactLocalTime(new Date(slot - 10 * 60_000));
  const from = { account: `ftp_${ui.facilityA.code.toLowerCase()}`, address: '10.20.30.41' };

  const accepted = await send(`BN_${a1.fileCode}_${t0}.txt`, `COD\t45.30\tmg/L\t${t0}\t00\nPH\t7.12\t-\t${t0}\t00\n`, from);
  // CRLF and a bad value on line 2: the download must give back these exact bytes.
  const partial = await send(
    `BN_${a1.fileCode}_${t1}.txt`,
    `COD\t46.10\tmg/L\t${t1}\t00\r\nTSS\tabc\tmg/L\t${t1}\t00\r\nPH\t7.05\t-\t${t1}\t00\r\n`,
    from,
  );
  const rejectedOther = await send(
    `BN_${b1.fileCode}_${t2}.txt`,
    `XYZ\t1.00\tmg/L\t${t2}\t00\nQQQ\t2.00\tmg/L\t${t2}\t00\n`,
    { account: `ftp_${ui.facilityB.code.toLowerCase()}`, address: '10.20.30.42' },
  );
  // The logger re-sends t0 with another COD value: the first value stays, a conflict is recorded.
  const conflicting = await send(`BN_${a1.fileCode}_${t0}.txt`, `COD\t99.90\tmg/L\t${t0}\t00\n`, from);
  expectOutcome(accepted, 'accepted');
  expectOutcome(partial, 'partial');
  expectOutcome(rejectedOther, 'rejected');
  expectOutcome(conflicting, 'rejected');
  const conflicts = await listReadingConflicts({ stationId: a1.id, unresolvedOnly: true, limit: 10 });
  const conflict = conflicts.find((c) => c.fileId === conflicting.id);
  if (!conflict) throw new Error('fixture: the conflict was not recorded');
  return { ...ui, accepted, partial, rejectedOther, conflicting, conflictId: conflict.id };
}

/** Reviewer and time of a conflict, and the matching audit rows (for assertions). */
export async function conflictReview(id: number): Promise<{ resolvedBy: string | null; resolvedAt: Date | null; audits: number }> {
  const c = await pool().query<{ resolved_by: string | null; resolved_at: Date | null }>(
    'SELECT resolved_by, resolved_at FROM reading_conflict WHERE id = $1',
    [id],
  );
  const a = await pool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'reading_conflict' AND entity_id = $1`,
    [String(id)],
  );
  return { resolvedBy: c.rows[0]?.resolved_by ?? null, resolvedAt: c.rows[0]?.resolved_at ?? null, audits: a.rows[0]?.n ?? 0 };
}


// Standalone: fill a development database.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const f = await createIngestFixture();
  console.log(
    JSON.stringify(
      {
        password: PASSWORD,
        operator: f.operator.email,
        facilityUser: f.facilityUser.email,
        files: { accepted: f.accepted.id, partial: f.partial.id, rejectedOther: f.rejectedOther.id, conflicting: f.conflicting.id },
        conflictId: f.conflictId,
      },
      null,
      2,
    ),
  );
  await closeFixtureDb();
}
