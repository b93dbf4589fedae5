import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { GazetteError } from '../domain/errors.js';
import { readImportFile } from '../pipeline/read-import-file.js';
import type { CliIo } from './cli-io.js';

/**
 * `gazette analyze <file|dir> [--url URL]`: runs the pipeline over article files (HTML pages,
 * plain-text pages, feeds, ninjs) without storing anything and prints one JSON object per
 * article per line, so editors can see why an article came out as it did.
 */
export function registerAnalyze(program: Command, io: CliIo): void {
  program
    .command('analyze')
    .description('run the pipeline on files without storing anything; one JSON object per article per line')
    .argument('<path>', 'a file or a directory of files')
    .option('--url <url>', 'the page address, for resolving relative links (single files)')
    .action(async (path: string, options: { url?: string }) => {
      // Loaded here, not at the top: every other command (import, serve) runs the stages on
      // the worker pool and need not load them on its main thread.
      const { analyzeItem } = await import('../pipeline/analyze-item.js');
      for (const file of filesAt(path)) {
        const result = await readImportFile(file);
        if (result.kind === 'rejected') {
          io.out(JSON.stringify({ file, rejected: result.reason }));
          continue;
        }
        for (const item of result.items) {
          const withUrl = options.url && !item.url ? { ...item, url: options.url } : item;
          io.out(JSON.stringify(analyzeItem(withUrl, file)));
        }
      }
    });
}

function filesAt(path: string): string[] {
  let info;
  try {
    info = statSync(path);
  } catch {
    throw new GazetteError('NOT_FOUND', `No file or directory at ${path}.`);
  }
  if (!info.isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => !f.startsWith('.'))
    .sort()
    .map((f) => join(path, f))
    .filter((f) => statSync(f).isFile());
}
