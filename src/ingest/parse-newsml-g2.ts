import { DomUtils, parseDocument } from 'htmlparser2';
import { emptyRawItem, rawImage, type RawItem } from '../domain/raw-item.js';
import type { FeedParseResult, FormatParseOptions } from './feed-parse-result.js';
import { htmlToText } from './html-to-text.js';
import { resolveUrl } from './resolve-url.js';

type Element = ReturnType<typeof DomUtils.findAll>[number];
type Nodes = ReturnType<typeof parseDocument>['children'];

/**
 * Reads IPTC NewsML-G2 (https://iptc.org/standards/newsml-g2/, 2.x): a single `newsItem`, or a
 * `newsMessage` whose `itemSet` carries several. From each text item it takes the guid,
 * `contentMeta/headline`, `by`, `dateline`, `language/@tag` (or `xml:lang`), `subject` names
 * and qcodes (→ categories), `description` (→ summary), the dates in `itemMeta` /
 * `contentMeta`, the body from `contentSet/inlineXML` (XHTML) or `inlineData` (text), and an
 * image from a `remoteContent` rendition or an `icon`. Expects XML that `prepareXml` made safe.
 */
export function parseNewsmlG2(xml: string, options: FormatParseOptions): FeedParseResult {
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  const newsItems = findAll(doc.children, 'newsItem');
  if (newsItems.length === 0) return { kind: 'rejected', reason: 'A NewsML-G2 document without any newsItem.' };
  const items = newsItems.map((item) => mapNewsItem(item, options.url));
  const header = findAll(doc.children, 'header')[0];
  return {
    kind: 'feed',
    feed: {
      title: text(first(header, 'sender')) ?? null,
      link: null,
      hubUrl: null,
      selfUrl: options.url,
      format: 'newsml-g2',
    },
    items,
  };
}

function mapNewsItem(item: Element, base: string | null): RawItem {
  const itemMeta = first(item, 'itemMeta');
  const contentMeta = first(item, 'contentMeta');
  const contentSet = first(item, 'contentSet');
  const headline = text(first(contentMeta, 'headline')) ?? text(first(contentMeta, 'slugline')) ?? '';
  const subjects = findAll(contentMeta?.children ?? [], 'subject').flatMap((s) => {
    const name = text(first(s, 'name'));
    const qcode = s.attribs.qcode?.trim();
    return [name, qcode].filter((v): v is string => !!v);
  });
  const description = text(first(contentMeta, 'description'));
  const { html, plain } = body(contentSet);
  const link = findAll(itemMeta?.children ?? [], 'link').find((l) => /alternate|seeAlso/i.test(l.attribs.rel ?? ''));
  const image =
    findAll(contentSet?.children ?? [], 'remoteContent').find((r) => /^image\//.test(r.attribs.contenttype ?? ''))?.attribs.href ??
    first(contentMeta, 'icon')?.attribs.href ??
    null;
  const creators = findAll(contentMeta?.children ?? [], 'creator').map((c) => text(first(c, 'name')) ?? c.attribs.literal ?? null);
  const byline = text(first(contentMeta, 'by')) ?? (creators.filter(Boolean).join(', ') || null);
  return {
    ...emptyRawItem(headline),
    guid: item.attribs.guid?.trim() || null,
    url: resolveUrl(link?.attribs.href, base),
    html,
    text: plain,
    summary: description ? htmlToText(description) : null,
    byline,
    dateline: text(first(contentMeta, 'dateline')),
    language: first(contentMeta, 'language')?.attribs.tag ?? item.attribs['xml:lang'] ?? null,
    publishedAt: date(text(first(itemMeta, 'firstCreated')) ?? text(first(contentMeta, 'contentCreated')) ?? text(first(itemMeta, 'versionCreated'))),
    updatedAt: date(text(first(itemMeta, 'versionCreated')) ?? text(first(contentMeta, 'contentModified'))),
    categories: [...new Set(subjects)],
    image: rawImage(resolveUrl(image, base)),
  };
}

/** The body: `inlineXML` holding XHTML (its `<body>` when there is one), else `inlineData`. */
function body(contentSet: Element | undefined): { html: string | null; plain: string | null } {
  if (!contentSet) return { html: null, plain: null };
  const inlineXml = findAll(contentSet.children, 'inlineXML')[0];
  if (inlineXml) {
    const root = findAll(inlineXml.children, 'body')[0] ?? inlineXml;
    const html = DomUtils.getInnerHTML(root, { xmlMode: false, encodeEntities: 'utf8' }).trim();
    if (html) return { html, plain: null };
  }
  const inlineData = findAll(contentSet.children, 'inlineData')[0];
  if (inlineData) {
    const value = DomUtils.textContent(inlineData).trim();
    const isHtml = /html/i.test(inlineData.attribs.contenttype ?? '');
    return isHtml ? { html: value, plain: null } : { html: null, plain: value };
  }
  return { html: null, plain: null };
}

/** Elements with this local name (any namespace prefix), searched recursively. */
function findAll(nodes: Nodes, localName: string): Element[] {
  return DomUtils.findAll((e) => e.name === localName || e.name.endsWith(`:${localName}`), nodes);
}

function first(parent: Element | undefined, localName: string): Element | undefined {
  return parent ? findAll(parent.children, localName)[0] : undefined;
}

function text(element: Element | undefined): string | null {
  const value = element ? DomUtils.textContent(element).replace(/\s+/g, ' ').trim() : '';
  return value || null;
}

function date(value: string | null): Date | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}
