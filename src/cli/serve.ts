import type { Command } from 'commander';
import { startGazette } from '../main.js';
import type { CliIo } from './cli-io.js';

/** `gazette serve`: runs the site (and, as they land, the feed scheduler). */
export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('run the web site and API (config from environment variables; see README)')
    .action(async () => {
      const gazette = await startGazette(io.env);
      const shutdown = async (signal: string) => {
        gazette.logger.info({ signal }, 'shutting down');
        await gazette.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
    });
}
