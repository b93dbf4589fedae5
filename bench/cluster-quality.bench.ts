/**
 * Clustering quality: variants of corpus articles (reworded headline, paragraphs reordered
 * or trimmed, light word edits, boilerplate added) mixed with unrelated articles, clustered
 * exactly as on ingest (content hash, MinHash + LSH bands, similarity threshold), scored by
 * pairwise precision and recall against the true story groups, at several thresholds.
 * Needs the corpus (../shared/corpus/extraction); skips with a note without it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assignCluster } from '../src/cluster/assign-cluster.js';
import type { ClusterCandidate, ClusterIndex, ClusterMembership } from '../src/cluster/cluster-index.js';
import { clusterOptions, type ClusterOptions } from '../src/cluster/cluster-options.js';
import { fingerprint } from '../src/cluster/fingerprint.js';
import { contentHash } from '../src/pipeline/process-item.js';
import type { Benchmark, BenchRow } from './benchmark.js';

const corpus = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus', 'extraction', 'ground-truth.json');

const boilerplates = [
  'Subscribe to our newsletter for the latest headlines delivered to your inbox every morning. Follow us on social media.',
  '© 2025 Wire Agency. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
  'Related coverage: read more stories from our markets desk. Advertisement. Share this article with a friend.',
];

interface Doc {
  id: number;
  group: number;
  headline: string;
  text: string;
}

/** A small deterministic random generator, so every run builds the same variants. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function variants(headline: string, paragraphs: string[], rnd: () => number): { headline: string; text: string }[] {
  const reordered = paragraphs.slice();
  for (let i = 1; i < reordered.length; i += 3) [reordered[i - 1], reordered[i]] = [reordered[i]!, reordered[i - 1]!];
  const trimmed = paragraphs.slice(0, Math.max(2, Math.ceil(paragraphs.length * 0.7)));
  const edited = paragraphs.map((p) => p.split(' ').filter(() => rnd() > 0.04).join(' '));
  return [
    { headline: `UPDATE: ${headline.split(' ').reverse().join(' ')}`, text: [...reordered, boilerplates[0]!].join('\n\n') },
    { headline: `${headline} (wire)`, text: [...trimmed, boilerplates[1]!].join('\n\n') },
    { headline, text: [boilerplates[2]!, ...edited].join('\n\n') },
    { headline, text: paragraphs.join('\n\n') },
  ];
}

/** An in-memory ClusterIndex with the store's semantics: band keys → articles, first copy per hash. */
class MemoryIndex implements ClusterIndex {
  readonly clusters = new Map<number, number>();
  private readonly bands = new Map<string, Set<number>>();
  private readonly signatures = new Map<number, string>();
  private readonly hashes = new Map<string, number>();

  /** What storing an article does: its content hash becomes findable. */
  register(id: number, hash: string): void {
    if (!this.hashes.has(hash)) this.hashes.set(hash, id);
  }

  async findExact(hash: string, except: number) {
    const id = this.hashes.get(hash);
    return id !== undefined && id !== except ? { articleId: id, clusterId: this.clusters.get(id) ?? null } : undefined;
  }

  async candidates(keys: string[], _from: Date, _to: Date, except: number): Promise<ClusterCandidate[]> {
    const ids = new Set<number>();
    for (const k of keys) for (const id of this.bands.get(k) ?? []) if (id !== except) ids.add(id);
    return [...ids].map((id) => ({ articleId: id, clusterId: this.clusters.get(id)!, signature: this.signatures.get(id)! }));
  }

  async assign(m: ClusterMembership & { signature: string; bandKeys: string[] }): Promise<void> {
    this.clusters.set(m.articleId, m.clusterId);
    this.signatures.set(m.articleId, m.signature);
    for (const k of m.bandKeys) this.bands.set(k, (this.bands.get(k) ?? new Set()).add(m.articleId));
  }
}

async function clusterAll(docs: Doc[], options: ClusterOptions): Promise<Map<number, number>> {
  const index = new MemoryIndex();
  const at = new Date('2025-09-12T09:00:00Z');
  for (const d of docs) {
    const hash = contentHash(d.text);
    index.register(d.id, hash);
    await assignCluster(index, { id: d.id, headline: d.headline, bodyText: d.text, contentHash: hash, publishedAt: at }, options, fingerprint(d.headline, d.text, options));
  }
  return index.clusters;
}

function pairwise(docs: Doc[], predicted: Map<number, number>): { precision: number; recall: number; tp: number; fp: number; fn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const same = docs[i]!.group === docs[j]!.group;
      const together = predicted.get(docs[i]!.id) === predicted.get(docs[j]!.id);
      if (same && together) tp++;
      else if (together) fp++;
      else if (same) fn++;
    }
  }
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

const benchmark: Benchmark = {
  name: 'Clustering quality: generated re-sends of corpus articles among unrelated ones',
  group: 'quality',
  async run() {
    if (!existsSync(corpus)) return { rows: [], notes: [`skipped: the corpus is not at ${join('..', 'shared', 'corpus')}`] };
    const truth = JSON.parse(readFileSync(corpus, 'utf8')) as Record<string, { articleBody: string }>;
    const bodies = Object.keys(truth)
      .sort()
      .map((k) => truth[k]!.articleBody.split(/\n+/).map((p) => p.trim()).filter(Boolean))
      .filter((ps) => ps.join(' ').split(/\s+/).length >= 120);
    const rnd = random(42);
    const docs: Doc[] = [];
    let id = 1;
    const storyCount = Math.floor(bodies.length / 2);
    bodies.forEach((paragraphs, group) => {
      const headline = paragraphs[0]!.split(/\s+/).slice(0, 10).join(' ');
      if (group < storyCount) {
        for (const v of variants(headline, paragraphs, rnd)) docs.push({ id: id++, group, ...v });
      } else {
        docs.push({ id: id++, group, headline, text: paragraphs.join('\n\n') });
      }
    });
    // Interleave so versions of one story do not arrive back to back.
    docs.sort((a, b) => ((a.id * 7919) % 1009) - ((b.id * 7919) % 1009));
    const rows: BenchRow[] = [];
    for (const similarity of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
      const options = clusterOptions({ similarity });
      const result = pairwise(docs, await clusterAll(docs, options));
      const f1 = (2 * result.precision * result.recall) / (result.precision + result.recall || 1);
      rows.push({ similarity, 'same-story pairs found': result.tp, 'false pairs': result.fp, 'missed pairs': result.fn, precision: result.precision, recall: result.recall, f1 });
    }
    return {
      rows,
      notes: [
        `${docs.length} articles: ${storyCount} corpus stories × 4 versions (reordered + new headline + boilerplate; trimmed to 70% + boilerplate; 4% of words dropped + boilerplate; exact copy) and ${bodies.length - storyCount} unrelated articles. LSH ${clusterOptions().bands} bands × ${clusterOptions().rows} rows, word ${clusterOptions().shingleSize}-shingles; default threshold ${clusterOptions().similarity}.`,
      ],
    };
  },
};

export default benchmark;
