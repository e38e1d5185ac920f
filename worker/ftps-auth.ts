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
import net from 'node:net';
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

type PassiveConnector = {
  connection: AuthConnection & { close(): Promise<unknown> };
  server: {
    options: { tls?: tls.SecureContextOptions | false };
    url: { hostname: string };
    getNextPasvPort(): Promise<number>;
    emit(event: string, payload: unknown): boolean;
  };
  dataServer: net.Server | null;
  dataSocket: net.Socket | null;
  closeServer(): void;
  end(): void;
  setupServer(): Promise<net.Server>;
};

/** IPv4-mapped IPv6 and plain IPv4 compare equal. */
const normalise = (address: string | undefined) => (address ?? '').replace(/^::ffff:/i, '');

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

/** Replaces ftp-srv's AUTH handler with {@link authTls} and resumes protected data sockets (idempotent). */
export function installAuthTls(): void {
  if (installed) return;
  const require = createRequire(import.meta.url);
  const registry = require('ftp-srv/src/commands/registry') as Record<string, Registration | undefined>;
  const auth = registry.AUTH;
  if (!auth) throw new Error('ftp-srv: AUTH command not found in its registry');
  auth.handler = authTls;
  // Protected passive data connections: ftp-srv's TLS data server only hands a socket over once its handshake is done,
  // and answers STOR only then; lftp starts the data handshake only after STOR's 150, so both wait and the upload fails
  // with 425 after ftp-srv's timeout. Here the data socket is a plain TCP socket wrapped in TLS at once: it is ready
  // for STOR/RETR immediately, and the handshake runs whenever the client starts it (before or after the 150).
  const Passive = require('ftp-srv/src/connector/passive') as { prototype: PassiveConnector };
  const setupServer = Passive.prototype.setupServer;
  Passive.prototype.setupServer = function (this: PassiveConnector) {
    const options = this.server.options.tls;
    if (!this.connection.secure || !options) return setupServer.call(this);
    this.closeServer();
    return this.server.getNextPasvPort().then(
      (port) =>
        new Promise<net.Server>((resolve, reject) => {
          this.dataSocket = null;
          // TLS 1.2 on data connections: a TLS 1.3 server sends its session tickets after the handshake, and a client
          // that closes the data connection without reading them makes its kernel answer with a reset, which can reach
          // the upload before its last bytes (lftp: 1 in 200 "550 read ECONNRESET"). TLS 1.2 sends them in the handshake.
          const secureContext = tls.createSecureContext({ ...options, maxVersion: 'TLSv1.2' });
          let idle: NodeJS.Timeout | undefined;
          const server = net.createServer({ pauseOnConnect: true }, (raw) => {
            if (normalise(raw.remoteAddress) !== normalise(this.connection.commandSocket.remoteAddress)) {
              raw.destroy();
              void this.connection.reply(550, 'Remote addresses do not match').then(() => this.connection.close());
              return;
            }
            clearTimeout(idle);
            const socket = new tls.TLSSocket(raw, { isServer: true, secureContext }) as tls.TLSSocket & { connected?: boolean };
            socket.on('error', (error: Error) =>
              this.server.emit('client-error', { connection: this.connection, context: 'dataSocket', error }),
            );
            socket.once('close', () => this.closeServer());
            socket.connected = true;
            this.dataSocket = socket;
          });
          server.maxConnections = 1;
          server.on('error', (error: Error) => this.server.emit('client-error', { connection: this.connection, context: 'dataServer', error }));
          server.once('close', () => this.end());
          this.dataServer = server;
          server.once('error', reject);
          server.listen(port, this.server.url.hostname, () => {
            server.off('error', reject);
            idle = setTimeout(() => this.closeServer(), 30_000);
            resolve(server);
          });
        }),
    );
  };
  installed = true;
}
