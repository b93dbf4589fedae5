/**
 * Serves the sample article page under concurrent load and compares Gazette's article route
 * with a bare node:http server returning the same bytes from memory, in the same run.
 * The steadiest figure on a shared machine is the server process's CPU time per request.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Benchmark, BenchRow } from './benchmark.js';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = 16;

interface Server {
  child: ChildProcess;
  url: string;
  ask<T>(message: unknown): Promise<T>;
}

function startServer(script: string, env: Record<string, string>, init?: unknown): Promise<Server> {
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
  const ask = <T>(message: unknown) =>
    new Promise<T>((resolve) => {
      child.once('message', (reply) => resolve(reply as T));
      child.send(message as string);
    });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (m) => resolve({ child, url: (m as { url: string }).url, ask }));
    if (init !== undefined) child.send(init as string);
  });
}

async function load(url: string): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
}

async function measure(name: string, server: Server, path: string): Promise<BenchRow & { cpuPerReq: number; rps: number }> {
  await autocannon({ url: server.url + path, connections: CONNECTIONS, duration: 1 }); // warm-up
  const before = (await server.ask<{ cpuMicros: number }>('cpu')).cpuMicros;
  const result = await load(server.url + path);
  const after = (await server.ask<{ cpuMicros: number }>('cpu')).cpuMicros;
  const requests = result.requests.total;
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    server: name,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    requests,
    'CPU µs/req': Math.round((after - before) / requests),
    cpuPerReq: (after - before) / requests,
    rps: result.requests.average,
  };
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

      const g = await measure('Gazette /article/:id/:slug', gazette, path);
      const b = await measure('bare node:http, same bytes', bare, '/');
      const rows = [g, b].map(({ cpuPerReq, rps, ...row }) => row);
      rows.push({
        server: 'ratio Gazette / bare',
        'req/s': Number((g.rps / b.rps).toFixed(3)),
        'p50 ms': '',
        'p99 ms': '',
        requests: '',
        'CPU µs/req': Number((g.cpuPerReq / b.cpuPerReq).toFixed(2)),
      });
      return {
        rows,
        notes: [`${CONNECTIONS} connections, ${DURATION_S} s each, on 127.0.0.1; page size ${Buffer.byteLength(html)} bytes.`],
      };
    } finally {
      gazette.child.send('stop');
      bare?.child.send('stop');
      await new Promise((r) => setTimeout(r, 300));
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
export default bench;
