#!/usr/bin/env node
// The README's test command (`npm test`): finds every *.test.ts(x) under src/ and test/,
// points the PostgreSQL suites at a server when one answers, compiles the tree to
// .test-build/ (see compile-tests.mjs) and runs Node's test runner on it.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { compiledPath, compileTests } from './compile-tests.mjs';

const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'testdata' ? [] : findTests(path);
    return /\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

async function postgresAnswers(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const env = { ...process.env };
if (env.TEST_DATABASE_URL) {
  if (!(await postgresAnswers(env.TEST_DATABASE_URL))) {
    console.error(`TEST_DATABASE_URL is set but PostgreSQL does not answer at it; the PostgreSQL suites would fail.`);
    process.exit(1);
  }
  console.log(`PostgreSQL suites run against TEST_DATABASE_URL.`);
} else if (await postgresAnswers(DEFAULT_TEST_DATABASE_URL)) {
  env.TEST_DATABASE_URL = DEFAULT_TEST_DATABASE_URL;
  console.log(`PostgreSQL suites run against ${DEFAULT_TEST_DATABASE_URL}.`);
} else {
  console.log('PostgreSQL suites SKIPPED: TEST_DATABASE_URL is not set and no server answered on 127.0.0.1:5432.');
}

const args = process.argv.slice(2);
// Files that measure latency under load (issue: pages keep their p99 while ingest runs) run
// last and alone: next to other test files on a 2-core machine they measure the neighbours.
const ALONE = ['test/e2e/push-under-load.test.ts'];
// The longest files start first, so that they run alongside the many short ones instead of
// after them (a long file started last is the whole suite's tail): the upgrade tests (every
// step of the migration history on both engines), then the end-to-end files (browser, killed
// import, real servers), then the rest. Measured; revise when a file grows long.
const LONGEST_FIRST = ['src/store/migrations/upgrade.postgres.test.ts', 'src/store/migrations/upgrade.sqlite.test.ts'];
const byLength = (files) => [...LONGEST_FIRST.filter((f) => files.includes(f)), ...files.filter((f) => !LONGEST_FIRST.includes(f))];
const all = args.length > 0 ? args : byLength([...findTests('test').sort(), ...findTests('src').sort()].map((f) => f.replaceAll('\\', '/')));
const alone = all.filter((f) => ALONE.includes(f.replaceAll('\\', '/')));
const files = all.filter((f) => !alone.includes(f));
// Node runs one test file at a time per core less one (one file on two cores). Most files
// wait on sockets, PostgreSQL or child processes, so one more file than cores keeps the CPU
// busy; TEST_CONCURRENCY overrides it.
const concurrency = Number(env.TEST_CONCURRENCY) || availableParallelism() + 1;
await compileTests();
const run = (list, parallel) =>
  list.length === 0
    ? 0
    : (spawnSync(process.execPath, ['--enable-source-maps', '--test', `--test-concurrency=${parallel}`, '--test-reporter=spec', ...list.map(compiledPath)], { stdio: 'inherit', env }).status ?? 1);
const status = run(files, concurrency);
if (alone.length > 0) console.log(`Now alone, with the machine otherwise idle: ${alone.join(', ')}`);
const aloneStatus = run(alone, 1);
if (!env.TEST_DATABASE_URL) console.log('Note: the PostgreSQL storage suite was skipped (no server).');
process.exit(status !== 0 ? status : aloneStatus);
