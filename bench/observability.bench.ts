/**
 * What request ids, the access log and request metrics cost: the same Gazette, same data,
 * served with them off and on, in the same run, next to bare node:http sending the home
 * page's bytes. Two paths: the home page from the fast path (the cheapest request, where the
 * fixed cost per request weighs most) and /healthz through the app (a database ping).
 * On a shared machine one pass is at the mercy of the neighbours' load, so the servers are
 * measured in BENCH_ROUNDS interleaved rounds (off, on, metrics only, bare, …) and each
 * figure is the median of its rounds; the ratios are of those medians.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import type { Benchmark, BenchRow } from './benchmark.js';
import { CONNECTIONS, DURATION_S, measure, startServer, type LoadResult, type Server } from './http-load.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** The round whose CPU per request is the median of `results` (the middle one, as measured). */
function median(results: LoadResult[]): LoadResult {
  return [...results].sort((a, b) => a.cpuMicrosPerRequest - b.cpuMicrosPerRequest)[Math.floor(results.length / 2)]!;
}

function row(name: string, r: LoadResult): BenchRow {
  return { server: name, 'req/s': Math.round(r.rps), 'p50 ms': r.p50, 'p99 ms': r.p99, 'CPU µs/req': Math.round(r.cpuMicrosPerRequest) };
}

const ratio = (name: string, a: LoadResult, b: LoadResult): BenchRow => ({
  server: name,
  'req/s': Number((a.rps / b.rps).toFixed(3)),
  'p50 ms': '',
  'p99 ms': '',
  'CPU µs/req': Number((a.cpuMicrosPerRequest / b.cpuMicrosPerRequest).toFixed(3)),
});

const bench: Benchmark = {
  name: 'Access log and metrics: cost per request',
  group: 'speed',
  async run() {
    const dataDir = mkdtempSync(join(tmpdir(), 'gazette-bench-observe-'));
    const servers: Server[] = [];
    try {
      // The first start loads the demo set; both servers then share the file.
      const off = await startServer('./servers/serve-gazette-observed.ts', { BENCH_DATA_DIR: dataDir, BENCH_OBSERVE: 'off' });
      servers.push(off);
      const on = await startServer('./servers/serve-gazette-observed.ts', { BENCH_DATA_DIR: dataDir, BENCH_OBSERVE: 'on' });
      servers.push(on);
      const metricsOnly = await startServer('./servers/serve-gazette-observed.ts', { BENCH_DATA_DIR: dataDir, BENCH_OBSERVE: 'metrics' });
      servers.push(metricsOnly);
      const html = await (await fetch(`${off.url}/`)).text();
      const bare = await startServer('./servers/serve-bare.ts', {}, { html });
      servers.push(bare);

      const runs: Record<'bare' | 'homeOff' | 'homeOn' | 'homeMetrics' | 'healthOff' | 'healthOn', LoadResult[]> = {
        bare: [],
        homeOff: [],
        homeOn: [],
        homeMetrics: [],
        healthOff: [],
        healthOn: [],
      };
      const load: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        load.push(loadavg()[0]!);
        runs.homeOff.push(await measure(off, '/'));
        runs.homeOn.push(await measure(on, '/'));
        runs.homeMetrics.push(await measure(metricsOnly, '/'));
        runs.bare.push(await measure(bare, '/'));
        runs.healthOff.push(await measure(off, '/healthz'));
        runs.healthOn.push(await measure(on, '/healthz'));
      }
      const b = median(runs.bare);
      const homeOff = median(runs.homeOff);
      const homeOn = median(runs.homeOn);
      const homeMetrics = median(runs.homeMetrics);
      const healthOff = median(runs.healthOff);
      const healthOn = median(runs.healthOn);
      const spread = (rs: LoadResult[]) => rs.map((r) => Math.round(r.cpuMicrosPerRequest)).join(' / ');
      const scrape = await fetch(`${on.url}/metrics`, { headers: { authorization: 'Bearer bench-metrics-token-0123' } });
      const counted = /gazette_http_requests_total\{route="\/",method="GET",status="200"\} (\d+)/.exec(await scrape.text())?.[1];
      return {
        rows: [
          row('bare node:http, home page bytes', b),
          row('Gazette / (fast path), observation off', homeOff),
          row('Gazette / (fast path), access log + metrics on', homeOn),
          row('Gazette / (fast path), metrics only (ACCESS_LOG=false)', homeMetrics),
          row('Gazette /healthz (app), observation off', healthOff),
          row('Gazette /healthz (app), access log + metrics on', healthOn),
          ratio('ratio / on ÷ off', homeOn, homeOff),
          ratio('ratio /healthz on ÷ off', healthOn, healthOff),
          ratio('ratio / on ÷ bare', homeOn, b),
        ],
        notes: [
          `${CONNECTIONS} connections, ${DURATION_S} s each, ${ROUNDS} interleaved rounds, medians; on 127.0.0.1; the "on" server counted ${counted ?? '?'} requests to / in /metrics and logged each to a file.`,
          `CPU µs/req per round: / off ${spread(runs.homeOff)}; / on ${spread(runs.homeOn)}; / metrics only ${spread(runs.homeMetrics)}; bare ${spread(runs.bare)}; /healthz off ${spread(runs.healthOff)}; /healthz on ${spread(runs.healthOn)}.`,
          `1-minute load average at the start of each round: ${load.map((l) => l.toFixed(1)).join(', ')} (2 cores).`,
        ],
      };
    } finally {
      for (const s of servers) await s.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
export default bench;
