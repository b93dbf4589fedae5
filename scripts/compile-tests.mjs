// What `npm test` runs: the TypeScript of src/, test/ and bench/ compiled once to plain
// JavaScript in .test-build/, beside links to everything else of the checkout (test data,
// JSON, public/, demo/, the README), so a path relative to a module or to the checkout
// root means the same there. Loading TypeScript through the tsx hooks cost each of the
// hundred-odd test processes (and every `gazette` process a test starts) about a third of
// its CPU; esbuild, which tsx itself uses, compiles the whole tree in a few seconds.
// Inline source maps keep stack traces pointing at the .ts lines.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const testBuildDir = join(root, '.test-build');
const COMPILED = ['src', 'test', 'bench'];
/** Top-level entries not linked: compiled above, or of no use to a test. */
const NOT_LINKED = new Set([...COMPILED, '.git', '.test-build', 'dist', 'node_modules']);

/** Compiles the tree and returns the folder to run the tests in. */
export async function compileTests() {
  rmSync(testBuildDir, { recursive: true, force: true });
  const sources = [];
  const link = (path) => {
    mkdirSync(dirname(join(testBuildDir, path)), { recursive: true });
    symlinkSync(join(root, path), join(testBuildDir, path));
  };
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) sources.push(path);
      else link(path);
    }
  };
  for (const dir of COMPILED) if (existsSync(join(root, dir))) walk(dir);
  for (const entry of readdirSync(root)) if (!NOT_LINKED.has(entry)) link(entry);
  await build({
    absWorkingDir: root,
    entryPoints: sources,
    outdir: testBuildDir,
    outbase: '.',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Node 20 reads `import … with { type: 'json' }`; esbuild would drop the attribute for node20.
    supported: { 'import-attributes': true },
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    sourcemap: 'inline',
    logLevel: 'error',
  });
  return testBuildDir;
}

/** Where the compiled form of a test file given on the command line (`src/x.test.ts`) is. */
export function compiledPath(file) {
  const path = relative(root, resolve(file)).replaceAll('\\', '/');
  return join(testBuildDir, path.replace(/\.tsx?$/, '.js'));
}
