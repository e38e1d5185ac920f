/**
 * AUTH TLS without the race of ftp-srv 4.6. Its handler writes 234, waits for the write callback and a promise turn
 * (bluebird schedules on setImmediate), and only then wraps the socket in TLS: a client that answers 234 quickly gets
 * its ClientHello read by the plain FTP parser (curl: "wrong version number" or a 502) in about one session in four to
 * eight under load. Here the 234 is handed to the socket and the socket is wrapped in the same synchronous turn, so no
 * read can happen in between: the bytes after 234 can only reach the TLS layer.
 *
 * ftp-srv keeps its command handlers in a module-level registry (one instance per process), which this replaces the
 * AUTH entry of. Installed once by startFtpReceiver.
 */
import { createRequire } from 'node:module';
import type net from 'node:net';
import tls from 'node:tls';

type AuthConnection = {
  commandSocket: net.Socket;
  secure: boolean;
  server: { options: { tls?: tls.SecureContextOptions | false } };
  reply(code: number, message?: string): Promise<unknown>;
};
type Registration = {
  directive: string | string[];
  handler: (this: AuthConnection, args: { command?: { arg?: string | null } }) => unknown;
};

const forwarded = ['data', 'timeout', 'end', 'close', 'drain', 'error'] as const;

export function authTls(this: AuthConnection, { command }: { command?: { arg?: string | null } } = {}): unknown {
  if (String(command?.arg ?? '').trim().toUpperCase() !== 'TLS') return this.reply(504);
  const options = this.server.options.tls;
  if (!options) return this.reply(502);
  if (this.secure) return this.reply(202);
  const raw = this.commandSocket;
  if (!raw.writable) return Promise.resolve();
  const secureContext = tls.createSecureContext(options);
  // The reply is queued on the plain socket, then the socket is wrapped before the event loop can deliver a read.
  raw.write('234 Honored\r\n');
  const secure = new tls.TLSSocket(raw, { isServer: true, secureContext });
  // ftp-srv listens on the plain socket's events: forward the TLS socket's to it, as ftp-srv's own handler does.
  for (const event of forwarded) secure.on(event, (...args: unknown[]) => raw.emit(event, ...args));
  this.commandSocket = secure;
  this.secure = true;
  return Promise.resolve();
}

let installed = false;

/** Replaces ftp-srv's AUTH handler with {@link authTls} (idempotent). */
export function installAuthTls(): void {
  if (installed) return;
  const require = createRequire(import.meta.url);
  const registry = require('ftp-srv/src/commands/registry') as Record<string, Registration | undefined>;
  const auth = registry.AUTH;
  if (!auth) throw new Error('ftp-srv: AUTH command not found in its registry');
  auth.handler = authTls;
  installed = true;
}
