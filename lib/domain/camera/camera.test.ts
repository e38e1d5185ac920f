import { describe, expect, test } from 'vitest';
import { alertImageWindow, checkImage, detectImageMime, imageMimeFromContentType, isPullDue, nearestFrame, parseImageFileName, retentionCutoff } from '.';

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);

describe('image file names', () => {
  test.each([
    ['jpg', 'BG_DINHTRAM_NT01_20261208105500.jpg', 'DINHTRAM_NT01', '2026-12-08T03:55:00.000Z'],
    ['JPEG upper case', 'BG_DINHTRAM_NT01_20261208105500.JPEG', 'DINHTRAM_NT01', '2026-12-08T03:55:00.000Z'],
    ['png', 'BG_A_B_20260101000000.png', 'A_B', '2025-12-31T17:00:00.000Z'],
  ])('%s', (_l, name, fileCode, iso) => {
    const p = parseImageFileName(name);
    expect(p?.fileCode).toBe(fileCode);
    expect(p?.time.toISOString()).toBe(iso);
  });
  test.each([
    ['data file', 'BG_A_B_20260101000000.txt'],
    ['gif', 'BG_A_B_20260101000000.gif'],
    ['bad time', 'BG_A_B_20261301000000.jpg'],
    ['too few parts', 'BG_A_20260101000000.jpg'],
  ])('refuses %s', (_l, name) => expect(parseImageFileName(name)).toBeNull());
});

describe('magic bytes', () => {
  test.each([
    ['jpeg', JPEG, 'image/jpeg'],
    ['png', PNG, 'image/png'],
    ['text', new TextEncoder().encode('hello world'), null],
    ['two bytes of jpeg', Uint8Array.from([0xff, 0xd8]), null],
  ])('%s', (_l, bytes, mime) => expect(detectImageMime(bytes)).toBe(mime));

  test.each([
    ['jpeg as announced', JPEG, 'image/jpeg', 100, { ok: true, mime: 'image/jpeg' }],
    ['nothing announced', PNG, null, 100, { ok: true, mime: 'image/png' }],
    ['png named .jpg', PNG, 'image/jpeg', 100, { ok: false, problem: 'type_mismatch' }],
    ['empty', new Uint8Array(0), null, 100, { ok: false, problem: 'empty' }],
    ['exactly the cap', JPEG, null, JPEG.length, { ok: true, mime: 'image/jpeg' }],
    ['one byte over the cap', JPEG, null, JPEG.length - 1, { ok: false, problem: 'too_large' }],
    ['html', new TextEncoder().encode('<html>'), 'image/jpeg', 100, { ok: false, problem: 'not_an_image' }],
  ] as const)('%s', (_l, bytes, announced, max, expected) => expect(checkImage(bytes, announced, max)).toEqual(expected));

  test.each([
    ['image/jpeg; charset=x', 'image/jpeg'],
    ['IMAGE/PNG', 'image/png'],
    ['text/html', null],
    [null, null],
  ] as const)('content type %s', (h, m) => expect(imageMimeFromContentType(h)).toBe(m));
});

describe('retention and alert links', () => {
  const now = new Date('2026-12-08T00:00:00Z');
  test('cutoff is retentionDays before now', () => expect(retentionCutoff(now, 90).toISOString()).toBe('2026-09-09T00:00:00.000Z'));
  test.each([
    ['resolved episode', { openedAt: new Date('2026-12-07T10:00:00Z'), endedAt: new Date('2026-12-07T11:00:00Z') }, '2026-12-07T09:30:00.000Z', '2026-12-07T11:30:00.000Z'],
    ['open episode ends now', { openedAt: new Date('2026-12-07T23:00:00Z'), endedAt: null }, '2026-12-07T22:30:00.000Z', '2026-12-08T00:30:00.000Z'],
  ])('%s', (_l, ep, from, to) => {
    const w = alertImageWindow(ep, now);
    expect([w.from.toISOString(), w.to.toISOString()]).toEqual([from, to]);
  });
});

describe('pull schedule', () => {
  const now = new Date('2026-12-08T00:15:00Z');
  test.each([
    ['never pulled', null, 15, true],
    ['exactly the interval ago', new Date('2026-12-08T00:00:00Z'), 15, true],
    ['one second short', new Date('2026-12-08T00:00:01Z'), 15, false],
  ])('%s', (_l, last, every, due) => expect(isPullDue(last, every, now)).toBe(due));
});

describe('nearest frame', () => {
  const f = (iso: string) => ({ time: new Date(iso) });
  const frames = [f('2026-12-08T00:00:00Z'), f('2026-12-08T00:10:00Z')];
  test.each([
    ['closer to the first', '2026-12-08T00:04:00Z', '2026-12-08T00:00:00.000Z'],
    ['tie takes the earlier', '2026-12-08T00:05:00Z', '2026-12-08T00:00:00.000Z'],
    ['after the last', '2026-12-08T01:00:00Z', '2026-12-08T00:10:00.000Z'],
  ])('%s', (_l, at, expected) => expect(nearestFrame(frames, new Date(at))?.time.toISOString()).toBe(expected));
  test('none', () => expect(nearestFrame([], new Date('2026-12-08T00:00:00Z'))).toBeNull());
});
