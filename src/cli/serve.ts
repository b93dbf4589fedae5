import { Worker } from 'node:worker_threads';
import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';

/** How long a shutdown may drain before the process stops regardless. */
const DRAIN_MS = 10_000;

/** `gazette serve`: runs the site, the API and the feed scheduler. */
export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('run the web site and API (config from environment variables; see README)')
    .action(async () => {
      // Loaded here, not at the top: the web app, images and jobs are for `serve` alone, and
      // every other command starts faster and smaller without them.
      const { startGazette } = await import('../main.js');
      const gazette = await startGazette(io.env);
      const shutdown = async (signal: string) => {
        gazette.logger.info({ signal }, 'shutting down');
        // Requests and items under way finish (each item commits on its own); whatever is
        // still running after DRAIN_MS is cut off: the next start picks it up again.
        const timer = setTimeout(() => {
          gazette.logger.warn({ drainMs: DRAIN_MS }, 'drain took too long; stopping now');
          process.exit(1);
        }, DRAIN_MS);
        timer.unref();
        // A long synchronous query would hold that timer back; a thread of its own still ends
        // the process (SQLite's journal makes even this abrupt stop safe).
        new Worker(`setTimeout(() => process.kill(${process.pid}, 'SIGKILL'), ${DRAIN_MS + 1000})`, { eval: true }).unref();
        try {
          await gazette.stop();
        } catch (err) {
          gazette.logger.error({ err }, 'shutdown failed');
          process.exit(1);
        }
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
    });
}
