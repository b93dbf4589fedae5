import { Command, CommanderError } from 'commander';
import { GazetteError } from '../domain/errors.js';
import { registerAnalyze } from './analyze.js';
import { registerArticle } from './article.js';
import { registerBackup } from './backup.js';
import { registerDoctor } from './doctor.js';
import type { CliIo } from './cli-io.js';
import { registerFeed } from './feed.js';
import { registerImport } from './import.js';
import { registerMigrate } from './migrate.js';
import { registerPartner } from './partner.js';
import { registerProvider } from './provider.js';
import { registerReprocess } from './reprocess.js';
import { registerServe } from './serve.js';
import { registerUser } from './user.js';
import { terminalSafe } from './terminal-safe.js';

/**
 * Runs one `gazette` command line (without the leading `node gazette`) against `io` and
 * returns its exit code. Expected failures (bad config, unreachable database, bad arguments)
 * are one clear line on stderr and exit code 1; anything else is a bug and is thrown.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = new Command()
    .name('gazette')
    .description('Gazette: news syndication — ingest, clean, enrich, store and publish articles.')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) });

  registerServe(program, io);
  registerMigrate(program, io);
  registerImport(program, io);
  registerAnalyze(program, io);
  registerFeed(program, io);
  registerProvider(program, io);
  registerPartner(program, io);
  registerReprocess(program, io);
  registerUser(program, io);
  registerArticle(program, io);
  registerBackup(program, io);
  registerDoctor(program, io);
  // Sub-commands inherit neither exitOverride nor the output settings from their parent.
  const apply = (command: Command) => {
    command.exitOverride().configureOutput(program.configureOutput());
    command.commands.forEach(apply);
  };
  program.commands.forEach(apply);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return io.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof GazetteError) {
      io.err(`gazette: ${terminalSafe(error.message)}`);
      return 1;
    }
    throw error;
  }
}
