/**
 * Articles per second pushed over real HTTP (POST /api/v1/articles, 100 per request) end to
 * end into SQLite and, when a server answers, PostgreSQL. The baseline in the same run is
 * the same batches through `ingestItems` directly, each batch in one transaction as the API
 * runs it, so the ratio is what HTTP, JSON, authentication and validation cost.
 */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { loadConfig } from '../src/config/load-config.js';
import { generateApiKey } from '../src/domain/api-key.js';
import { readPushArticle } from '../src/ingest/push-payload.js';
import type { RawItem } from '../src/domain/raw-item.js';
import { ingestItems } from '../src/pipeline/run-ingest.js';
import { seedTaxonomy } from '../src/store/seed-taxonomy.js';
import type { Store } from '../src/store/store.js';
import { buildApp } from '../src/web/app.js';
import { onPostgres, onSqlite } from './bench-stores.js';
import { postgresUrl } from './postgres-url.js';
import type { Benchmark, BenchRow } from './benchmark.js';

const ARTICLES = 2000;
const BATCH = 100;
const words = 'port council budget harbour minister talks market shares election storm ferry school rail energy price court'.split(' ');

/** Articles in Gazette's push format: six-paragraph HTML bodies, a category, a byline. */
function makeArticles(count: number, run: string): Record<string, unknown>[] {
  const sentence = (n: number) => Array.from({ length: 14 }, (_, i) => words[(n * 7 + i * 3) % words.length]).join(' ');
  return Array.from({ length: count }, (_, n) => ({
    guid: `${run}-${n}`,
    url: `https://bench.example/${run}/${n}`,
    headline: `Story ${n}: ${sentence(n).slice(0, 60)}`,
    body_html: Array.from({ length: 6 }, (_, p) => `<p>${sentence(n + p)} number ${n}-${p}.</p>`).join(''),
    byline: `Reporter ${n % 17}`,
    published_at: new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString(),
    categories: [n % 2 ? 'business' : 'sport'],
  }));
}

function batches<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));
}

async function prepare(store: Store) {
  await seedTaxonomy(store);
  const provider = await store.providers.create({ slug: 'bench', name: 'Bench' });
  const key = generateApiKey();
  await store.apiKeys.create({ providerId: provider.id, keyId: key.keyId, secretHash: key.secretHash });
  return { provider, token: key.token };
}

/** Per path: seconds spent and the highest resident memory seen while it ran. */
interface PathTally {
  seconds: number;
  peakRss: number;
}

/**
 * Runs both paths batch by batch, alternating which goes first, each into its own fresh
 * store of the same engine: load on a shared machine drifts over minutes, and interleaving
 * makes both paths see the same drift, so their ratio holds even when absolute rates wobble.
 */
async function compare(direct: Store, viaHttp: Store, articles: Record<string, unknown>[]): Promise<{ direct: PathTally; http: PathTally; bodyKb: number }> {
  const { provider } = await prepare(direct);
  const { token } = await prepare(viaHttp);
  const app = buildApp({ store: viaHttp, config: loadConfig({ DEMO_CONTENT: 'false', PUSH_RATE_LIMIT: '0' }), logger: pino({ level: 'silent' }) });
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s as Server));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1/articles`;

  const tallies = { direct: { seconds: 0, peakRss: 0 }, http: { seconds: 0, peakRss: 0 } };
  let current: PathTally | null = null;
  const sampler = setInterval(() => current && (current.peakRss = Math.max(current.peakRss, process.memoryUsage().rss)), 10);
  const timed = async (tally: PathTally, work: () => Promise<void>) => {
    current = tally;
    const started = performance.now();
    await work();
    tally.seconds += (performance.now() - started) / 1000;
    tally.peakRss = Math.max(tally.peakRss, process.memoryUsage().rss);
    current = null;
  };

  const runDirect = (batch: Record<string, unknown>[]) => async () => {
    // The same work the API does after authentication: read each article, ingest the batch in one transaction.
    const items: RawItem[] = batch.map((a) => {
      const read = readPushArticle(a);
      if (read.kind === 'rejected') throw new Error(JSON.stringify(read.issues));
      return read.pushed.item;
    });
    const summary = await direct.transaction((tx) => ingestItems(tx, provider, items));
    if (summary.created !== batch.length) throw new Error(`direct: expected ${batch.length} created, got ${summary.created}`);
  };
  const runHttp = (body: string) => async () => {
    const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
    if (res.status !== 201) throw new Error(`push answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };

  const directBatches = batches(articles);
  const httpBodies = batches(articles).map((batch) => JSON.stringify({ articles: batch }));
  try {
    for (let i = 0; i < directBatches.length; i++) {
      if (i % 2 === 0) {
        await timed(tallies.direct, runDirect(directBatches[i]!));
        await timed(tallies.http, runHttp(httpBodies[i]!));
      } else {
        await timed(tallies.http, runHttp(httpBodies[i]!));
        await timed(tallies.direct, runDirect(directBatches[i]!));
      }
    }
  } finally {
    clearInterval(sampler);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return { ...tallies, bodyKb: Math.round(httpBodies[0]!.length / 1024) };
}


const bench: Benchmark = {
  name: `Push API: ${ARTICLES} articles in batches of ${BATCH}, end to end`,
  group: 'speed',
  async run() {
    const rows: BenchRow[] = [];
    const notes: string[] = [];
    const engines: [string, <T>(work: (store: Store) => Promise<T>) => Promise<T>][] = [['SQLite', onSqlite]];
    const url = await postgresUrl();
    if (url) engines.push(['PostgreSQL', (work) => onPostgres(url, work)]);
    else notes.push('PostgreSQL skipped: no server answered (set TEST_DATABASE_URL).');

    for (const [engine, on] of engines) {
      // Warm both paths up on a small set so neither pays for JIT compilation in the figures.
      await on((a) => on((b) => compare(a, b, makeArticles(200, 'warm'))));
      const result = await on((a) => on((b) => compare(a, b, makeArticles(ARTICLES, 'run'))));
      const directRate = ARTICLES / result.direct.seconds;
      const httpRate = ARTICLES / result.http.seconds;
      const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
      rows.push({ path: `ingestItems, one transaction per batch (baseline), ${engine}`, 'articles/s': Math.round(directRate), 'ratio vs baseline': 1, 'peak RSS MB': mb(result.direct.peakRss) });
      rows.push({ path: `POST /api/v1/articles over HTTP, ${engine}`, 'articles/s': Math.round(httpRate), 'ratio vs baseline': httpRate / directRate, 'peak RSS MB': mb(result.http.peakRss) });
      if (engine === 'SQLite') notes.push(`request body: about ${result.bodyKb} KB per batch of ${BATCH}; requests are sent one after another, alternating batch by batch with the baseline.`);
    }
    notes.push(`process peak RSS over the whole run: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB.`);
    return { rows, notes };
  },
};

export default bench;
