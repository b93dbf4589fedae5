import { DomUtils, parseDocument } from 'htmlparser2';
import { nestsDeeperThan } from '../domain/markup-depth.js';

/** XML ready for a non-validating parser, or why it is refused. */
export type PreparedXml = { kind: 'ok'; xml: string; repairs: string[] } | { kind: 'rejected'; reason: string };

/** Limits on what a document's DTD may declare. */
export interface PrepareXmlOptions {
  /** Longest text one entity may expand to. */
  maxEntityExpansion?: number;
  /** Most characters all entity references together may add to the document. */
  maxTotalExpansion?: number;
}

const XML_PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const MAX_ENTITY_DECLARATIONS = 1000;
/** Deepest element nesting read, as for an article page (clean stage): no real feed comes near it. */
const MAX_DEPTH = 1000;

/**
 * Makes a feed document safe and readable before any XML parser sees it:
 *
 * - Security. The DOCTYPE is removed, so no parser ever resolves anything. External entities
 *   (SYSTEM/PUBLIC, the XXE attack) are refused outright. A document nested more than 1,000
 *   levels deep is refused before any parser builds its tree. Internal entities are expanded here,
 *   with their expanded size computed first (memoised, cycle-checked) so an entity bomb
 *   ("billion laughs", or one large entity referenced many times) is refused in microseconds
 *   instead of being expanded.
 * - Leniency. HTML named entities that XML does not define (`&eacute;` in an RSS title, which
 *   RSS 0.91 feeds used freely) become numeric character references; a bare `&` becomes
 *   `&amp;`; a document truncated right after its last `</rss` gets its `>` back.
 */
export function prepareXml(text: string, options: PrepareXmlOptions = {}): PreparedXml {
  const maxEntity = options.maxEntityExpansion ?? 100_000;
  const maxTotal = options.maxTotalExpansion ?? 10_000_000;
  const repairs: string[] = [];
  let xml = text.replace(/^[\uFEFF\s]+/, '');

  let entities = new Map<string, string>();
  const doctype = findDoctype(xml);
  if (doctype) {
    const declared = readEntityDeclarations(doctype.text);
    if (declared.kind === 'rejected') return declared;
    const expanded = expandDeclarations(declared.entities, maxEntity);
    if (expanded.kind === 'rejected') return expanded;
    entities = expanded.entities;
    xml = xml.slice(0, doctype.start) + xml.slice(doctype.end);
  }

  let added = 0;
  let bomb = false;
  xml = mapOutsideCdata(xml, (chunk) =>
    chunk.replace(/&(?:([A-Za-z_][\w.-]*);|(#\d+;|#x[0-9A-Fa-f]+;))?/g, (match, name: string | undefined, charRef: string | undefined) => {
      if (charRef) return match;
      if (name === undefined) return '&amp;';
      if (XML_PREDEFINED.has(name)) return match;
      const value = entities.get(name);
      if (value !== undefined) {
        added += value.length;
        if (added > maxTotal) bomb = true;
        return bomb ? '' : value;
      }
      const html = decodeHtmlEntity(name);
      return html === null ? `&amp;${name};` : html;
    }),
  );
  if (bomb) {
    return { kind: 'rejected', reason: `Entity references would add more than ${maxTotal} characters to the document (an entity-expansion attack); it was not expanded.` };
  }

  if (nestsDeeperThan(xml, MAX_DEPTH, { xml: true })) return { kind: 'rejected', reason: `The document nests elements more than ${MAX_DEPTH} levels deep.` };

  const truncated = /<\/([A-Za-z][\w:.-]*)\s*$/.exec(xml);
  if (truncated) {
    xml += '>';
    repairs.push(`closed the truncated end tag </${truncated[1]}`);
  }
  return { kind: 'ok', xml, repairs };
}

/** The DOCTYPE declaration with its internal subset, if the document has one. */
function findDoctype(xml: string): { start: number; end: number; text: string } | null {
  // Only a DOCTYPE in the prolog counts (XML 1.0 §2.8): after the declaration, processing
  // instructions, comments and whitespace, before the first element.
  const prolog = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|\s+)*/.exec(xml);
  const start = prolog ? prolog[0].length : 0;
  if (!/^<!DOCTYPE/i.test(xml.slice(start, start + 9))) return null;
  let depth = 0;
  let quote: string | null = null;
  for (let i = start + 2; i < xml.length; i++) {
    const c = xml[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '[') {
      depth++;
    } else if (c === ']') {
      depth--;
    } else if (c === '>' && depth <= 0) {
      return { start, end: i + 1, text: xml.slice(start, i + 1) };
    }
  }
  return { start, end: xml.length, text: xml.slice(start) };
}

