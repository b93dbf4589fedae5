/**
 * Serves the sample article page under concurrent load and compares Gazette's article route
 * with a bare node:http server returning the same bytes from memory, in the same run.
 * The steadiest figure on a shared machine is the server process's CPU time per request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark } from './benchmark.js';
import { againstBareRows, CONNECTIONS, DURATION_S, measure, startServer, type Server } from './http-load.js';

const bench: Benchmark = {
  name: 'Serving the sample article page',
  group: 'speed',
  async run() {
    const dataDir = mkdtempSync(join(tmpdir(), 'gazette-bench-'));
    const gazette = await startServer('./servers/serve-gazette.ts', { BENCH_DATA_DIR: dataDir });
    let bare: Server | undefined;
    try {
      const home = await (await fetch(`${gazette.url}/`)).text();
      const path = /href="(\/article\/\d+\/nato-director[^"]+)"/.exec(home)?.[1];
      if (!path) throw new Error('the sample article is not on the home page');
      const html = await (await fetch(gazette.url + path)).text();
      bare = await startServer('./servers/serve-bare.ts', {}, { html });

      const g = await measure(gazette, path);
      const b = await measure(bare, '/');
      const rows = againstBareRows('server', 'Gazette /article/:id/:slug', g, b);
      return {
        rows,
        notes: [`${CONNECTIONS} connections, ${DURATION_S} s each, on 127.0.0.1; page size ${Buffer.byteLength(html)} bytes.`],
      };
    } finally {
      await gazette.stop();
      await bare?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
export default bench;
