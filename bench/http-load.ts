/**
 * What the serving benchmarks share: servers in child processes of their own (so their CPU
 * time is read apart from the load generator's) and a measurement of CPU per request and
 * latency under concurrent load.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
export const CONNECTIONS = 16;
const WARM_UP_S = Number(process.env.BENCH_WARM_UP ?? 2);
/** Long enough for a p99 of a few hundred requests at the rates offered. */
const OPEN_LOOP_S = Number(process.env.BENCH_OPEN_LOOP_DURATION ?? 15);

export interface Server {
  child: ChildProcess;
  url: string;
  ask<T>(message: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** Starts `script` (relative to bench/; .ts through tsx, .mjs as it is) and waits for its { url }. */
export function startServer(script: string, env: Record<string, string>, init?: unknown): Promise<Server> {
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), {
    execArgv: script.endsWith('.ts') ? ['--import', 'tsx'] : [],
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
  const ask = <T>(message: unknown) =>
    new Promise<T>((resolve) => {
      child.once('message', (reply) => resolve(reply as T));
      child.send(message as string);
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.send('stop');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (m) => resolve({ child, url: (m as { url: string }).url, ask, stop }));
    if (init !== undefined) child.send(init as string);
  });
}

/** One measured load: throughput, latency and the server's CPU per request. */
export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  cpuMicrosPerRequest: number;
  /** The server's peak resident memory so far, in MB. */
  maxRssMb: number;
}

/** Loads `path` for a second, unmeasured: the JIT compiles the code it runs. */
export async function warmUp(server: Server, path: string, headers: Record<string, string> = {}): Promise<void> {
  await autocannon({ url: server.url + path, connections: CONNECTIONS, duration: 1, headers });
}

/**
 * Loads `path` on `server` after a warm-up (so the JIT has compiled the path); every answer
 * must have `expectStatus`. Each of the CONNECTIONS connections sends its next request as
 * soon as the last is answered (a closed loop: latency is mostly the queue of the other 15).
 * With `rate`, requests are offered at that many a second instead (see offerAtRate).
 */
export async function measure(server: Server, path: string, headers: Record<string, string> = {}, expectStatus = 200, rate?: number): Promise<LoadResult> {
  const run = (duration: number) => autocannon({ url: server.url + path, connections: CONNECTIONS, duration, headers, expectBody: undefined });
  await run(WARM_UP_S);
  const before = await server.ask<{ cpuMicros: number }>('cpu');
  if (rate) {
    const offered = await offerAtRate(server.url + path, headers, expectStatus, rate, OPEN_LOOP_S);
    const after = await server.ask<{ cpuMicros: number; maxRssMb: number }>('cpu');
    return { ...offered, cpuMicrosPerRequest: (after.cpuMicros - before.cpuMicros) / offered.requests, maxRssMb: after.maxRssMb };
  }
  const result = await run(DURATION_S);
  const after = await server.ask<{ cpuMicros: number; maxRssMb: number }>('cpu');
  const statusCount = (result as unknown as Record<string, number>)[`${Math.floor(expectStatus / 100)}xx`] ?? 0;
  if (result.errors > 0 || statusCount < result.requests.total * 0.999) {
    throw new Error(`${path}: ${result.errors} errors, ${statusCount} of ${result.requests.total} answers were ${expectStatus}`);
  }
  const requests = result.requests.total;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    cpuMicrosPerRequest: (after.cpuMicros - before.cpuMicros) / requests,
    maxRssMb: after.maxRssMb,
  };
}

/**
 * Offers GET `url` at `rate` requests a second, evenly spaced, whatever the answers (an open
 * loop, as wrk2 measures), and counts each latency from when its request was due, so a stall
 * is not hidden by the requests it held back. autocannon's `overallRate` is no open loop: it
 * lets each connection send its share at the start of every second, so 16 requests arrived
 * together once a second and queued as in the closed loop.
 */
export async function offerAtRate(url: string, headers: Record<string, string>, expectStatus: number, rate: number, seconds: number): Promise<Omit<LoadResult, 'cpuMicrosPerRequest' | 'maxRssMb'>> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  const failures: string[] = [];
  const start = performance.now() + 50;
  const sent: Promise<void>[] = [];
  for (let k = 0; k < total; k++) {
    const due = start + (k * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sent.push(
      new Promise<void>((resolve) => {
        request(url, { agent, headers }, (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === expectStatus) latencies.push(performance.now() - due);
            else failures.push(`status ${res.statusCode}`);
            resolve();
          });
        })
          .on('error', (e) => {
            failures.push(e.message);
            resolve();
          })
          .end();
      }),
    );
  }
  await Promise.all(sent);
  agent.destroy();
  if (failures.length > total * 0.001) throw new Error(`${url}: ${failures.length} of ${total} failed (${failures[0]})`);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!);
  return { rps: total / seconds, p50: at(0.5), p99: at(0.99), requests: total };
}

