/**
 * Forwarding fixture for the browser spec: a target (its password sealed under a throw-away key: the UI never
 * decrypts it) and two accepted files of a fixture station queued for it. The target is then disabled so no running
 * worker touches its jobs and the counts stay as created (received 2, pending 2).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createForwardTarget, updateForwardTarget } from '../lib/db/forwarding';
import { DEFAULT_PATH_TEMPLATE } from '../lib/domain/forward-path';
import { formatCompactLocalTime } from '../lib/domain/time';
import { ingestFile } from '../lib/services/ingest';
import { sealSecret } from '../lib/services/forwarding';
import type { FixtureStation } from './fixtures';

export type ForwardingFixture = { targetId: number; targetName: string; files: number };

export async function createForwardingFixture(runId: string, station: FixtureStation, now: Date = new Date()): Promise<ForwardingFixture> {
  const targetName = `Bộ NN&MT ${runId}`;
  const target = await createForwardTarget({
    name: targetName,
    protocol: 'ftp',
    host: '127.0.0.1',
    port: 2199,
    username: 'bo',
    passwordEnc: sealSecret('e2e-password', randomBytes(32)),
    rootFolder: '/incoming',
    pathTemplate: DEFAULT_PATH_TEMPLATE,
    enabled: true,
  });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'qt-e2e-fwd-'));
  const base = Math.floor(now.getTime() / 300_000) * 300_000 - 3_600_000;
  for (let i = 0; i < 2; i++) {
    const s = formatCompactLocalTime(new Date(base + i * 300_000));
    const r = await ingestFile({ name: `BN_${station.fileCode}_${s}.txt`, bytes: Buffer.from(`COD\t4${i}.5\tmg/L\t${s}\t00\r\n`), source: 'ftp', account: 'e2e', dataDir, now });
    if (r.outcome !== 'accepted') throw new Error(`fixture file not accepted: ${r.reasons.join('; ')}`);
  }
  await updateForwardTarget(target.id, { enabled: false });
  return { targetId: target.id, targetName, files: 2 };
}
