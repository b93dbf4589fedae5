import { DomUtils, parseDocument } from 'htmlparser2';
import { emptyRawItem, rawImage, type PubStatus, type RawImage, type RawItem } from '../domain/raw-item.js';
import type { FeedParseResult, FormatParseOptions } from './feed-parse-result.js';
import { parseNitfDate, readNitf } from './nitf/nitf-to-html.js';
import { resolveUrl } from './resolve-url.js';
import { stripRepeatedHeadline } from './strip-repeated-headline.js';

type Element = ReturnType<typeof DomUtils.findAll>[number];

/**
 * Reads IPTC NewsML 1.2 (https://iptc.org/std/NewsML/1.2/): a `NewsML` document whose
 * `NewsItem`s each hold a tree of `NewsComponent`s with `ContentItem`s. This is how Business
 * Wire, GlobeNewswire and PR Newswire send releases. From each item: the identifier
 * (`PublicIdentifier`), `Status`, `FirstCreated`/`ThisRevisionCreated`, the `HeadLine`,
 * `DateLine`, `ByLine` and `CopyrightLine` of the main component, the body from the component
 * whose `Role` is Body/Main (XHTML, HTML, NITF or text `DataContent`), a sub-headline and
 * contacts around it, the lead photo (the biggest web-size rendition of a Photo component,
 * captioned by its HeadLine), subject codes and the provider's keyword properties.
 * Expects XML that `prepareXml` made safe.
 */
export function parseNewsml1(xml: string, options: FormatParseOptions): FeedParseResult {
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  const newsItems = all(doc.children, 'NewsItem');
  if (newsItems.length === 0) return { kind: 'rejected', reason: 'A NewsML 1.2 document without any NewsItem.' };
  const items = newsItems.map((item) => mapNewsItem(item, options.url));
  const envelope = all(doc.children, 'NewsEnvelope')[0];
  const service = envelope ? all(envelope.children, 'NewsService')[0]?.attribs.FormalName ?? null : null;
  return { kind: 'feed', feed: { title: service, link: null, hubUrl: null, selfUrl: options.url, format: 'newsml-1' }, items };
}

function mapNewsItem(item: Element, base: string | null): RawItem {
  const identifier = first(item, 'NewsIdentifier');
  const management = first(item, 'NewsManagement');
  const top = first(item, 'NewsComponent');
  const components = top ? [top, ...all(top.children, 'NewsComponent')] : [];
  const roleOf = (c: Element) => (directChild(c, 'Role')?.attribs.FormalName ?? '').toLowerCase();
  // The story's own lines sit on a component without a media role.
  const main = components.find((c) => !roleOf(c) && directChild(c, 'NewsLines') && first(directChild(c, 'NewsLines')!, 'HeadLine')) ?? top;
  const lines = main ? directChild(main, 'NewsLines') : undefined;
  const headline = text(first(lines, 'HeadLine')) ?? '';

  const bodyComponent = components.find((c) => /^(body|main)$/.test(roleOf(c)));
  const body = bodyComponent ? contentOf(bodyComponent) : { html: null, plain: null, nitf: null };
  const subHeadline = components.find((c) => roleOf(c) === 'subheadline');
  const contact = components.find((c) => roleOf(c) === 'contact');
  let html = body.html;
  if (html !== null) {
    const sub = subHeadline ? contentOf(subHeadline).html : null;
    const contacts = contact ? contentOf(contact).html : null;
    html = `${sub ?? ''}${stripRepeatedHeadline(html, headline)}${contacts ? `<h2>Contacts</h2>${contacts}` : ''}`;
  }

  const status = (first(management, 'Status')?.attribs.FormalName ?? 'Usable').toLowerCase();
  const pubStatus: PubStatus = status === 'canceled' || status === 'withheld' || status === 'embargoed' ? status : 'usable';
  const willChange = first(management, 'StatusWillChange');
  const copyrightLine = text(first(lines, 'CopyrightLine')) ?? text(first(top, 'CopyrightLine'));
  const language = first(top, 'Language')?.attribs.FormalName ?? null;

  return {
    ...emptyRawItem(headline),
    guid: text(first(identifier, 'PublicIdentifier')) ?? joinIdentifier(identifier),
    html,
    text: body.plain,
    byline: text(first(lines, 'ByLine')) ?? body.nitf?.byline ?? null,
    dateline: text(first(lines, 'DateLine')) ?? body.nitf?.dateline ?? null,
    language,
    publishedAt: parseNitfDate(text(first(management, 'FirstCreated')) ?? undefined),
    updatedAt: parseNitfDate(text(first(management, 'ThisRevisionCreated')) ?? undefined),
    categories: categoriesOf(item),
    image: leadPhoto(components.filter((c) => roleOf(c) === 'photo'), base) ?? leadPhoto(components.filter((c) => roleOf(c) === 'video'), base),
    pubStatus,
    embargoedUntil: pubStatus === 'embargoed' ? parseNitfDate(text(first(willChange, 'DateAndTime')) ?? undefined) : null,
    rights: copyrightLine ? { copyrightNotice: copyrightLine, usageTerms: text(first(top, 'RightsLine')) } : null,
  };
}

