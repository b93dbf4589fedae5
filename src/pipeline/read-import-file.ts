import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { emptyRawItem, rawImage, type RawItem } from '../domain/raw-item.js';
import { decodeCharset } from '../ingest/decode-charset.js';
import { detectFormat } from '../ingest/detect-format.js';
import { DEFAULT_MAX_FEED_BYTES, parseFeed } from '../ingest/parse-feed.js';
import { readNitfArticle } from '../ingest/nitf/read-nitf-article.js';
import { parseNinjs } from '../ingest/parse-ninjs.js';
import { parseTextArticle } from '../ingest/parse-text-article.js';
import { splitFeedItems } from '../ingest/split-feed-items.js';

/** What one import file holds: RawItems, or why it could not be read. */
export type ImportFileResult =
  | { kind: 'items'; items: RawItem[]; format: ImportFormat }
  | { kind: 'rejected'; reason: string };

/** Local files are not fetched, so the 10 MB feed limit does not apply; formats read whole stop here. */
export const MAX_WHOLE_FILE_BYTES = 256 * 1024 * 1024;

/** RSS, RDF and Atom files at least this big are read as a stream of items. */
export const STREAM_FROM_BYTES = 4 * 1024 * 1024;

/** One import file as a stream of items (read lazily), or why it cannot be read. */
export type ImportFileStream =
  | { kind: 'items'; items: AsyncIterable<RawItem>; format: ImportFormat; problems: string[] }
  | { kind: 'rejected'; reason: string };

/**
 * Opens one file for `gazette import`. A big RSS, RDF or Atom file is cut into small feeds as
 * it is read (splitFeedItems) and its items come one piece at a time, so memory stays flat
 * whatever the file's size; pieces that cannot be read are named in `problems` and the rest
 * goes on. Every other file is read whole by readImportFile.
 */
