/**
 * Extraction quality on the shared corpus (`../shared/corpus/extraction`): Gazette's
 * extractor and plain Readability on linkedom, in the same run, scored with the benchmark's
 * own metric (bench/extraction-metric.ts), plus the median time per page of each.
 */
import { createHash } from 'node:crypto';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../src/clean/extract-article.js';
import type { Benchmark, BenchRow } from './benchmark.js';
import { extractionCorpusDir, loadExtractionCorpus, type CorpusPage } from './extraction-corpus.js';
import { bootstrapF1Deviation, pageCounts, scoreCounts, tokensEqual, type PageCounts } from '../src/clean/extraction-metric.js';

type Extractor = (page: CorpusPage) => string;

const extractors: [string, Extractor][] = [
  [
    'readability (linkedom)',
    (page) => {
      const { document } = parseHTML(page.html);
      return new Readability(document as unknown as Document).parse()?.textContent ?? '';
    },
  ],
  [
    'gazette extractArticle',
    (page) => {
      const result = extractArticle(page.html, page.url);
      return result.kind === 'extracted' ? result.text : '';
    },
  ],
];

/**
 * The corpus's DEV pages split once more, by a fixed rule set before any tuning: a page is in
 * the test half when the first hex digit of sha256(id) is 8-f. Rules are tuned on the tune
 * half only; the test half is the figure to quote (the corpus's HOLDOUT is never looked at).
 */
export function halfOf(id: string): 'tune' | 'test' {
  return parseInt(createHash('sha256').update(id).digest('hex')[0]!, 16) < 8 ? 'tune' : 'test';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)]!;
}

const benchmark: Benchmark = {
  name: 'article extraction quality',
  group: 'quality',
  async run() {
    const pages = loadExtractionCorpus();
    if (pages.length === 0) return { rows: [], notes: [`skipped: no corpus at ${extractionCorpusDir}`] };
    const rows: BenchRow[] = [];
    const verbose = process.env.BENCH_VERBOSE === '1';
    const worst: string[] = [];
    for (const [name, extract] of extractors) {
      const results = pages.map((page) => {
        const started = performance.now();
        let text = '';
        let error = false;
        try {
          text = extract(page);
        } catch {
          error = true;
        }
        return { page, ms: performance.now() - started, counts: pageCounts(page.truth, text), exact: tokensEqual(page.truth, text), error };
      });
      for (const half of ['tune', 'test', 'all'] as const) {
        const picked = results.filter((r) => half === 'all' || halfOf(r.page.id) === half);
        const counts: PageCounts[] = picked.map((r) => r.counts);
        const scores = scoreCounts(counts);
        rows.push({
          extractor: name,
          half,
          pages: picked.length,
          precision: scores.precision,
          recall: scores.recall,
          f1: scores.f1,
          'f1 ±': bootstrapF1Deviation(counts),
          accuracy: picked.filter((r) => r.exact).length / picked.length,
          'median ms/page': Number(median(picked.map((r) => r.ms)).toFixed(1)),
          'mean ms/page': Number((picked.reduce((t, r) => t + r.ms, 0) / picked.length).toFixed(1)),
          errors: picked.filter((r) => r.error).length,
        });
      }
      if (verbose && name.startsWith('gazette')) {
        for (const r of results.filter((x) => halfOf(x.page.id) === 'tune')) {
          const { tp, fp, fn } = r.counts;
          const p = tp + fp === 0 ? 1 : tp / (tp + fp);
          const rc = tp + fn === 0 ? 1 : tp / (tp + fn);
          if (p < 0.95 || rc < 0.95) worst.push(`  ${r.page.id.slice(0, 12)} P ${p.toFixed(3)} R ${rc.toFixed(3)} ${r.ms.toFixed(0)} ms ${r.page.url.slice(0, 70)}`);
        }
      }
    }
    return {
      rows,
      notes: [
        'Halves: the DEV pages split by sha256(id) (first hex digit 0-7 tune, 8-f test); quote the test half.',
        ...(worst.length > 0 ? ['Tune-half pages under 0.95 precision or recall:', ...worst] : []),
        'Metric: token 4-gram shingles, macro-averaged precision and recall, F1 of the means (upstream evaluate.py); ± is the s.d. of F1 over 1000 seeded bootstrap resamples.',
      ],
    };
  },
};

export default benchmark;
