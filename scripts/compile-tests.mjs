// What `npm test` runs: the TypeScript of src/, test/ and bench/ compiled once to plain
// JavaScript in .test-build/, beside links to everything else of the checkout (test data,
// JSON, public/, demo/, the README), so a path relative to a module or to the checkout
// root means the same there. Loading TypeScript through the tsx hooks cost each of the
// hundred-odd test processes (and every `gazette` process a test starts) about a third of
// its CPU; esbuild, which tsx itself uses, compiles the whole tree in a few seconds.
// Inline source maps keep stack traces pointing at the .ts lines.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const testBuildDir = join(root, '.test-build');
const COMPILED = ['src', 'test', 'bench'];
/** Top-level entries not linked: compiled above, or of no use to a test. */
const NOT_LINKED = new Set([...COMPILED, '.git', '.test-build', 'dist', 'node_modules']);

const COMMON = {
  absWorkingDir: root,
  outdir: testBuildDir,
  outbase: '.',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Node 20 reads `import … with { type: 'json' }`; esbuild would drop the attribute for node20.
  supported: { 'import-attributes': true },
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  logLevel: 'error',
};

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
  await build({ ...COMMON, entryPoints: sources, sourcemap: 'inline' });
  await bundleEntries(sources);
  return testBuildDir;
}

/**
 * Each test file, and each file a test starts as a process or thread of its own, is then
 * bundled in place with the modules it imports: a test process loading some seven hundred
 * modules one by one (kysely alone is 263 files) spent most of its CPU in Node's module
 * loader before its first test. Shared code goes into chunks, so the build stays small.
 * Packages with native code or worker files of their own stay external, as do the
 * development tools. `import.meta.url` in a bundled source keeps meaning that source's place
 * in the compiled tree (the file-per-module build above), where its relative paths point.
 */
async function bundleEntries(sources) {
  const entries = sources.filter((path) => /\.test\.tsx?$/.test(path) || PROCESS_ENTRIES.includes(path.replaceAll('\\', '/')));
  const { dependencies, devDependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const external = [...NOT_BUNDLED.filter((name) => name in dependencies), ...Object.keys(devDependencies)];
  await build({
    ...COMMON,
    entryPoints: entries,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    external,
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: { js: "import { createRequire as __gazetteCreateRequire } from 'node:module'; const require = __gazetteCreateRequire(import.meta.url);" },
    sourcemap: 'linked',
    sourcesContent: false,
    allowOverwrite: true,
    plugins: [placeOfSource],
  });
}

/** Sources that tests run as processes or worker threads of their own. */
const PROCESS_ENTRIES = ['src/cli/gazette.ts', 'src/pipeline/process-worker.ts'];
/** Packages loaded from node_modules as they are: native code, or worker files of their own. */
const NOT_BUNDLED = ['better-sqlite3', 'sharp', 'pg', 'pino', 'piscina'];

const placeOfSource = {
  name: 'place-of-source',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, (args) => {
      if (args.path.includes('node_modules')) return undefined;
      const compiled = join(testBuildDir, relative(root, args.path)).replace(/\.tsx?$/, '.js');
      const text = readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(compiled).href));
      return { contents: text, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

/** Where the compiled form of a test file given on the command line (`src/x.test.ts`) is. */
export function compiledPath(file) {
  const path = relative(root, resolve(file)).replaceAll('\\', '/');
  return join(testBuildDir, path.replace(/\.tsx?$/, '.js'));
}
