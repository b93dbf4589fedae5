/**
 * The article-extraction benchmark's metric (Scrapinghub's `evaluate.py`), reimplemented so
 * Gazette's figures compare with the published table (the quality benchmark and tests use it): token 4-gram shingle multisets, per-page
 * tp/fp/fn normalized to sum 1, macro-averaged precision and recall, F1 from the two means.
 */

/** Per-page shingle counts, each divided by tp + fp + fn (all 0 for two empty texts). */
export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** The corpus-level scores. */
export interface ExtractionScores {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Python's `re.findall(r'\w+', text)` on str: runs of Unicode letters, digits (any numeric
 * category) and underscore. Case and everything else is as written.
 */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** Token n-grams as a multiset keyed by the tokens joined with U+0001; 1–3 tokens give one short shingle. */
export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const gram = tokens.slice(i, i + n);
    if (gram.length === 0) continue;
    const key = gram.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** tp/fp/fn over shingles of one page, normalized so every page weighs the same. */
export function pageCounts(truth: string, predicted: string, n = 4): PageCounts {
  const t = shingles(truth, n);
  const p = shingles(predicted, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precisionOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function mean(values: number[]): number {
  return values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Macro precision (pages with tp + fp > 0), macro recall (tp + fn > 0), F1 of the two means. */
export function scoreCounts(pages: readonly PageCounts[]): ExtractionScores {
  const precision = mean(pages.filter((c) => c.tp + c.fp > 0).map(precisionOf));
  const recall = mean(pages.filter((c) => c.tp + c.fn > 0).map(recallOf));
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

/** Whether the predicted text has exactly the ground truth's tokens (the benchmark's "accuracy"). */
export function tokensEqual(truth: string, predicted: string): boolean {
  const a = tokenize(truth);
  const b = tokenize(predicted);
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/**
 * The standard deviation of F1 over bootstrap resamples of pages (the corpus README's "±"),
 * with a seeded generator so runs repeat.
 */
export function bootstrapF1Deviation(pages: readonly PageCounts[], rounds = 1000, seed = 1): number {
  let state = seed >>> 0;
  const random = () => {
    // mulberry32: small, seedable, good enough for resampling.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const values: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const sample = pages.map(() => pages[Math.floor(random() * pages.length)]!);
    values.push(scoreCounts(sample).f1);
  }
  const m = mean(values);
  const variance = values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1);
  return Math.sqrt(variance);
}
