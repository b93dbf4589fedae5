import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/cli-io.js';
import { runCli } from '../../src/cli/run-cli.js';
import { latestMigration } from './migration-templates.js';
import { sqliteTemplate } from './sqlite.js';

/** What a `gazette` command printed and how it ended. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a `gazette` command line in this process, as the binary would (same commands, same
 * error handling), with its own environment on top of the test's, and captures its output.
 * In-process, a command costs milliseconds instead of a new Node process compiling the sources.
 */
export async function runGazette(args: string[], env: Record<string, string | undefined> = {}, stdin = ''): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    out: (text) => void stdout.push(`${text}\n`),
    err: (text) => void stderr.push(`${text}\n`),
    isTTY: false,
    exitCode: 0,
    readStdin: async () => stdin,
  };
  const code = await runCli(args, io);
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

/**
 * A temporary data directory holding a migrated SQLite database: only `serve` and `migrate`
 * create a database, and the other commands need one.
 */
export async function makeMigratedDataDir(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gazette-cli-'));
  copyFileSync(await sqliteTemplate(latestMigration), join(dataDir, 'gazette.sqlite'));
  return dataDir;
}
