/**
 * Extraction quality on the shared corpus (`../shared/corpus/extraction`): Gazette's
 * extractor and plain Readability on linkedom, in the same run, scored with the benchmark's
 * own metric (bench/extraction-metric.ts), plus the median time per page of each.
 */
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
    for (const [name, extract] of extractors) {
      const counts: PageCounts[] = [];
      const times: number[] = [];
      let exact = 0;
      let errors = 0;
      for (const page of pages) {
        const started = performance.now();
        let text = '';
        try {
          text = extract(page);
        } catch {
          errors++;
        }
        times.push(performance.now() - started);
        counts.push(pageCounts(page.truth, text));
        if (tokensEqual(page.truth, text)) exact++;
      }
      const scores = scoreCounts(counts);
      rows.push({
        extractor: name,
        pages: pages.length,
        precision: scores.precision,
        recall: scores.recall,
        f1: scores.f1,
        'f1 ±': bootstrapF1Deviation(counts),
        accuracy: exact / pages.length,
        'median ms/page': Number(median(times).toFixed(1)),
        errors,
      });
    }
    return {
      rows,
      notes: [
        'Metric: token 4-gram shingles, macro-averaged precision and recall, F1 of the means (upstream evaluate.py); ± is the s.d. of F1 over 1000 seeded bootstrap resamples.',
      ],
    };
  },
};

export default benchmark;
