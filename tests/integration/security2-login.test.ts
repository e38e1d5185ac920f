/**
 * Security round 2, findings 4 and 5: X-Forwarded-For is believed only from TRUSTED_PROXIES (throttle key, ledger
 * sender), and failed logins slow down per (e-mail, address) and per address: nobody can lock another's account.
 * Through the real credentials provider of next-auth and the real ingest route, against the real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeFacility, makeStation, tokenFor, uid } from './api-fixtures';
import { disconnectDb, pool } from '@/lib/db/client';
import { createUserService } from '@/lib/services/accounts';

const PASSWORD = 'Security2-pass-123';
let email: string;

type Authorize = (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string } | null>;
let authorize: Authorize;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= 'security2-test-secret';
  email = `${uid('sec2')}@security2.test`.toLowerCase();
  await createUserService({ email, password: PASSWORD, role: 'operator', facilityCode: null, name: 'Security 2' });
  const { authOptions } = await import('@/server/auth/options');
  const provider = authOptions.providers[0] as unknown as { options: { authorize: Authorize } };
  authorize = provider.options.authorize;
});

afterAll(async () => {
  await disconnectDb();
});

const attempt = (password: string, peer: string, forwardedFor?: string) =>
  authorize({ email, password }, { headers: { 'x-quantrac-peer': peer, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) } });

describe('login throttling', () => {
  it('wrong passwords from spoofed addresses never lock the account for its user elsewhere', async () => {
    for (let i = 0; i < 8; i++) expect(await attempt('wrong-password', '203.0.113.66', `10.66.0.${i}`)).toBeNull();
    // The attacker's own address is slowed down (even the right password waits) …
    expect(await attempt(PASSWORD, '203.0.113.66', '10.66.0.99')).toBeNull();
    // … the user at their own address signs in at once.
    expect(await attempt(PASSWORD, '198.51.100.20')).toMatchObject({ id: expect.any(String) });
  });

  it('a spray over many e-mails from one address is slowed per address', async () => {
    const peer = '203.0.113.77';
    for (let i = 0; i < 31; i++) {
      await authorize({ email: `nobody-${i}@security2.test`, password: 'x' }, { headers: { 'x-quantrac-peer': peer } });
    }
    expect(await attempt(PASSWORD, peer)).toBeNull();
    expect(await attempt(PASSWORD, '198.51.100.21')).toMatchObject({ id: expect.any(String) });
  });
});

describe('ledger sender', () => {
  it('the API ingest records the socket peer, not a spoofed X-Forwarded-For', async () => {
    const f = await makeFacility();
    const st = await makeStation(f.code);
    const token = await tokenFor('facility', f.code);
    const { POST } = await import('@/app/api/v1/ingest/route');
    const r = await call(POST, '/api/v1/ingest', {
      method: 'POST',
      token,
      raw: 'COD\t45.30\tmg/L\t20240524100500\t00\r\n',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': `BG_${st.fileCode}_20240524100500.txt`, 'x-quantrac-peer': '198.51.100.30', 'x-forwarded-for': '6.6.6.6' },
    });
    expect(r.status).toBe(200);
    const row = await pool().query<{ remote_address: string | null }>('SELECT remote_address FROM ingest_file WHERE id = $1', [r.body.fileId]);
    expect(row.rows[0]?.remote_address).toBe('198.51.100.30');
  });
});
