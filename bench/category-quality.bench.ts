/**
 * Category quality on agency and non-English text (bench/testdata/category-dev.json): each
 * text is enriched as the pipeline enriches it (the agency's declared subjects first, then
 * the keyword rules of its language) and its categories are compared with the ones marked
 * acceptable by hand. Reported for the tune and the test half; the test half is the figure.
 */
import { readFileSync } from 'node:fs';
import { enrichArticle } from '../src/enrich/enrich-article.js';
import type { Benchmark, BenchRow } from './benchmark.js';

interface MarkedText {
  id: string;
  split: 'tune' | 'test';
  language: string | null;
  headline: string;
  text: string;
  declared: string[];
  /** The categories an editor would accept; any one of them is a right primary category. */
  categories: string[];
}

/** Scores one set of texts: primary right, share of given categories that are acceptable, none given. */
function score(name: string, texts: MarkedText[]): { row: BenchRow; misses: string[] } {
  let primaryRight = 0;
  let given = 0;
  let acceptable = 0;
  let none = 0;
  const english = { n: 0, right: 0 };
  const other = { n: 0, right: 0 };
  const misses: string[] = [];
  for (const t of texts) {
    const { categories, language } = enrichArticle({ headline: t.headline, text: t.text, declaredLanguage: t.language, declaredCategories: t.declared });
    const right = categories.length > 0 && t.categories.includes(categories[0]!);
    if (right) primaryRight++;
    else misses.push(`${t.id}: ${categories.length ? categories.join(', ') : 'none'}; acceptable ${t.categories.join(', ')}`);
    if (categories.length === 0) none++;
    given += categories.length;
    acceptable += categories.filter((c) => t.categories.includes(c)).length;
    const group = language.startsWith('en') ? english : other;
    group.n++;
    if (right) group.right++;
  }
  const share = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    row: {
      set: name,
      texts: texts.length,
      'primary right': share(primaryRight, texts.length),
      'primary n': `${primaryRight}/${texts.length}`,
      'given acceptable': share(acceptable, given),
      'none given': share(none, texts.length),
      'English right': `${english.right}/${english.n}`,
      'other languages right': `${other.right}/${other.n}`,
    },
    misses,
  };
}

const benchmark: Benchmark = {
  name: 'Category quality on agency and non-English texts',
  group: 'quality',
  async run() {
    const { texts } = JSON.parse(readFileSync(new URL('testdata/category-dev.json', import.meta.url), 'utf8')) as { texts: MarkedText[] };
    const tune = score('tune half', texts.filter((t) => t.split === 'tune'));
    const test = score('test half', texts.filter((t) => t.split === 'test'));
    const verbose = process.env.BENCH_VERBOSE === '1';
    return {
      rows: [tune.row, test.row],
      notes: [
        'primary right = the first category is one marked acceptable; given acceptable = share of all categories given that are acceptable; none given = texts left without a category.',
        'Split by sha256 of the id, fixed before marking; rules are tuned on the tune half only, the test half is the figure to quote.',
        ...(verbose ? ['Tune-half errors:', ...tune.misses.map((m) => `  ${m}`)] : ["(BENCH_VERBOSE=1 lists the tune half's errors.)"]),
      ],
    };
  },
};

export default benchmark;
