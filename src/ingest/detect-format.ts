import type { FeedFormat } from './feed-parse-result.js';

/** What a document looks like: a feed format, or something else worth naming in a rejection. */
export type DetectedFormat = FeedFormat | 'nitf' | 'html' | 'unknown-xml' | 'unknown';

/**
 * Names a document's format from its first element (or its JSON shape). Looks only at the
 * start of the text, so it is cheap, and never throws. JSON Feed is recognised by its
 * `version` URL (JSON Feed 1.1, "version (required)"); NewsML-G2 by its `newsItem` /
 * `newsMessage` root (IPTC NewsML-G2 2.x), or by its other item roots and the fragments
 * the specification's examples are made of, so its reader can say what they are; NewsML 1.2
 * by its `NewsML` root; a NITF article by its `nitf` root.
 */
export function detectFormat(text: string): DetectedFormat {
  const head = text.slice(0, 4096).replace(/^[\uFEFF\s]+/, '');
  if (head.startsWith('{')) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(text.slice(0, 65536)) ? 'json-feed' : 'unknown';
  const body = skipProlog(head);
  const root = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(body);
  if (!root) return /<rss[\s>]/i.test(head) ? 'rss' : 'unknown';
  const name = root[2]!.toLowerCase();
  if (name === 'rss') return 'rss';
  if (name === 'feed') return 'atom';
  if (name === 'rdf') return 'rdf';
  if (NEWSML_G2_ROOTS.has(name)) return 'newsml-g2';
  if (name === 'newsml') return 'newsml-1';
  if (name === 'nitf') return 'nitf';
  if (name === 'html') return 'html';
  // Microsoft CDF and other channel roots the RSS reader can still make sense of.
  if (name === 'channel') return 'rss';
  return 'unknown-xml';
}

/** Root elements of NewsML-G2 documents: items, messages, and parts sent alone (lower case). */
const NEWSML_G2_ROOTS = new Set([
  'newsitem', 'newsmessage', 'packageitem', 'conceptitem', 'knowledgeitem', 'planningitem', 'catalogitem',
  'contentset', 'contentmeta', 'itemmeta', 'groupset', 'rightsinfo', 'catalogref',
]);

/** Skips the XML declaration, processing instructions, comments and the DOCTYPE. */
function skipProlog(text: string): string {
  let rest = text;
  for (;;) {
    const m = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>|\s+)/i.exec(rest);
    if (!m || m[0].length === 0) return rest;
    rest = rest.slice(m[0].length);
  }
}