export async function openImportFile(path: string): Promise<ImportFileStream> {
  let size: number;
  let sample: string;
  let utf16 = false;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { kind: 'rejected', reason: 'Not a regular file.' };
    size = info.size;
    const handle = await open(path);
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(65_536), 0, 65_536, 0);
      sample = decodeCharset(buffer.subarray(0, bytesRead)).text;
      // UTF-16 is not ASCII-compatible: the splitter could not see its markup.
      utf16 = bytesRead >= 2 && (buffer[0] === 0 || buffer[1] === 0 || (buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff));
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { kind: 'rejected', reason: `The file could not be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  const format = detectFormat(sample);
  const streamable = format === 'rss' || format === 'rdf' || format === 'atom';
  if (size < STREAM_FROM_BYTES || !streamable || utf16) {
    const whole = await readImportFile(path, { maxBytes: MAX_WHOLE_FILE_BYTES });
    return whole.kind === 'rejected' ? whole : { kind: 'items', items: toAsync(whole.items), format: whole.format, problems: [] };
  }
  const problems: string[] = [];
  async function* items(): AsyncGenerator<RawItem> {
    let piece = 0;
    for await (const bytes of splitFeedItems(createReadStream(path, { highWaterMark: 1024 * 1024 }))) {
      piece++;
      const result = parseFeed(bytes, { maxBytes: MAX_WHOLE_FILE_BYTES });
      if (result.kind === 'rejected') problems.push(`part ${piece}: ${result.reason}`);
      else yield* result.items;
    }
  }
  return { kind: 'items', items: items(), format, problems };
}

async function* toAsync<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

/** The kinds of file `gazette import` reads. */
export type ImportFormat = 'rss' | 'atom' | 'rdf' | 'json-feed' | 'newsml-g2' | 'newsml-1' | 'nitf' | 'ninjs' | 'html-page' | 'text-page';

/**
 * Reads one file for `gazette import` (and `gazette analyze`): a feed in any format parseFeed
 * reads (NewsML-G2 and NewsML 1.2 among them), ninjs JSON, a NITF article, an HTML article page or a plain-text article page like a scraper saves.
 * The format is sniffed from the content, not the file name, so a misnamed file still reads.
 * Article pages get the guid `file:<name>`, so importing the same file again updates the
 * same article. Never throws for a bad file; I/O errors come back as rejections too.
 */
export async function readImportFile(path: string, options: { maxBytes?: number } = {}): Promise<ImportFileResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FEED_BYTES;
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { kind: 'rejected', reason: 'Not a regular file.' };
    if (info.size > maxBytes) return { kind: 'rejected', reason: `The file is ${info.size} bytes, more than the limit of ${maxBytes}.` };
    bytes = await readFile(path);
  } catch (error) {
    return { kind: 'rejected', reason: `The file could not be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  try {
    return await readImportBytes(bytes, basename(path), { maxBytes });
  } catch (error) {
    return { kind: 'rejected', reason: `The file could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The content-sniffing half of readImportFile, for bytes already in memory. */
export async function readImportBytes(bytes: Uint8Array, name: string, options: { maxBytes?: number } = {}): Promise<ImportFileResult> {
  const { text } = decodeCharset(bytes);
  const start = text.replace(/^[\uFEFF\s]+/, '').slice(0, 1);
  if (start === '') return { kind: 'rejected', reason: 'The file is empty.' };

  if (start === '{' || start === '[') {
    if (detectFormat(text) === 'json-feed') return fromFeed(bytes, options.maxBytes);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { kind: 'rejected', reason: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
    const ninjs = parseNinjs(json);
    return ninjs.kind === 'accepted' ? { kind: 'items', items: ninjs.items, format: 'ninjs' } : ninjs;
  }

  if (start === '<') {
    const format = detectFormat(text);
    if (format === 'nitf') {
      const nitf = readNitfArticle(text, name, { maxBytes: options.maxBytes ?? DEFAULT_MAX_FEED_BYTES });
      return nitf.kind === 'item' ? { kind: 'items', items: [nitf.item], format: 'nitf' } : nitf;
    }
    if (format === 'html' || (format === 'unknown' && /<(?:html|body|p|article|div)[\s>]/i.test(text.slice(0, 4096)))) {
      return await htmlPage(text, name);
    }
    return fromFeed(bytes, options.maxBytes);
  }

  // Control characters (other than tab, line breaks and form feed) or undecodable bytes mean
  // a binary file, not an article page.
  const sample = text.slice(0, 4096);
  const binary = (sample.match(/[\u0000-\u0008\u000E-\u001F\uFFFD]/g)?.length ?? 0) > sample.length / 100;
  if (binary) return { kind: 'rejected', reason: 'A binary file: not a feed, ninjs JSON or an article page.' };
  const item = parseTextArticle(text);
  return { kind: 'items', items: [{ ...item, guid: item.guid ?? `file:${name}` }], format: 'text-page' };
}

function fromFeed(bytes: Uint8Array, maxBytes: number | undefined): ImportFileResult {
  const result = parseFeed(bytes, { maxBytes });
  if (result.kind === 'rejected') return result;
  return { kind: 'items', items: result.items, format: result.feed.format };
}

/**
 * An HTML article page: the article extractor's findings. A page with no article is rejected
 * with the extractor's reason, never published as its whole <body> (menus and all).
 */
async function htmlPage(html: string, name: string): Promise<ImportFileResult> {
  const guid = `file:${name}`;
  // Loaded for the first page: an import of feeds never needs the extractor (its DOM and
  // sanitizer cost the importing thread about 35 MB).
  const { extractArticle } = await import('../clean/extract-article.js');
  const extracted = extractArticle(html, null);
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1]?.replace(/\s+/g, ' ').trim() ?? '';
  if (extracted.kind === 'rejected') return extracted;
  const item: RawItem = {
    ...emptyRawItem(extracted.headline ?? title),
    guid,
    html: extracted.html,
    byline: extracted.byline,
    language: extracted.language,
    publishedAt: extracted.publishedAt,
    image: rawImage(extracted.leadImage, extracted.leadImageDetails),
  };
  return { kind: 'items', items: [item], format: 'html-page' };
}
