import { decodeCharset } from './decode-charset.js';
import { detectFormat } from './detect-format.js';
import type { FeedParseResult } from './feed-parse-result.js';
import { parseJsonFeed } from './parse-json-feed.js';
import { parseLenientXmlFeed } from './parse-lenient-xml-feed.js';
import { parseNewsml1 } from './parse-newsml-1.js';
import { parseNewsmlG2 } from './parse-newsml-g2.js';
import { parseXmlFeed } from './parse-xml-feed.js';
import { plainTextField } from './html-to-text.js';
import { plainTextItem } from './plain-text-item.js';
import { prepareXml } from './prepare-xml.js';

export type { FeedFormat, FeedInfo, FeedParseResult } from './feed-parse-result.js';

/** Options for `parseFeed`. */
export interface ParseFeedOptions {
  /** The HTTP Content-Type the document came with; its charset outranks the document's own. */
  contentType?: string | null;
  /** Where the feed came from; relative links resolve against it (after any xml:base). */
  url?: string | null;
  /** Largest document accepted, in bytes (default 10 MB). */
  maxBytes?: number;
}

/** Default upper bound on a feed document: big feeds are a few MB, anything larger is abuse. */
export const DEFAULT_MAX_FEED_BYTES = 10 * 1024 * 1024;

/**
 * Reads one feed document in any format Gazette knows (RSS 0.9x/1.0/2.0, Atom 0.3/1.0,
 * JSON Feed 1.0/1.1, NewsML-G2, NewsML 1.2) into RawItems. Decodes the bytes first (see decodeCharset
 * for the charset precedence), makes XML safe (no external entities, no entity bombs) and
 * lenient (HTML entities, truncated end tag), then hands it to the format's reader. Never
 * throws: anything it cannot read comes back as `{ kind: 'rejected', reason }`.
 */
export function parseFeed(input: Uint8Array | string, options: ParseFeedOptions = {}): FeedParseResult {
  try {
    const result = parseFeedUnguarded(input, options);
    if (result.kind !== 'feed') return result;
    return { ...result, feed: { ...result.feed, title: plainTextField(result.feed.title) }, items: result.items.map(plainTextItem) };
  } catch (error) {
    // The readers are defensive, but a parser bug must still end as data, not a crash.
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'rejected', reason: `The feed could not be read: ${message.split('\n')[0]!.slice(0, 200)}` };
  }
}

function parseFeedUnguarded(input: Uint8Array | string, options: ParseFeedOptions): FeedParseResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FEED_BYTES;
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxBytes) return { kind: 'rejected', reason: `The feed is ${size} bytes, more than the limit of ${maxBytes}.` };
  const { text } = decodeCharset(input, { contentType: options.contentType ?? null });
  const url = options.url ?? null;
  if (text.trim() === '') return { kind: 'rejected', reason: 'The document is empty.' };

  if (/^[\uFEFF\s]*[{[]/.test(text)) {
    return detectFormat(text) === 'json-feed'
      ? parseJsonFeed(text, { url })
      : { kind: 'rejected', reason: 'A JSON document that is not a JSON Feed (no https://jsonfeed.org/version/ "version").' };
  }

  const prepared = prepareXml(text, { maxTotalExpansion: maxBytes });
  if (prepared.kind === 'rejected') return prepared;
  const format = detectFormat(prepared.xml);
  switch (format) {
    case 'newsml-g2':
      return parseNewsmlG2(prepared.xml, { url });
    case 'newsml-1':
      return parseNewsml1(prepared.xml, { url });
    case 'nitf':
      return { kind: 'rejected', reason: 'This is one NITF article, not a feed: import it with `gazette import`, or send it in ninjs or NewsML.' };
    case 'rss':
    case 'rdf':
    case 'atom':
    case 'unknown-xml': {
      const result = parseXmlFeed(prepared.xml, { url });
      if (result.kind === 'feed') return result;
      // Not well-formed: fall back to a forgiving tag-soup reading before giving up.
      const lenient = parseLenientXmlFeed(prepared.xml, { url });
      return lenient.kind === 'feed' ? lenient : result;
    }
    case 'html':
      return { kind: 'rejected', reason: 'This is an HTML page, not a feed.' };
    default: {
      const lenient = parseLenientXmlFeed(prepared.xml, { url });
      return lenient.kind === 'feed' ? lenient : { kind: 'rejected', reason: 'Not a feed: no RSS, Atom, RDF, JSON Feed or NewsML-G2 document found.' };
    }
  }
}
