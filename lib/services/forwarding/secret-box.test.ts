import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './secret-box';

describe('secret box (AES-256-GCM)', () => {
  const key = randomBytes(32);
  it.each([['ascii', 'ministry-pass'], ['empty', ''], ['vietnamese', 'Mật khẩu: Bộ NN&MT ✓']])('round-trips %s', (_l, plain) => {
    const sealed = sealSecret(plain, key);
    expect(sealed).not.toContain(plain === '' ? 'never' : plain);
    expect(openSecret(sealed, key)).toBe(plain);
  });
  it('uses a fresh IV each time', () => {
    expect(sealSecret('x', key)).not.toBe(sealSecret('x', key));
  });
  it('refuses another key and altered data', () => {
    const sealed = sealSecret('secret', key);
    expect(() => openSecret(sealed, randomBytes(32))).toThrow(/cannot be decrypted/);
    const parts = sealed.split(':');
    const ct = Buffer.from(parts[3]!, 'base64');
    ct[0] = ct[0]! ^ 1;
    expect(() => openSecret([...parts.slice(0, 3), ct.toString('base64')].join(':'), key)).toThrow(/cannot be decrypted/);
    expect(() => openSecret('plain', key)).toThrow(/not a sealed secret/);
  });
});
