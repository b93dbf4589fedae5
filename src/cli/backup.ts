import type { Command } from 'commander';
import { loadConfig } from '../config/load-config.js';
import { GazetteError } from '../domain/errors.js';
import { formatBytes } from '../ingest/fetch/decode-content.js';
import { backupSqlite } from '../store/sqlite/backup-sqlite.js';
import type { CliIo } from './cli-io.js';
import { terminalSafe } from './terminal-safe.js';

/** `gazette backup <file>`: an online backup of the SQLite database, while the server runs. */
export function registerBackup(program: Command, io: CliIo): void {
  program
    .command('backup')
    .description('copy the SQLite database to <file> while Gazette keeps running (PostgreSQL: use pg_dump, see README)')
    .argument('<file>', 'where to write the copy')
    .option('--force', 'replace <file> if it exists')
    .action(async (file: string, options: { force?: boolean }) => {
      const config = loadConfig(io.env);
      if (config.databaseUrl) {
        throw new GazetteError(
          'VALIDATION_FAILED',
          'This Gazette runs on PostgreSQL: back it up with pg_dump -Fc and restore with pg_restore (see README, Operating Gazette).',
        );
      }
      const report = await backupSqlite(config.sqliteFile, file, { overwrite: options.force === true });
      io.out(terminalSafe(`Backed up ${config.sqliteFile} to ${report.file}: ${formatBytes(report.bytes)}, ${report.articles} articles, integrity ${report.check}.`));
    });
}
