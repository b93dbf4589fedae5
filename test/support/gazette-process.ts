import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The `gazette` command as a real process, from the same sources as the test: the compiled
 * tree `npm test` runs (.test-build/), or the TypeScript through tsx when a test file is run
 * on its own with `node --import tsx --test`.
 */
export const gazetteCommand: readonly [string, ...string[]] = import.meta.url.endsWith('.ts')
  ? [process.execPath, '--import', 'tsx', fileURLToPath(new URL('../../src/cli/gazette.ts', import.meta.url))]
  : [process.execPath, '--enable-source-maps', fileURLToPath(new URL('../../src/cli/gazette.js', import.meta.url))];

/** Runs one `gazette` command to its end (provider add, provider key, …). */
export function runGazette(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(gazetteCommand[0], [...gazetteCommand.slice(1), ...args], { env: { ...env, LOG_LEVEL: 'silent' }, encoding: 'utf8' });
}

/** What a finished child process left: exit code or signal, and what it printed. */
export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Collects a child's output until it exits. */
export function finished(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/** Starts `gazette serve` on a free port and resolves once it listens, with its URL. */
export async function startServeProcess(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; exit: Promise<Finished> }> {
  const child = spawn(gazetteCommand[0], [...gazetteCommand.slice(1), 'serve'], { env: { ...env, PORT: '0', LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exit = finished(child);
  const url = await listeningUrl(child);
  return { child, url, exit };
}

/** A real `gazette serve` process; resolves with its URL once it listens. */
export function spawnServe(env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(gazetteCommand[0], [...gazetteCommand.slice(1), 'serve'], { env: { ...process.env, ...env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
  return listeningUrl(child).then((url) => ({ url, stop }));
}

/**
 * The URL a starting `gazette serve` logs once it listens. The output is scanned until then
 * and no further: the server logs each request, and reading all of it again on every chunk
 * took a core from a latency test's client.
 */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const scan = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /"url":"(http:\/\/[^"]+)"/.exec(out);
      if (!m) return;
      child.stdout!.off('data', scan);
      resolve(m[1]!);
    };
    child.stdout!.on('data', scan);
    child.once('exit', (code) => reject(new Error(`gazette serve stopped (exit code ${code}) before it listened: ${out}`)));
  });
}
