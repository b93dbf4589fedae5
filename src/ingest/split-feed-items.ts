/** Cuts an XML feed into small feeds of a few items each, reading it as a stream. */
import { escapeRegExp } from '../domain/escape-reg-exp.js';

export interface SplitOptions {
  /** Items per piece (default 50). */
  itemsPerPiece?: number;
  /** A piece is cut before it grows past this many bytes (default 2 MB). */
  maxPieceBytes?: number;
}

/** An element that is one item: RSS 0.9x/1.0/2.0 `<item>`, Atom `<entry>`, with or without a prefix. */
const ITEM_START = /^<((?:[\w.-]+:)?(?:item|entry))[\s/>]/;

/**
 * Reads an RSS, RDF or Atom document chunk by chunk and yields small, complete documents:
 * the feed's head (everything before its first item), a run of items, and the closing tags
 * the head left open. Each piece parses with parseFeed exactly as the whole would, so a
 * 200 MB file is read in flat memory by the same readers as a fetched feed. The search works
 * on bytes as latin1, which is safe for every ASCII-compatible charset (UTF-8, ISO-8859-x,
 * windows-125x): markup characters are single bytes there. CDATA sections and comments are
 * skipped, so markup inside an item's escaped HTML never cuts it.
 */
export async function* splitFeedItems(chunks: AsyncIterable<Uint8Array>, options: SplitOptions = {}): AsyncGenerator<Buffer> {
  const perPiece = options.itemsPerPiece ?? 50;
  const maxBytes = options.maxPieceBytes ?? 2 * 1024 * 1024;
  let buffer = Buffer.alloc(0);
  let text = '';
  let pos = 0;
  let head: Buffer | null = null;
  let tail = '';
  let items: Buffer[] = [];
  let itemsBytes = 0;
  let itemStart = -1;
  let itemTag = '';
  let depth = 0;

  const piece = () => {
    const out = Buffer.concat([head!, ...items, Buffer.from(tail, 'latin1')]);
    items = [];
    itemsBytes = 0;
    return out;
  };

  for await (const chunk of chunks) {
    buffer = buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([buffer, chunk]);
    text = buffer.toString('latin1');
    for (;;) {
      const lt = text.indexOf('<', pos);
      if (lt < 0) {
        pos = text.length;
        break;
      }
      const skip = skipSpecial(text, lt);
      if (skip === -1) break; // a CDATA section or comment that ends in a later chunk
      if (skip > lt) {
        pos = skip;
        continue;
      }
      const gt = text.indexOf('>', lt);
      if (gt < 0) break;
      const tag = text.slice(lt, gt + 1);
      pos = gt + 1;
      const start = ITEM_START.exec(tag);
      if (start) {
        if (depth === 0) {
          if (head === null) {
            head = Buffer.from(buffer.subarray(0, lt));
            tail = closingTags(text.slice(0, lt));
          }
          itemStart = lt;
          itemTag = start[1]!;
        }
        if (!tag.endsWith('/>') && start[1] === itemTag) depth++;
        else if (depth === 0) itemStart = -1;
      } else if (depth > 0 && new RegExp(`^</${escapeRegExp(itemTag)}\\s*>`).test(tag)) {
        depth--;
        if (depth === 0) {
          const item = Buffer.from(buffer.subarray(itemStart, pos));
          items.push(item);
          itemsBytes += item.length;
          itemStart = -1;
          if (items.length >= perPiece || itemsBytes >= maxBytes) yield piece();
        }
      }
    }
    // Keep only what is still needed: the open item (or the head, before the first item).
    const keepFrom = head === null ? 0 : itemStart >= 0 ? itemStart : pos;
    if (keepFrom > 0) {
      buffer = Buffer.from(buffer.subarray(keepFrom));
      text = text.slice(keepFrom);
      pos -= keepFrom;
      if (itemStart >= 0) itemStart -= keepFrom;
    }
  }
  if (head === null) {
    // No item at all: the document as it is (an empty feed, or not a feed).
    if (buffer.length > 0) yield buffer;
    return;
  }
  if (items.length > 0) yield piece();
}

/** Skips `<![CDATA[…]]>`, `<!--…-->` and `<?…?>` at `lt`: the index after it, `lt` when none, -1 when unfinished. */
function skipSpecial(text: string, lt: number): number {
  for (const [open, close] of [['<![CDATA[', ']]>'], ['<!--', '-->'], ['<?', '?>']] as const) {
    if (text.startsWith(open, lt)) {
      const end = text.indexOf(close, lt + open.length);
      return end < 0 ? -1 : end + close.length;
    }
    // A chunk may end inside the opener itself.
    if (text.length - lt < open.length && open.startsWith(text.slice(lt))) return -1;
  }
  return lt;
}

/** The closing tags of the elements the head leaves open, innermost first. */
function closingTags(head: string): string {
  const open: string[] = [];
  const re = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[?!][^>]*>|<(\/?)([\w.:-]+)[^>]*?(\/?)>/g;
  for (const m of head.matchAll(re)) {
    if (!m[2] || m[3]) continue;
    if (m[1]) {
      const at = open.lastIndexOf(m[2]);
      if (at >= 0) open.length = at;
    } else open.push(m[2]);
  }
  return open.reverse().map((name) => `</${name}>`).join('');
}
