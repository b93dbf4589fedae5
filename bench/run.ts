/**
 * `npm run bench [group|name…]`: runs the benchmarks in bench/*.bench.ts and prints a table
 * for each. With no argument it runs them all; "quality" or "speed" picks a group; any other
 * word picks benchmarks whose file name contains it.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import type { Benchmark, BenchRow } from './benchmark.js';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);

function printTable(rows: BenchRow[]): void {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: string | number | undefined) =>
    v === undefined ? '' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : v;
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(columns));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(columns.map((c) => cell(row[c]))));
}

const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
for (const file of files) {
  const bench = (await import(pathToFileURL(join(here, file)).href)).default as Benchmark;
  const picked =
    filters.length === 0 || filters.some((f) => f === bench.group || file.includes(f) || bench.name.includes(f));
  if (!picked) continue;
  console.log(`\n## ${bench.name} (${file})\n`);
  const started = Date.now();
  const { rows, notes } = await bench.run();
  printTable(rows);
  for (const note of notes ?? []) console.log(`\n${note}`);
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
