/**
 * Peak memory of `gazette import` as a user runs it: the compiled command in a process of its
 * own, importing a feed file of ~600-word items into a new SQLite store (BENCH_ITEMS, 3,000 by
 * default). The baseline, in the same run, is `gazette provider list` on the same store: what
 * any command holds once it has loaded and opened the store. The peak is the kernel's
 * high-water mark of the process (VmHWM, read from /proc until it exits: Linux only).
 */
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Benchmark, BenchRow } from './benchmark.js';
import { makeFeed } from './make-feed.js';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 3000);
const GAZETTE = fileURLToPath(new URL('../dist/cli/gazette.js', import.meta.url));

interface Run {
  peakMb: number;
  seconds: number;
  output: string;
}

/** Runs one `gazette` command and follows its peak resident memory until it exits. */
function runGazette(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [GAZETTE, ...args], { env: { ...process.env, ...env, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let peakKb = 0;
    const read = () => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // Gone already: the last reading stands.
      }
    };
    const timer = setInterval(read, 50);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`gazette ${args.join(' ')} exited with ${code}: ${output}`));
      else resolve({ peakMb: Math.round(peakKb / 1024), seconds: (performance.now() - started) / 1000, output });
    });
  });
}

const bench: Benchmark = {
  name: `Peak memory of gazette import: ${ITEMS} ~600-word items into SQLite, against a command that only opens the store`,
  group: 'speed',
  async run() {
    execSync('npm run build', { stdio: 'ignore' });
    const dir = mkdtempSync(join(tmpdir(), 'gazette-import-memory-'));
    try {
      const env = { DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
      const feed = join(dir, 'feed.xml');
      writeFileSync(feed, makeFeed(ITEMS, { prefix: 'memory' }));
      await runGazette(['migrate'], env);
      await runGazette(['provider', 'add', 'wire', '--name', 'Wire'], env);
      const baseline = await runGazette(['provider', 'list'], env);
      const imported = await runGazette(['import', feed, '--provider', 'wire'], env);
      if (!new RegExp(`new ${ITEMS}\\b`).test(imported.output)) throw new Error(`the import did not store every item: ${imported.output}`);
      const row = (what: string, r: Run, items?: number): BenchRow => ({
        command: what,
        'peak RSS MB': r.peakMb,
        seconds: Number(r.seconds.toFixed(1)),
        'items/s': items ? Math.round(items / r.seconds) : '',
        'ratio vs baseline': Number((r.peakMb / baseline.peakMb).toFixed(2)),
      });
      return {
        rows: [row('gazette provider list (baseline)', baseline), row(`gazette import, ${ITEMS} new items`, imported, ITEMS)],
        notes: ['Target (issue "One ingest path"): peak RSS ≤ 300 MB. The command runs from dist/, with the default pool (one thread fewer than the cores).'],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
