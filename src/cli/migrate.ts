import type { Command } from 'commander';
import { loadConfig } from '../config/load-config.js';
import { openStore } from '../store/open-store.js';
import type { CliIo } from './cli-io.js';

/** `gazette migrate`: applies pending schema migrations and says which. */
export function registerMigrate(program: Command, io: CliIo): void {
  program
    .command('migrate')
    .description('apply pending database migrations (also done on every start)')
    .action(async () => {
      const config = loadConfig(io.env);
      const store = await openStore(config, { migrate: false });
      try {
        const applied = await store.migrate();
        io.out(applied.length === 0 ? `${store.engine}: schema is up to date.` : `${store.engine}: applied ${applied.join(', ')}`);
      } finally {
        await store.close();
      }
    });
}
