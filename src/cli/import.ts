import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { GazetteError } from '../domain/errors.js';
import { parseTextArticle } from '../ingest/parse-text-article.js';
import { withStore } from '../main.js';
import type { RawItem } from '../pipeline/raw-item.js';
import { ingestItems } from '../pipeline/run-ingest.js';

/** `gazette import <file|dir> --provider <slug>`: bulk-loads article files for a provider. */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import article files (plain-text pages) for a provider')
    .argument('<path>', 'a file or a directory of files')
    .requiredOption('--provider <slug>', 'the provider the articles belong to')
    .action(async (path: string, options: { provider: string }) => {
      await withStore(async (store) => {
        const provider = await store.providers.findBySlug(options.provider);
        if (!provider) throw new GazetteError('NOT_FOUND', `No provider with slug "${options.provider}".`);
        const summary = await ingestItems(store, provider, readItems(path));
        console.log(
          `read ${summary.read}, new ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}, rejected ${summary.rejected.length}`,
        );
        for (const r of summary.rejected) console.log(`  rejected ${r.item}: ${r.reason}`);
      });
    });
}

function* readItems(path: string): Generator<RawItem> {
  const files = statSync(path).isDirectory()
    ? readdirSync(path).filter((f) => !f.startsWith('.')).sort().map((f) => join(path, f))
    : [path];
  for (const file of files) {
    const item = parseTextArticle(readFileSync(file, 'utf8'));
    yield { ...item, guid: item.guid ?? `file:${basename(file)}` };
  }
}
