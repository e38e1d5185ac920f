import { describe, expect, it } from 'vitest';
import {
  spoolSpaceCheck,
  IO_ERROR_MESSAGE,
  QUOTA_MESSAGE,
  SPOOL_FULL_MESSAGE,
  SpoolFullError,
  spaceReplyCode,
  storageErrorMessage,
} from './spool-space';

describe('storageErrorMessage', () => {
  it.each([
    ['ENOSPC', SPOOL_FULL_MESSAGE],
    ['EDQUOT', QUOTA_MESSAGE],
    ['EIO', IO_ERROR_MESSAGE],
    ['ENOENT', null],
    ['EACCES', null],
    [undefined, null],
    [28, null],
  ])('%s → %s', (code, expected) => {
    expect(storageErrorMessage(code)).toBe(expected);
  });
});

describe('spaceReplyCode', () => {
  it.each([
    [550, SPOOL_FULL_MESSAGE, 452],
    [550, QUOTA_MESSAGE, 552],
    [550, IO_ERROR_MESSAGE, 451],
    [550, 'No such file or directory', 550],
    [550, undefined, 550],
    [550, { message: SPOOL_FULL_MESSAGE }, 550],
    [226, SPOOL_FULL_MESSAGE, 226],
    [425, SPOOL_FULL_MESSAGE, 425],
  ])('%i with %j → %i', (code, message, expected) => {
    expect(spaceReplyCode(code, message)).toBe(expected);
  });
});

describe('spoolSpaceCheck', () => {
  it('passes with the floor off or below the free space, throws SpoolFullError above it', async () => {
    await expect(spoolSpaceCheck('/', 0)()).resolves.toBeUndefined();
    await expect(spoolSpaceCheck('/', 1)()).resolves.toBeUndefined();
    await expect(spoolSpaceCheck('/', Number.MAX_SAFE_INTEGER)()).rejects.toBeInstanceOf(SpoolFullError);
    await expect(spoolSpaceCheck('/', Number.MAX_SAFE_INTEGER)()).rejects.toThrow(SPOOL_FULL_MESSAGE);
  });

  it('does not block uploads when the free space cannot be read', async () => {
    await expect(spoolSpaceCheck('/no/such/folder/anywhere', Number.MAX_SAFE_INTEGER)()).resolves.toBeUndefined();
  });

  it('skips statfs for recheckMs only while the last reading was roomy, and reports each refusal', async () => {
    let clock = 0;
    let free = 10_000;
    let reads = 0;
    let refused = 0;
    const check = spoolSpaceCheck('/spool', 1_000, {
      roomyMarginBytes: 5_000,
      recheckMs: 1_000,
      now: () => clock,
      free: async () => {
        reads += 1;
        return free;
      },
      onRefused: () => (refused += 1),
    });
    await check(); // 10,000 > 1,000 + 5,000: roomy
    free = 500; // the disk fills up meanwhile
    clock = 999;
    await check(); // within the window: not read again
    expect(reads).toBe(1);
    clock = 1_000;
    await expect(check()).rejects.toBeInstanceOf(SpoolFullError); // window over: read, refused
    await expect(check()).rejects.toBeInstanceOf(SpoolFullError); // not roomy: read every time
    expect([reads, refused]).toEqual([3, 2]);
    free = 3_000; // above the floor but within the margin: allowed, yet read again next time
    await check();
    await check();
    expect(reads).toBe(5);
  });
});
