/**
 * Keeps the layout telling the architecture: `.dependency-cruiser.cjs` lists, per layer of
 * src/, what it may import (an allow-list: anything not granted is an error), covering the
 * pipeline stages, store, web, jobs, cli, demo and main.ts.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
// The checkout: the sources themselves, also when `npm test` runs this file compiled in .test-build/.
const here = fileURLToPath(new URL('../', import.meta.url));
const root = basename(here) === '.test-build' ? dirname(here) : here;
const depcruise = join(root, 'node_modules', '.bin', 'depcruise');
const config = join(root, '.dependency-cruiser.cjs');

// CI environments turn colours on; the report is read as text.
const plainOutput = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
const withoutColour = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** Runs dependency-cruiser over `dir`/src with the project's rules; its exit code and report. */
async function cruise(dir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(depcruise, ['src', '--config', config, '--output-type', 'err'], { cwd: dir, env: plainOutput });
    return { code: 0, output: withoutColour(stdout) };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: withoutColour(`${e.stdout}${e.stderr}`) };
  }
}

describe('architecture', () => {
  it('every import in src/ is one its layer is granted', async () => {
    const { code, output } = await cruise(root);
    assert.equal(code, 0, output);
    assert.match(output, /no dependency violations/);
  });

  it('refuses an import a layer is not granted, and one into the composition root', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-arch-'));
    try {
      const file = (path: string, text: string) => {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
      };
      file('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', allowImportingTsExtensions: true, noEmit: true } }));
      file('src/main.ts', 'export const root = 1;\n');
      file('src/web/app.ts', 'export const app = 1;\n');
      file('src/store/store.ts', "import { app } from '../web/app.js';\nexport const store = app;\n");
      file('src/jobs/poll.ts', "import { root } from '../main.js';\nexport const poll = root;\n");
      file('src/cli/ok.ts', "import { root } from '../main.js';\nexport const ok = root;\n");
      const { code, output } = await cruise(dir);
      assert.notEqual(code, 0);
      assert.match(output, /src\/store\/store\.ts → src\/web\/app\.ts/);
      assert.match(output, /src\/jobs\/poll\.ts → src\/main\.ts/);
      assert.doesNotMatch(output, /src\/cli\/ok\.ts/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
