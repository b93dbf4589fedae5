import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { GazetteError } from '../domain/errors.js';
import type { Provider } from '../domain/provider.js';
import { withIngest } from '../command-context.js';
import { openImportFile } from '../pipeline/read-import-file.js';
import { emptySummary, type IngestService, type IngestSummary } from '../pipeline/run-ingest.js';
import { terminalSafe } from './terminal-safe.js';
import type { CliIo } from './cli-io.js';

/** `gazette import <file|dir> --provider <slug>`: bulk-loads feed, ninjs and article files. */
export function registerImport(program: Command, io: CliIo): void {
  program
    .command('import')
    .description('import feed files (RSS, Atom, RDF, JSON Feed, NewsML-G2), ninjs JSON and HTML or plain-text article pages for a provider')
    .argument('<path>', 'a file or a directory of files (read recursively)')
    .requiredOption('--provider <slug>', 'the provider the articles belong to')
    .action(async (path: string, options: { provider: string }) => {
      await withIngest(async (ingest, store) => {
        const provider = await store.providers.findBySlug(options.provider);
        if (!provider) throw new GazetteError('NOT_FOUND', `No provider with slug "${options.provider}".`);
        const files = listImportFiles(path);
        const bar = io.isTTY
          ? new cliProgress.SingleBar({ format: 'importing {bar} {value}/{total} files | {articles} articles' }, cliProgress.Presets.shades_classic)
          : null;
        bar?.start(files.length, 0, { articles: 0 });
        const stopping = new AbortController();
        // SIGTERM or Ctrl-C: finish the items under way (each commits on its own), then stop.
        const stop = () => stopping.abort();
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
        const result = await importFiles(ingest, provider, files, {
          signal: stopping.signal,
          onFile: (done, summary) => bar?.update(done, { articles: summary.created + summary.updated + summary.unchanged }),
        });
        bar?.stop();
        io.out(formatImportSummary(result, path));
      }, io.env);
    });
}

/** An import run: the pipeline's counts over all files, plus the files that could not be read. */
export interface ImportResult {
  files: number;
  /** Counts over every item read; its `rejected` list is empty, see `rejectedItems`. */
  summary: IngestSummary;
  rejectedItems: { file: string; item: string; reason: string }[];
  /** Items stored after normalizing changed them (characters removed, a date ignored). */
  flaggedItems: { file: string; item: string; notes: string[] }[];
  failedFiles: { file: string; reason: string }[];
}

/**
 * Imports files one by one: each is opened (openImportFile, which streams big feeds) and its
 * items go through the ingest service. A file that cannot be read is reported and the rest
 * goes on; each item commits on its own, so a second run updates what the first stored
 * instead of duplicating it.
 */
export async function importFiles(
  ingest: IngestService,
  provider: Provider,
  files: string[],
  options: { onFile?: (done: number, summary: IngestSummary) => void; signal?: AbortSignal } = {},
): Promise<ImportResult> {
  const total = emptySummary();
  const failedFiles: ImportResult['failedFiles'] = [];
  const rejectedItems: ImportResult['rejectedItems'] = [];
  const flaggedItems: ImportResult['flaggedItems'] = [];
  let done = 0;
  for (const file of files) {
    if (options.signal?.aborted) break;
    const read = await openImportFile(file);
    if (read.kind === 'rejected') {
      failedFiles.push({ file, reason: read.reason });
    } else {
      // An undated item is dated by its file's modification time, not the clock, so that
      // importing the same file again finds it unchanged instead of "updated" to a new time.
      const fileTime = statSync(file).mtime;
      const s = await ingest.ingest(provider, read.items, { now: () => fileTime, signal: options.signal });
      for (const reason of read.problems) failedFiles.push({ file, reason });
      total.read += s.read;
      total.created += s.created;
      total.updated += s.updated;
      total.unchanged += s.unchanged;
      rejectedItems.push(...s.rejected.map((r) => ({ file, item: r.item, reason: r.reason })));
      total.withdrawn.push(...s.withdrawn);
      flaggedItems.push(...s.flagged.map((f) => ({ file, item: f.item, notes: f.notes })));
      total.articleIds.push(...s.articleIds);
    }
    options.onFile?.(++done, total);
  }
  return { files: files.length, summary: total, rejectedItems, flaggedItems, failedFiles };
}

/** The files under a path, in a stable order; dot-files and dot-directories are skipped. */
export function listImportFiles(path: string): string[] {
  let info;
  try {
    info = statSync(path);
  } catch {
    throw new GazetteError('NOT_FOUND', `No file or directory at "${path}".`);
  }
  if (!info.isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .flatMap((name) => {
      const child = join(path, name);
      return statSync(child).isDirectory() ? listImportFiles(child) : [child];
    });
}

/**
 * The end-of-run report: counts first, then each unreadable file, rejection and flagged item
 * with its reason; every value that came from a file is escaped for the terminal.
 */
export function formatImportSummary(result: ImportResult, root: string): string {
  const { summary: s, failedFiles, rejectedItems, flaggedItems = [] } = result;
  const lines = [
    `files ${result.files}, read ${s.read}, new ${s.created}, updated ${s.updated}, unchanged ${s.unchanged}, rejected ${rejectedItems.length},${s.withdrawn.length > 0 ? ` withdrawn ${s.withdrawn.length},` : ''} unreadable files ${failedFiles.length}`,
  ];
  const name = (file: string) => terminalSafe(relative(root, file) || file);
  for (const f of failedFiles) lines.push(`  unreadable ${name(f.file)}: ${terminalSafe(f.reason)}`);
  for (const r of rejectedItems) lines.push(`  rejected ${name(r.file)} ${terminalSafe(r.item)}: ${terminalSafe(r.reason)}`);
  for (const w of s.withdrawn) lines.push(`  ${w.articleId === null ? 'not stored' : `taken down article ${w.articleId}`} ${terminalSafe(w.item)}: ${terminalSafe(w.reason)}`);
  for (const f of flaggedItems) lines.push(`  flagged ${name(f.file)} ${terminalSafe(f.item)}: ${terminalSafe(f.notes.join(' '))}`);
  return lines.join('\n');
}
