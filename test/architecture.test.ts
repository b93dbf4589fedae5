/**
 * Keeps the layout telling the architecture: the pipeline stages (ingest, clean, enrich,
 * cluster) know only the domain and never each other's callers; `pipeline/` composes them;
 * the store knows the domain; web, jobs and cli sit on top; `main.ts` wires everything.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

/** What each top-level folder of src/ must not import. */
const forbidden: Record<string, string[]> = {
  domain: ['config', 'ingest', 'clean', 'enrich', 'cluster', 'pipeline', 'store', 'publish', 'web', 'jobs', 'cli', 'demo', 'main'],
  config: ['ingest', 'clean', 'enrich', 'cluster', 'pipeline', 'store', 'publish', 'web', 'jobs', 'cli', 'demo', 'main'],
  ingest: ['clean', 'enrich', 'cluster', 'pipeline', 'store', 'publish', 'web', 'jobs', 'cli', 'demo', 'main', 'config'],
  clean: ['ingest', 'enrich', 'cluster', 'store', 'publish', 'web', 'jobs', 'cli', 'demo', 'main', 'config'],
  enrich: ['cluster', 'store', 'publish', 'web', 'jobs', 'cli', 'demo', 'main', 'config'],
  cluster: ['store', 'publish', 'web', 'jobs', 'cli', 'demo', 'main', 'config'],
  pipeline: ['publish', 'web', 'jobs', 'cli', 'demo', 'main', 'config'],
  store: ['pipeline', 'publish', 'web', 'jobs', 'cli', 'demo', 'main'],
  publish: ['web', 'jobs', 'cli', 'demo', 'main'],
  web: ['cli', 'main'],
  jobs: ['web', 'cli', 'main'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testdata' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.(test|contract)\.tsx?$/.test(e.name) ? [path] : [];
  });
}

describe('architecture', () => {
  it('imports go one way through the pipeline stages', () => {
    const violations: string[] = [];
    for (const file of sourceFiles('src')) {
      const from = relative('src', file).split('/')[0]!.replace(/\.tsx?$/, '');
      const rules = forbidden[from];
      if (!rules) continue;
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/from\s+'(\.[^']+)'/g)) {
        const target = relative('src', join(file, '..', match[1]!)).split('/')[0]!.replace(/\.js$/, '');
        if (rules.includes(target)) violations.push(`${file} imports ${match[1]} (${from} → ${target})`);
      }
    }
    assert.deepEqual(violations, []);
  });
});
