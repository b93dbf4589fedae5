/**
 * Serves the sample article page under concurrent load and compares Gazette's article route
 * with a bare node:http server returning the same bytes from memory, in the same run.
 * The steadiest figure on a shared machine is the server process's CPU time per request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark, BenchRow } from './benchmark.js';
import { CONNECTIONS, DURATION_S, measure, startServer, type LoadResult, type Server } from './http-load.js';

function row(name: string, r: LoadResult): BenchRow {
  return { server: name, 'req/s': Math.round(r.rps), 'p50 ms': r.p50, 'p99 ms': r.p99, requests: r.requests, 'CPU µs/req': Math.round(r.cpuMicrosPerRequest) };
}

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
      const rows = [row('Gazette /article/:id/:slug', g), row('bare node:http, same bytes', b)];
      rows.push({
        server: 'ratio Gazette / bare',
        'req/s': Number((g.rps / b.rps).toFixed(3)),
        'p50 ms': '',
        'p99 ms': '',
        requests: '',
        'CPU µs/req': Number((g.cpuMicrosPerRequest / b.cpuMicrosPerRequest).toFixed(2)),
      });
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