/**
 * Measures GET `path` on `server`, then a bare node:http server sending the same response,
 * brotli-compressed once, from memory: the ratio of the two is what the app adds.
 */
export async function measureAgainstBare(
  server: Server,
  path: string,
  headers: Record<string, string>,
): Promise<{ measured: LoadResult; baseline: LoadResult; response: RawResponse }> {
  const response = await rawGet(server.url + path, headers);
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  // The bare server sends the very bytes Gazette sent, headers included, from memory.
  const bare = await startServer('./servers/serve-bare.ts', {}, { base64: response.body.toString('base64'), headers: response.headers });
  try {
    const measured = await measure(server, path, headers);
    const baseline = await measure(bare, '/', headers);
    return { measured, baseline, response };
  } finally {
    await bare.stop();
  }
}

/** A response's status, headers (less the per-connection ones) and bytes exactly as sent. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/** A GET with the bytes and headers exactly as sent (fetch would decompress). */
export function rawGet(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const kept = Object.fromEntries(Object.entries(res.headers).filter(([k]) => !PER_CONNECTION.has(k))) as Record<string, string>;
        resolve({ status: res.statusCode ?? 0, headers: kept, body: Buffer.concat(chunks) });
      });
    })
      .on('error', reject)
      .end();
  });
}

/**
 * The figures of one measured request beside the bare server of the same run: Gazette's CPU
 * per request, the bare server's, their ratio, and Gazette's latency and throughput.
 */
export function againstBareColumns(r: LoadResult, bare: LoadResult) {
  return {
    'CPU µs/req': Math.round(r.cpuMicrosPerRequest),
    'bare µs/req': Math.round(bare.cpuMicrosPerRequest),
    '× bare': Number((r.cpuMicrosPerRequest / bare.cpuMicrosPerRequest).toFixed(2)),
    'p50 ms': r.p50,
    'p99 ms': r.p99,
    'req/s': Math.round(r.rps),
  };
}

/**
 * A measured server next to the bare one as three table rows, the first column named
 * `column`: the server, bare node:http sending the same bytes, and their ratio.
 */
export function againstBareRows(column: string, name: string, measured: LoadResult, bare: LoadResult): Record<string, string | number>[] {
  const loadRow = (label: string, r: LoadResult) => ({
    [column]: label,
    'req/s': Math.round(r.rps),
    'p50 ms': r.p50,
    'p99 ms': r.p99,
    requests: r.requests,
    'CPU µs/req': Math.round(r.cpuMicrosPerRequest),
  });
  return [
    loadRow(name, measured),
    loadRow('bare node:http, same bytes', bare),
    {
      [column]: 'ratio to bare',
      'req/s': Number((measured.rps / bare.rps).toFixed(3)),
      'p50 ms': '',
      'p99 ms': '',
      requests: '',
      'CPU µs/req': Number((measured.cpuMicrosPerRequest / bare.cpuMicrosPerRequest).toFixed(2)),
    },
  ];
}

/** One page measured on Gazette and on a bare server sending its bytes. */
export interface PageMeasurement {
  page: { name: string; path: string };
  measured: LoadResult;
  baseline: LoadResult;
  response: RawResponse;
}

/**
 * Starts the compiled Gazette (`npm start`'s code) with `env`, loads every page once so
 * the first measured is not the JIT's warm-up, then measures each against a bare server;
 * `also` runs while the server is up (a 304, say). Returns the measurements and the
 * server's peak memory.
 */
export async function measurePages(
  env: Record<string, string>,
  pages: { name: string; path: string }[],
  headers: Record<string, string>,
  also?: (server: Server, measurement: PageMeasurement) => Promise<void>,
): Promise<{ measurements: PageMeasurement[]; maxRssMb: number }> {
  const server = await startServer('./servers/serve-gazette-dist.mjs', env);
  try {
    for (const page of pages) await warmUp(server, page.path, headers);
    const measurements: PageMeasurement[] = [];
    for (const page of pages) {
      const measurement = { page, ...(await measureAgainstBare(server, page.path, headers)) };
      measurements.push(measurement);
      await also?.(server, measurement);
    }
    return { measurements, maxRssMb: (await server.ask<{ maxRssMb: number }>('cpu')).maxRssMb };
  } finally {
    await server.stop();
  }
}
