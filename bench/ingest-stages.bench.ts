/**
 * Where an item's ingest time goes, stage by stage, on one thread: parse, clean, enrich,
 * cluster (fingerprint) and store (SQLite: upsert, entities, cluster assignment). The
 * figures are CPU milliseconds per ~600-word item; their sum is what one core can do. The store
 * stores a few items per transaction, as the service does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanBody } from '../src/clean/clean-body.js';
import { clusterOptions } from '../src/cluster/cluster-options.js';
import { fingerprint } from '../src/cluster/fingerprint.js';
import { enrichArticle } from '../src/enrich/enrich-article.js';
import { parseFeed } from '../src/ingest/parse-feed.js';
import { processItem } from '../src/pipeline/process-item.js';
import { createIngestService } from '../src/pipeline/run-ingest.js';
import { seedTaxonomy } from '../src/store/seed-taxonomy.js';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.js';
import type { Benchmark, BenchRow } from './benchmark.js';
import { cpuMsSince, referenceLoopMs } from './cpu-meter.js';
import { makeFeed } from './make-feed.js';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 600);

const bench: Benchmark = {
  name: `Ingest stage profile: ${ITEMS} ~600-word items on one thread`,
  group: 'speed',
  async run() {
    const bytes = makeFeed(ITEMS);
    // CPU time, not wall time: on a shared machine a descheduled stage would look slow.
    const timed = <T>(work: () => T): [T, number] => {
      const started = process.cpuUsage();
      const result = work();
      return [result, cpuMsSince(started) / ITEMS];
    };
    const [parsed, parseMs] = timed(() => parseFeed(bytes, { maxBytes: 1e9 }));
    if (parsed.kind === 'rejected') throw new Error(parsed.reason);
    const items = parsed.items;
    const options = clusterOptions();
    const now = new Date();
    // Each stage runs twice and the faster pass counts: the first pays for JIT compilation.
    const stage = <T>(work: () => T): [T, number] => {
      const first = timed(work);
      const second = timed(work);
      return second[1] < first[1] ? second : first;
    };
    const [cleaned, cleanMs] = stage(() => items.map((i) => cleanBody({ html: i.html, text: i.text, baseUrl: i.url })));
    const [, enrichMs] = stage(() => items.map((i, k) => enrichArticle({ headline: i.headline, text: cleaned[k]!.text, summary: null, declaredLanguage: null, declaredCategories: i.categories })));
    const [, clusterMs] = stage(() => items.map((i, k) => fingerprint(i.headline, cleaned[k]!.text, options)));
    const [, processMs] = stage(() => items.map((i) => processItem(i, { providerId: 1, now })));

    // Store: the whole service on this thread, less the CPU stages measured above.
    const dir = mkdtempSync(join(tmpdir(), 'gazette-bench-stages-'));
    const store = openSqliteStore(join(dir, 'bench.sqlite'));
    let totalMs: number;
    try {
      await store.migrate();
      await seedTaxonomy(store);
      const provider = await store.providers.create({ slug: 'bench', name: 'Bench' });
      const started = process.cpuUsage();
      const summary = await createIngestService({ store }).ingest(provider, items);
      totalMs = cpuMsSince(started) / ITEMS;
      if (summary.created !== ITEMS) throw new Error(`created ${summary.created}`);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
    // processItem does clean and enrich plus normalising and hashing; the rest of the run is the store.
    const storeMs = Math.max(0, totalMs - processMs - clusterMs);
    const otherMs = Math.max(0, processMs - cleanMs - enrichMs);
    const all = parseMs + processMs + clusterMs + storeMs;
    const row = (stage: string, ms: number): BenchRow => ({ stage, 'ms per item': Number(ms.toFixed(3)), share: `${Math.round((ms / all) * 100)} %` });
    const referenceMs = referenceLoopMs();
    return {
      rows: [row('parse (RSS)', parseMs), row('clean', cleanMs), row('enrich', enrichMs), row('normalise, hashes', otherMs), row('cluster fingerprint', clusterMs), row('store (SQLite): upsert, entities, cluster lookup', storeMs), row('total', all), { stage: 'reference loop (bench/cpu-meter.ts), ms per run', 'ms per item': Math.round(referenceMs), share: '' }],
      notes: [
        `one core: ${Math.round(1000 / all)} items/s; the pool runs clean, enrich and the fingerprint on every core, the store runs on the main thread.`,
        'the reference loop is the same fixed work in every run: compare stage figures across runs per its time.',
      ],
    };
  },
};

export default bench;
