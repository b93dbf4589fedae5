/** One row of a benchmark's results table. */
export type BenchRow = Record<string, string | number>;

/**
 * A benchmark: `bench/run.ts` finds every `bench/*.bench.ts`, imports it and runs the
 * default export. Speed benchmarks report ratios against a baseline measured in the same
 * run, because the machines are shared and noisy.
 */
export interface Benchmark {
  name: string;
  /** "speed" runs under `npm run bench`; "quality" under `npm run bench:quality` (and bench). */
  group: 'speed' | 'quality';
  run(): Promise<{ rows: BenchRow[]; notes?: string[] }>;
}
