import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** One page of the extraction corpus with its ground-truth body. */
export interface CorpusPage {
  id: string;
  url: string;
  html: string;
  truth: string;
}

/** Where the shared extraction corpus lives, relative to the repository root. */
export const extractionCorpusDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '../shared/corpus/extraction');

/** Loads every page of the corpus in id order; an empty list when the corpus is not there. */
export function loadExtractionCorpus(dir = extractionCorpusDir): CorpusPage[] {
  const truthFile = join(dir, 'ground-truth.json');
  if (!existsSync(truthFile)) return [];
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  const files = new Set(readdirSync(join(dir, 'html')));
  return Object.keys(truth)
    .sort()
    .filter((id) => files.has(`${id}.html.gz`))
    .map((id) => ({
      id,
      url: truth[id]!.url ?? '',
      truth: truth[id]!.articleBody ?? '',
      html: gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
    }));
}
