/**
 * The baseline: a bare node:http server answering the same bytes from memory — with the
 * same response headers when the parent sends them — and a 304 to a matching
 * If-None-Match. It receives the body from the parent, then speaks the same protocol as
 * serve-gazette.ts.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpuReport } from './report-cpu.js';

process.once('message', (body: { html?: string; base64?: string; headers?: Record<string, string> }) => {
  const bytes = body.base64 !== undefined ? Buffer.from(body.base64, 'base64') : Buffer.from(body.html ?? '');
  const headers = body.headers ?? { 'content-type': 'text/html; charset=UTF-8', etag: '"bare"' };
  const etag = headers.etag;
  const server = createServer((req, res) => {
    if (etag && req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': bytes.length });
    res.end(bytes);
  });
  server.listen(0, '127.0.0.1', () => {
    process.send!({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  });
  process.on('message', (message) => {
    if (message === 'cpu') {
      process.send!(cpuReport());
    } else if (message === 'stop') {
      server.close(() => process.exit(0));
    }
  });
});