/** A component's readable content: XHTML/HTML (the inside of its body), NITF converted, or text. */
function contentOf(component: Element): { html: string | null; plain: string | null; nitf: ReturnType<typeof readNitf> | null } {
  for (const ci of children(component, 'ContentItem')) {
    const mime = (first(ci, 'MimeType')?.attribs.FormalName ?? '').toLowerCase();
    const format = (first(ci, 'Format')?.attribs.FormalName ?? '').toLowerCase();
    const data = first(ci, 'DataContent');
    if (!data) continue;
    if (mime.includes('nitf') || format.includes('nitf') || all(data.children, 'nitf').length > 0) {
      const nitf = readNitf(data.children);
      if (nitf.html) return { html: nitf.html, plain: null, nitf };
    } else if (mime.includes('html') || format.includes('html')) {
      const root = all(data.children, 'body')[0] ?? data;
      const html = DomUtils.getInnerHTML(root, { xmlMode: false, encodeEntities: 'utf8' }).trim();
      if (html) return { html, plain: null, nitf: null };
    } else if (mime === 'text/plain' || format === 'text') {
      const plain = DomUtils.textContent(data).trim();
      if (plain) return { html: null, plain, nitf: null };
    }
  }
  return { html: null, plain: null, nitf: null };
}

/** The biggest web-size picture of the first photo component, captioned by its HeadLine. */
function leadPhoto(components: Element[], base: string | null): RawImage | null {
  for (const component of components) {
    const pictures = children(component, 'ContentItem').filter((ci) => /^image\//.test(first(ci, 'MimeType')?.attribs.FormalName ?? '') && ci.attribs.Href);
    const width = (ci: Element) => Number(property(ci, 'PixelWidth')) || 0;
    const score = (ci: Element) => (width(ci) <= 2048 ? width(ci) : -width(ci));
    const best = pictures.sort((a, b) => score(b) - score(a))[0];
    if (!best) continue;
    const caption = text(first(directChild(component, 'NewsLines'), 'HeadLine'));
    return rawImage(resolveUrl(best.attribs.Href, base), { caption, alt: caption, width: width(best) || null, height: Number(property(best, 'PixelHeight')) || null });
  }
  return null;
}

/** Subject codes (IPTC 8-digit), the provider's keyword properties (e.g. Business Wire's), and the genre. */
function categoriesOf(item: Element): string[] {
  const terms: string[] = [];
  for (const s of all(item.children, 'Subject')) if (s.attribs.FormalName) terms.push(s.attribs.FormalName);
  for (const p of all(item.children, 'Property')) {
    if (/keyword|subject|category|industry/i.test(p.attribs.FormalName ?? '') && p.attribs.Value) terms.push(p.attribs.Value);
  }
  const genre = all(item.children, 'Genre')[0]?.attribs.FormalName;
  if (genre && /release/i.test(genre)) terms.push('press release');
  return [...new Set(terms)].slice(0, 40);
}

function joinIdentifier(identifier: Element | undefined): string | null {
  const parts = ['ProviderId', 'DateId', 'NewsItemId'].map((n) => text(first(identifier, n)));
  return parts.every(Boolean) ? `urn:newsml:${parts.join(':')}` : null;
}

function property(ci: Element, name: string): string | undefined {
  return all(ci.children, 'Property').find((p) => p.attribs.FormalName === name)?.attribs.Value;
}

function all(nodes: Element['children'], name: string): Element[] {
  return DomUtils.findAll((e) => e.name === name, nodes);
}

function first(parent: Element | undefined, name: string): Element | undefined {
  return parent ? all(parent.children, name)[0] : undefined;
}

function children(parent: Element, name: string): Element[] {
  return parent.children.filter((c): c is Element => c.type === 'tag' && (c as Element).name === name);
}

function directChild(parent: Element, name: string): Element | undefined {
  return children(parent, name)[0];
}

function text(element: Element | undefined): string | null {
  const value = element ? DomUtils.textContent(element).replace(/\s+/g, ' ').trim() : '';
  return value || null;
}
