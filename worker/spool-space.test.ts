import { describe, expect, it } from 'vitest';
import {
  assertSpoolSpace,
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

describe('assertSpoolSpace', () => {
  it('passes with the floor off or below the free space, throws SpoolFullError above it', async () => {
    await expect(assertSpoolSpace('/', 0)).resolves.toBeUndefined();
    await expect(assertSpoolSpace('/', 1)).resolves.toBeUndefined();
    await expect(assertSpoolSpace('/', Number.MAX_SAFE_INTEGER)).rejects.toBeInstanceOf(SpoolFullError);
    await expect(assertSpoolSpace('/', Number.MAX_SAFE_INTEGER)).rejects.toThrow(SPOOL_FULL_MESSAGE);
  });

  it('does not block uploads when the free space cannot be read', async () => {
    await expect(assertSpoolSpace('/no/such/folder/anywhere', Number.MAX_SAFE_INTEGER)).resolves.toBeUndefined();
  });
});
