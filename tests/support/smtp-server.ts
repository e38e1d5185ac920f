import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

/**
 * A real SMTP server in its own `node` process (the smtp-server package) on a free port. Every message it accepts is
 * written as a JSON file ({from, to, raw}) into a temporary folder, which the test reads back and decodes.
 */
const CHILD = String.raw`
const { SMTPServer } = require('smtp-server');
const fs = require('node:fs');
const path = require('node:path');
const dir = process.env.SMTP_OUT_DIR;
let n = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onAuth(auth, session, cb) { cb(null, { user: auth.username }); },
  onData(stream, session, cb) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      const file = path.join(dir, String(Date.now()) + '-' + String(++n).padStart(5, '0') + '.json');
      const body = JSON.stringify({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        to: session.envelope.rcptTo.map((r) => r.address),
        user: session.user || null,
        raw: Buffer.concat(chunks).toString('utf8'),
      });
      fs.writeFileSync(file + '.tmp', body);
      fs.renameSync(file + '.tmp', file);
      cb();
    });
  },
});
server.on('error', (e) => process.stderr.write(String(e) + '\n'));
server.listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify({ port: server.server.address().port }) + '\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

export type ReceivedMail = { from: string | null; to: string[]; user: string | null; raw: string; subject: string; text: string; headers: Record<string, string> };

export type SmtpTestServer = {
  port: number;
  pid: number;
  dir: string;
  messages(): ReceivedMail[];
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
};

export async function startSmtpServer(): Promise<SmtpTestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'qt-smtp-'));
  const child: ChildProcess = spawn(process.execPath, ['-e', CHILD], {
    cwd: process.cwd(),
    env: { ...process.env, SMTP_OUT_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`SMTP child did not start: ${stderr}`)), 15_000);
    child.once('exit', (code) => reject(new Error(`SMTP child exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { port: number }).port);
    });
  });
  const messages = () =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => decodeMail(JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { from: string | null; to: string[]; user: string | null; raw: string }));
  return {
    port,
    pid: child.pid ?? -1,
    dir,
    messages,
    async waitForMessages(count, timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const m = messages();
        if (m.length >= count) return m;
        if (Date.now() > end) throw new Error(`expected ${count} messages, got ${m.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      if (child.exitCode == null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode == null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ── minimal MIME decoding for single-part text messages (what the mailer sends) ──

function decodeQuotedPrintable(s: string): Buffer {
  const soft = s.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=). */
function decodeWords(v: string): string {
  return v
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _cs: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')).toString('utf8'),
    );
}

function decodeMail(m: { from: string | null; to: string[]; user: string | null; raw: string }): ReceivedMail {
  const sep = m.raw.search(/\r?\n\r?\n/);
  const head = m.raw.slice(0, sep).replace(/\r?\n[ \t]+/g, ' ');
  const body = m.raw.slice(sep).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  const cte = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const text =
    cte === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : cte === 'quoted-printable'
        ? decodeQuotedPrintable(body).toString('utf8')
        : body;
  return { ...m, headers, subject: decodeWords(headers.subject ?? ''), text: text.replace(/\r\n/g, '\n') };
}
