/**
 * Security round 2, finding 10: wrong FTP passwords slow down per (user name, address) and per address, as the web
 * login does; new FTP passwords have at least 12 characters. Real ftp-srv receiver, real basic-ftp client.
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { disconnectDb } from '@/lib/db/client';
import { createFacilityService } from '@/lib/services/accounts';
import type { FtpReceiver } from '@/worker/ftp-server';
import { connectFtp, createFtpFacility, startTestReceiver, type FtpFacility } from '../support/ftp';
import { uid } from '../support/fixtures';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DEMO ??= '0';

let A: FtpFacility;
let B: FtpFacility;
let receiver: FtpReceiver;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qt-sec2-ftp-'));

beforeAll(async () => {
  A = await createFtpFacility('SA');
  B = await createFtpFacility('SB');
  receiver = await startTestReceiver({ pasvMin: 31600, pasvMax: 31649, dataDir });
});

afterAll(async () => {
  await receiver?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await disconnectDb();
});

async function canLogIn(login: { user: string; password: string }): Promise<boolean> {
  try {
    const c = await connectFtp(receiver.port, login);
    c.close();
    return true;
  } catch {
    return false;
  }
}

describe('FTP login throttling', () => {
  it('after a run of wrong passwords the right one waits; another account from the same address is not affected', async () => {
    for (let i = 0; i < 8; i++) expect(await canLogIn({ user: A.user, password: `wrong-${i}` })).toBe(false);
    expect(await canLogIn({ user: A.user, password: A.password })).toBe(false);
    expect(await canLogIn({ user: B.user, password: B.password })).toBe(true);
  });
});

describe('FTP password length', () => {
  it.each([
    ['11 characters: refused', 'abcdefghijk', false],
    ['12 characters: accepted', 'abcdefghijkl', true],
  ])('%s', async (_label, ftpPassword, ok) => {
    const p = createFacilityService({ code: uid('PW'), name: 'Password length', ftpUsername: uid('pw').toLowerCase(), ftpPassword });
    if (ok) await expect(p).resolves.toBeDefined();
    else await expect(p).rejects.toThrow();
  });
});
