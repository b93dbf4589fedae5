/**
 * Clustering quality on the dev set (bench/testdata/cluster-dev.json): real stories, each
 * with hand-written rewrites the way another agency would write them, among hard negatives
 * (same topic, different event; daily market reports; follow-ups a day later). Pairwise
 * precision and recall on the TEST half, which nothing was tuned on, with the tune half
 * beside it; and MinHash alone (copies only, the behaviour before event matching) as the
 * baseline of the same run. With CLUSTER_TUNE=1 it prints a grid of settings on the tune
 * half only; with CLUSTER_TUNE=misses, the defaults' wrong pairs on the tune half only.
 */
import { clusterOptions, defaultClusterOptions, type EventOptions } from '../src/cluster/cluster-options.js';
import type { Benchmark, BenchRow } from './benchmark.js';
import { backgroundArticles, clusterDevArticles, loadDevSet, scorePairs, type DevArticle } from './cluster-dev-set.js';

async function measure(articles: DevArticle[], background: { headline: string; body: string }[], event: Partial<EventOptions>) {
  return scorePairs(articles, await clusterDevArticles(articles, background, { event: { ...defaultClusterOptions.event, ...event } }));
}

const benchmark: Benchmark = {
  name: 'Clustering quality: dev set of rewritten reports and hard negatives, test half',
  group: 'quality',
  async run() {
    const all = loadDevSet();
    const used = new Set(all.flatMap((a) => (/^[0-9a-f]{8}-o$/.test(a.id) ? [a.id.slice(0, 8)] : [])));
    const background = backgroundArticles(used);
    const tune = all.filter((a) => a.half === 'tune');
    const test = all.filter((a) => a.half === 'test');
    const rows: BenchRow[] = [];
    const notes: string[] = [];
    if (process.env.CLUSTER_TUNE === 'misses') {
      // The defaults on the tune half only, with the pairs they get wrong: for reading.
      const s = await measure(tune, background, {});
      rows.push({ half: 'tune', pairs: s.pairs, found: s.found, 'false pairs': s.falsePairs, precision: s.precision, recall: s.recall });
      return { rows, notes: [`defaults on the tune half, wrong pairs:\n${s.wrong.join('\n')}`] };
    }
    if (process.env.CLUSTER_TUNE) {
      for (const threshold of [0.36, 0.42, 0.48]) {
        for (const entityWeight of [0.1, 0.2, 0.3]) {
          for (const timeScaleHours of [18, 24, 30]) {
            const s = await measure(tune, background, { threshold, entityWeight, timeScaleHours, mergeThreshold: Math.max(threshold, defaultClusterOptions.event.mergeThreshold) });
            rows.push({ half: 'tune', threshold, entityWeight, timeScaleHours, pairs: s.pairs, found: s.found, 'false pairs': s.falsePairs, precision: s.precision, recall: s.recall });
          }
        }
      }
      const s = await measure(tune, background, {});
      notes.push(`defaults on the tune half, wrong pairs:\n${s.wrong.join('\n')}`);
      return { rows, notes };
    }
    const halves: [string, DevArticle[]][] = [['test', test], ['tune', tune]];
    for (const [half, articles] of halves) {
      const stories = new Set(articles.map((a) => a.story));
      const event = await measure(articles, background, {});
      // MinHash alone: an event threshold no score reaches (the behaviour before event matching).
      const copies = await measure(articles, background, { threshold: 1e9, mergeThreshold: 1e9 });
      for (const [method, s] of [['events + copies (default)', event], ['MinHash copies only (baseline)', copies]] as const) {
        rows.push({ half, method, articles: articles.length, stories: stories.size, 'same-story pairs': s.pairs, found: s.found, 'false pairs': s.falsePairs, precision: s.precision, recall: s.recall });
      }
      // The test half's wrong pairs are counted, never listed: reading them would be tuning on it.
      if (half === 'test') notes.push(`test half with the defaults: ${event.missed} pairs missed, ${event.falsePairs} joined wrongly`);
    }
    const o = clusterOptions().event;
    notes.unshift(
      `Targets on the test half: precision ≥ 0.95, recall ≥ 0.90. ${background.length} other corpus articles, dated two months earlier, give document frequencies a background. ` +
        `Defaults: threshold ${o.threshold}, merge ${o.mergeThreshold}, term weight ${o.termWeight}, entity weight ${o.entityWeight}, place penalty ${o.placePenalty}, time scale ${o.timeScaleHours} h.`,
    );
    return { rows, notes };
  },
};

export default benchmark;
