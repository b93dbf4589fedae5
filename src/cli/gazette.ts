#!/usr/bin/env node
/**
 * The `gazette` command. Each sub-command lives in its own file and registers itself here.
 */
import { Command } from 'commander';
import { GazetteError } from '../domain/errors.js';
import { registerAnalyze } from './analyze.js';
import { registerFeed } from './feed.js';
import { registerImport } from './import.js';
import { registerMigrate } from './migrate.js';
import { registerProvider } from './provider.js';
import { registerReprocess } from './reprocess.js';
import { registerServe } from './serve.js';
import { terminalSafe } from './terminal-safe.js';

const program = new Command()
  .name('gazette')
  .description('Gazette: news syndication — ingest, clean, enrich, store and publish articles.')
  .showHelpAfterError();

registerServe(program);
registerMigrate(program);
registerImport(program);
registerAnalyze(program);
registerFeed(program);
registerProvider(program);
registerReprocess(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Expected failures (bad config, unreachable database, bad arguments) are one clear line.
  if (error instanceof GazetteError) {
    console.error(`gazette: ${terminalSafe(error.message)}`);
    process.exit(1);
  }
  throw error;
}