type Declarations = { kind: 'ok'; entities: Map<string, string> } | { kind: 'rejected'; reason: string };

/** Reads `<!ENTITY …>` declarations (XML 1.0 §4.2); refuses any external one. */
function readEntityDeclarations(doctype: string): Declarations {
  const entities = new Map<string, string>();
  const declaration = /<!ENTITY\s+(%\s+)?([^\s"'>]+)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)\b([^>]*))\s*>/gi;
  let count = 0;
  for (const m of doctype.matchAll(declaration)) {
    if (++count > MAX_ENTITY_DECLARATIONS) {
      return { kind: 'rejected', reason: `The document declares more than ${MAX_ENTITY_DECLARATIONS} entities; it was refused.` };
    }
    const name = m[2]!;
    if (m[5]) {
      const target = m[6]!.trim().slice(0, 120);
      return {
        kind: 'rejected',
        reason: `The document declares an external entity "${name}" (${m[5].toUpperCase()} ${target}); external entities are never resolved, so the document was refused.`,
      };
    }
    // Parameter entities only matter inside the DTD, which is never processed.
    if (m[1]) continue;
    if (!entities.has(name)) entities.set(name, m[3] ?? m[4] ?? '');
  }
  return { kind: 'ok', entities };
}

/** Expands internal entities in each other's values, refusing cycles and oversized results. */
function expandDeclarations(raw: Map<string, string>, maxLength: number): Declarations {
  const sizes = new Map<string, number>();
  const visiting = new Set<string>();
  const reference = /&([A-Za-z_][\w.-]*);/g;
  // First the expanded sizes, without building any string: a bomb is detected by arithmetic.
  const sizeOf = (name: string): number => {
    const known = sizes.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) return Infinity;
    visiting.add(name);
    const value = raw.get(name)!;
    let size = value.length;
    for (const m of value.matchAll(reference)) {
      const inner = m[1]!;
      if (!raw.has(inner)) continue;
      size += sizeOf(inner) - m[0].length;
      if (size > maxLength) break;
    }
    visiting.delete(name);
    sizes.set(name, size);
    return size;
  };
  for (const name of raw.keys()) {
    const size = sizeOf(name);
    if (size > maxLength) {
      const what = size === Infinity ? 'refers to itself' : `would expand to more than ${maxLength} characters`;
      return {
        kind: 'rejected',
        reason: `The document's entity "${name}" ${what} (an entity-expansion attack such as "billion laughs"); it was refused without expanding it.`,
      };
    }
  }
  const expanded = new Map<string, string>();
  const expand = (name: string): string => {
    const done = expanded.get(name);
    if (done !== undefined) return done;
    const value = raw.get(name)!.replace(reference, (match, inner: string) => (raw.has(inner) ? expand(inner) : match));
    expanded.set(name, value);
    return value;
  };
  for (const name of raw.keys()) expand(name);
  return { kind: 'ok', entities: expanded };
}

/** Applies `fn` to the text outside CDATA sections and comments, whose content is literal. */
function mapOutsideCdata(xml: string, fn: (chunk: string) => string): string {
  if (!xml.includes('<![CDATA[') && !xml.includes('<!--')) return fn(xml);
  const parts = xml.split(/(<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$))/);
  return parts.map((part, i) => (i % 2 === 1 ? part : fn(part))).join('');
}

const htmlEntityCache = new Map<string, string | null>();

/**
 * An HTML named entity as a numeric character reference (HTML Living Standard, "named
 * character references"), or null when HTML does not define the name either.
 */
function decodeHtmlEntity(name: string): string | null {
  const cached = htmlEntityCache.get(name);
  if (cached !== undefined) return cached;
  const decoded = DomUtils.textContent(parseDocument(`&${name};`, { decodeEntities: true }));
  const result =
    // Every HTML named reference decodes to one or two code points; anything longer is a
    // legacy prefix match ("&notit;" read as "¬it;"), not this name.
    decoded === '' || [...decoded].length > 2
      ? null
      : [...decoded].map((ch) => `&#${ch.codePointAt(0)};`).join('');
  if (htmlEntityCache.size < 5000) htmlEntityCache.set(name, result);
  return result;
}
