/**
 * scripts/peer-address.cjs, preloaded into `next start`: the socket peer replaces any client-sent x-quantrac-peer,
 * and TRACE/TRACK answer 405 (Next answered 500). A real child process with a real HTTP server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let child: ChildProcess;
let port: number;

beforeAll(async () => {
  const server = `require('node:http').createServer((q, s) => s.end(JSON.stringify({ peer: q.headers['x-quantrac-peer'] ?? null }))).listen(0, '127.0.0.1', function () { console.log(this.address().port); });`;
  child = spawn(process.execPath, ['--require', path.resolve('scripts/peer-address.cjs'), '-e', server], { stdio: ['ignore', 'pipe', 'inherit'] });
  port = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
});

afterAll(() => {
  child?.kill();
});

function send(method: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const r = http.request({ host: '127.0.0.1', port, method, path: '/', headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    r.on('error', reject);
    r.end();
  });
}

describe('peer-address preload', () => {
  it('stamps the socket peer over a spoofed value', async () => {
    const r = await send('GET', { 'x-quantrac-peer': '10.0.0.1', 'x-forwarded-for': '10.0.0.1' });
    expect(JSON.parse(r.body)).toEqual({ peer: '127.0.0.1' });
  });
  it('TRACE → 405', async () => {
    expect((await send('TRACE')).status).toBe(405);
  });
  it('TRACK (not even parsed by Node) → a 4xx, never 500', async () => {
    const s = await send('TRACK').then((r) => r.status, () => 400);
    expect(s).toBeGreaterThanOrEqual(400);
    expect(s).toBeLessThan(500);
  });
});
