/**
 * Gazette's web app with its image endpoint, in a child process of its own (so its CPU time is
 * read apart from the load generator's), fetching pictures from the benchmark's loopback
 * picture server, which the production SSRF policy would refuse. Answers { url } when
 * listening, "cpu" with its CPU time, { sign: source, width } with a signed path.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/load-config.js';
import { createImageService } from '../../src/images/image-service.js';
import { openImageStore } from '../../src/images/image-store.js';
import { signedImagePath } from '../../src/images/image-signature.js';
import { publicAddressesOnly } from '../../src/ingest/fetch/ssrf-guard.js';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.js';
import { buildApp } from '../../src/web/app.js';
import { cpuReport } from './report-cpu.js';

const dir = process.env.BENCH_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'gazette-bench-images-'));
const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', DEMO_CONTENT: 'false' });
const store = openSqliteStore(join(dir, 'gazette.sqlite'));
await store.migrate();
const secret = 'bench-secret-of-at-least-32-characters';
const service = createImageService({
  store: await openImageStore({ dir: join(dir, 'images'), maxCacheBytes: config.images.cacheBytes }),
  limits: { maxBytes: config.images.maxBytes, maxPixels: config.images.maxPixels, widths: config.images.widths },
  fetch: { addressPolicy: (address) => (address === '127.0.0.1' ? null : publicAddressesOnly(address)) },
});
const app = buildApp({ store, config, logger: pino({ level: 'silent' }), images: { service, secret } });
const server = createServer(getRequestListener(app.fetch));
server.listen(0, '127.0.0.1', () => process.send!({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
process.on('message', (message: unknown) => {
  if (message === 'cpu') process.send!(cpuReport());
  else if (message === 'stop') server.close(() => void store.close().then(() => process.exit(0)));
  else if (message && typeof message === 'object' && 'sign' in message) {
    const { sign, width } = message as { sign: string; width: number };
    process.send!({ path: signedImagePath(secret, sign, width) });
  }
});
