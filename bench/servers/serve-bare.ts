/**
 * The baseline: a bare node:http server answering the same bytes from memory. It receives
 * the body from the parent, then speaks the same protocol as serve-gazette.ts.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

process.once('message', (body: { html: string }) => {
  const bytes = Buffer.from(body.html);
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8', 'content-length': bytes.length });
    res.end(bytes);
  });
  server.listen(0, '127.0.0.1', () => {
    process.send!({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  });
  process.on('message', (message) => {
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send!({ cpuMicros: user + system });
    } else if (message === 'stop') {
      server.close(() => process.exit(0));
    }
  });
});
