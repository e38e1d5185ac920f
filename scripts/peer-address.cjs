// Preloaded into `next start` (node --require): stamps every request with its socket's peer address under
// x-quantrac-peer, replacing anything a client sent under that name. The app believes X-Forwarded-For only when this
// peer is one of TRUSTED_PROXIES (server/http/client.ts). TRACE/TRACK are answered 405 here (Next answers them 500).
// Plain CommonJS: it runs before anything is compiled.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a --require preload is CommonJS by definition
const http = require('node:http');

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeer(event, req, res, ...rest) {
  if (event === 'request' && req && req.headers) {
    if (req.method === 'TRACE' || req.method === 'TRACK') {
      res.writeHead(405, { allow: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS', 'content-length': '0', connection: 'close' });
      res.end();
      return true;
    }
    req.headers['x-quantrac-peer'] = (req.socket && req.socket.remoteAddress) || '';
  }
  return emit.call(this, event, req, res, ...rest);
};
