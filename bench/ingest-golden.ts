/**
 * Golden check of the ingest pipeline's output, for changes meant to make it faster without
 * changing what is stored. `tsx bench/ingest-golden.ts write <file>` records, for every input,
 * everything the CPU half of ingest produces (cleaned HTML and text, summary, language,
 * categories, entities, quotes, hashes, fingerprint); `… check <file>` runs the same inputs
 * again and lists the inputs (by id and field, never by content) whose output differs.
 *
 * Inputs: the benchmark feed, the extraction corpus pages (as HTML, and their ground-truth
 * bodies as plain text), and the texts of the enrich, category and cluster dev sets (as text).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { clusterOptions } from '../src/cluster/cluster-options.js';
import { emptyRawItem, type RawItem } from '../src/domain/raw-item.js';
import { parseFeed } from '../src/ingest/parse-feed.js';
import processTask from '../src/pipeline/process-worker.js';
import { loadExtractionCorpus } from './extraction-corpus.js';
import { makeFeed } from './make-feed.js';

const [mode, file] = process.argv.slice(2);
if ((mode !== 'write' && mode !== 'check') || !file) {
  console.error('usage: tsx bench/ingest-golden.ts write|check <file>');
  process.exit(2);
}

const now = new Date(Date.UTC(2026, 0, 1));
const raw = (id: string, fields: Partial<RawItem>): [string, RawItem] => [id, { ...emptyRawItem(''), guid: id, url: `https://golden.example/${id}`, publishedAt: now, ...fields }];

function inputs(): [string, RawItem][] {
  const list: [string, RawItem][] = [];
  const feed = parseFeed(makeFeed(120, { prefix: 'golden' }), { maxBytes: 1e9 });
  if (feed.kind === 'rejected') throw new Error(feed.reason);
  feed.items.forEach((item, k) => list.push([`feed-${k}`, item]));
  for (const page of loadExtractionCorpus()) {
    const headline = /<title[^>]*>([^<]*)/i.exec(page.html)?.[1]?.trim() || page.id;
    list.push(raw(`corpus-html-${page.id}`, { headline, html: page.html, url: page.url || null }));
    list.push(raw(`corpus-text-${page.id}`, { headline, text: page.truth }));
  }
  const dev = (name: string) => JSON.parse(readFileSync(new URL(`./testdata/${name}.json`, import.meta.url), 'utf8'));
  for (const t of dev('enrich-dev').texts) list.push(raw(`enrich-${t.id}`, { headline: t.headline ?? t.id, text: t.text }));
  for (const t of dev('enrich-dev').speakerPassages) list.push(raw(`speaker-${t.id}`, { headline: t.id, text: t.text }));
  for (const t of dev('enrich-eval').texts) list.push(raw(`eval-${t.id}`, { headline: t.id, text: t.text }));
  for (const t of dev('category-dev').texts) list.push(raw(`category-${t.id}`, { headline: t.headline, text: t.text, categories: t.declared ?? [] }));
  for (const a of dev('cluster-dev').articles) list.push(raw(`cluster-${a.id}`, { headline: a.headline, text: a.body }));
  return list;
}

/** Everything stored of one input, as stable JSON per field. */
function outputOf(item: RawItem): Record<string, string> {
  const result = processTask({ item, ctx: { providerId: 1, now }, cluster: clusterOptions() });
  if (result.kind === 'rejected') return { rejected: result.reason };
  const { draft, enrichment, print, disclaimer, undated, notes } = result;
  const { signature, terms, ...printRest } = print;
  return {
    draft: JSON.stringify(draft),
    disclaimer: JSON.stringify(disclaimer),
    undated: JSON.stringify(undated),
    notes: JSON.stringify(notes),
    entities: JSON.stringify(enrichment.entities),
    quotes: JSON.stringify(enrichment.quotes),
    signature: JSON.stringify(Array.from(signature)),
    terms: JSON.stringify([...terms]),
    print: JSON.stringify(printRest),
  };
}

const started = process.cpuUsage();
const outputs: Record<string, Record<string, string>> = {};
for (const [id, item] of inputs()) outputs[id] = outputOf(item);
const cpuS = (process.cpuUsage(started).user + process.cpuUsage(started).system) / 1e6;
const digest = createHash('sha256').update(JSON.stringify(outputs)).digest('hex').slice(0, 16);

if (mode === 'write') {
  writeFileSync(file, JSON.stringify(outputs));
  console.log(`${Object.keys(outputs).length} inputs written, digest ${digest} (${cpuS.toFixed(1)} s CPU)`);
} else {
  const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
  const differing: string[] = [];
  for (const id of new Set([...Object.keys(before), ...Object.keys(outputs)])) {
    const fields = new Set([...Object.keys(before[id] ?? {}), ...Object.keys(outputs[id] ?? {})]);
    const changed = [...fields].filter((f) => before[id]?.[f] !== outputs[id]?.[f]);
    if (changed.length) differing.push(`${id}: ${changed.join(', ')}`);
  }
  console.log(`${Object.keys(outputs).length} inputs, digest ${digest}, ${differing.length} differ (${cpuS.toFixed(1)} s CPU)`);
  for (const line of differing) console.log(`  ${line}`);
  process.exitCode = differing.length ? 1 : 0;
}
