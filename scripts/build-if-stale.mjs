#!/usr/bin/env node
// `npm start` runs this first: it compiles src/ to dist/ only when a source file, a folder
// (a file added or removed) or a tsconfig is newer than the last build, so starting an
// unchanged checkout takes a moment instead of a full compile. `npm run build` always compiles.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const marker = join(root, 'dist', 'cli', 'gazette.js');

/** The newest modification time among the build's inputs (test files and testdata do not count). */
function newestInput(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'testdata') newest = Math.max(newest, newestInput(path));
    } else if (!/\.(test|contract)\.tsx?$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(marker).mtimeMs;
  } catch {
    return -Infinity;
  }
}

const inputs = Math.max(newestInput(join(root, 'src')), ...['tsconfig.json', 'tsconfig.build.json'].map((f) => statSync(join(root, f)).mtimeMs));
if (inputs <= builtAt()) {
  console.log('dist/ is up to date; not compiling.');
} else {
  console.log('compiling src/ to dist/ …');
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (tsc.status !== 0) {
    // tsc writes its output even when it reports errors: mark the build as old so the next start compiles again.
    if (existsSync(marker)) utimesSync(marker, 0, 0);
    process.exit(tsc.status ?? 1);
  }
}
