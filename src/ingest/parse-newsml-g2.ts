import { DomUtils, parseDocument } from 'htmlparser2';
import { emptyRawItem, rawImage, type PubStatus, type RawImage, type RawItem } from '../domain/raw-item.js';
import type { FeedParseResult, FormatParseOptions } from './feed-parse-result.js';
import { htmlToText } from './html-to-text.js';
import { readNitf } from './nitf/nitf-to-html.js';
import { resolveUrl } from './resolve-url.js';
import { stripRepeatedHeadline } from './strip-repeated-headline.js';

type Element = ReturnType<typeof DomUtils.findAll>[number];
type Nodes = ReturnType<typeof parseDocument>['children'];

/** NewsML-G2 items that are not news to show, by root element: what to tell the provider. */
const NOT_NEWS: Record<string, string> = {
  conceptItem: 'a concept item (it describes a person, place, organisation, event or idea, not a story)',
  knowledgeItem: 'a knowledge item (a set of concepts, such as events or access codes, not a story)',
  planningItem: 'a planning item (news coverage an agency plans to deliver, not a story)',
  catalogItem: 'a catalog item (a list of controlled vocabularies, not a story)',
  packageItem: 'a package item (it only lists other items; send the news items themselves)',
};

/** Parts of a NewsML-G2 item that are sometimes sent alone (examples, fragments). */
const FRAGMENTS = new Set(['contentSet', 'contentMeta', 'itemMeta', 'rightsInfo', 'groupSet', 'catalogRef', 'inlineXML']);

/**
 * Reads IPTC NewsML-G2 (https://iptc.org/standards/newsml-g2/, 2.x): a single `newsItem`, or a
 * `newsMessage` whose `itemSet` carries several. Text items become articles (body from
 * `inlineXML` as XHTML or NITF, or `inlineData`), picture and video items media stories
 * (`remoteContent` renditions), and `pubStatus` canceled/withheld/embargoed is passed on.
 * Concept, knowledge, planning, catalog and package items, events and fragments are refused
 * with a reason naming what they are. Expects XML that `prepareXml` made safe.
 */
export function parseNewsmlG2(xml: string, options: FormatParseOptions): FeedParseResult {
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  const newsItems = findAll(doc.children, 'newsItem');
  const root = doc.children.find((n): n is Element => n.type === 'tag');
  const rootName = root ? localName(root) : '';
  if (newsItems.length === 0) {
    const other = Object.keys(NOT_NEWS).find((name) => findAll(doc.children, name).length > 0);
    if (other) return { kind: 'rejected', reason: `This NewsML-G2 document is ${NOT_NEWS[other]}; Gazette publishes news items.` };
    if (FRAGMENTS.has(rootName)) return { kind: 'rejected', reason: `A NewsML-G2 fragment (<${rootName}>), not a whole item: Gazette needs a newsItem with its guid, itemMeta and contentMeta.` };
    return { kind: 'rejected', reason: 'A NewsML-G2 document without any newsItem.' };
  }
  const items: RawItem[] = [];
  const refused: string[] = [];
  for (const item of newsItems) {
    const read = mapNewsItem(item, options.url);
    if (typeof read === 'string') refused.push(read);
    else items.push(read);
  }
  if (items.length === 0) return { kind: 'rejected', reason: [...new Set(refused)].join(' ') };
  const header = findAll(doc.children, 'header')[0];
  return {
    kind: 'feed',
    feed: { title: text(first(header, 'sender')) ?? null, link: null, hubUrl: null, selfUrl: options.url, format: 'newsml-g2' },
    items,
  };
}

/** One newsItem → a RawItem, or why it is not a story. */
function mapNewsItem(item: Element, base: string | null): RawItem | string {
  const itemMeta = first(item, 'itemMeta');
  const contentMeta = first(item, 'contentMeta');
  const contentSet = first(item, 'contentSet');
  const itemClass = (first(itemMeta, 'itemClass')?.attribs.qcode ?? 'ninat:text').replace(/^.*:/, '').toLowerCase();
  const pubStatus = statusOf(first(itemMeta, 'pubStatus')?.attribs.qcode);
  const guid = item.attribs.guid?.trim() || null;
  const withdrawn = pubStatus === 'canceled' || pubStatus === 'withheld';

  const inlineXml = contentSet ? findAll(contentSet.children, 'inlineXML')[0] : undefined;
  if (inlineXml && findAll(inlineXml.children, 'events').length > 0 && !withdrawn) {
    return 'This newsItem carries a set of events (inlineXML <events>), not a story; Gazette does not show events.';
  }
  const inlineType = (inlineXml?.attribs.contenttype ?? '').toLowerCase();
  if (inlineType && !/html|nitf/.test(inlineType) && !withdrawn) {
    return `This newsItem's content is ${inlineType}, which Gazette cannot show as a story (it reads XHTML and NITF).`;
  }
  if (!['text', 'composite', 'picture', 'graphic', 'video', 'audio'].includes(itemClass) && !withdrawn) {
    return `This newsItem is of class "${itemClass}"; Gazette publishes text, picture, video and audio items.`;
  }

  const media = itemClass === 'picture' || itemClass === 'graphic' || itemClass === 'video' || itemClass === 'audio';
  const nitfBody = inlineXml && isNitf(inlineXml) ? readNitf(inlineXml.children) : null;
  const headline = text(first(contentMeta, 'headline')) ?? nitfBody?.headline ?? text(first(itemMeta, 'title')) ?? text(first(contentMeta, 'slugline')) ?? '';
  const descriptions = findAll(contentMeta?.children ?? [], 'description');
  const caption = descriptions.find((d) => /caption/i.test(d.attribs.role ?? '')) ?? (media ? descriptions[0] : undefined);
  const summaryElement = descriptions.find((d) => /abstract|summary|teaser/i.test(d.attribs.role ?? '')) ?? (media ? undefined : descriptions[0]);
  const creators = findAll(contentMeta?.children ?? [], 'creator').map((c) => text(first(c, 'name')) ?? c.attribs.literal ?? null);
  const credit = text(first(contentMeta, 'creditline')) ?? (creators.filter(Boolean).join(', ') || null);

  let html: string | null = null;
  let plain: string | null = null;
  let image: RawImage | null = null;
  const remote = contentSet ? findAll(contentSet.children, 'remoteContent') : [];
  if (media) {
    const captionText = caption ? htmlToText(DomUtils.textContent(caption)) : null;
    image = pictureOf(remote, base, { caption: captionText, credit, alt: captionText ?? headline });
    const player = itemClass === 'video' || itemClass === 'audio' ? playerOf(remote, base, itemClass) : '';
    if (player) html = `${player}${captionText ? `<p>${escapeText(captionText)}</p>` : ''}${credit ? `<p><small>${escapeText(credit)}</small></p>` : ''}`;
    else plain = captionText;
  } else {
    const body = bodyOf(contentSet, nitfBody);
    html = body.html ? stripRepeatedHeadline(body.html, headline) || null : null;
    plain = body.plain;
    image = pictureOf(remote, base, {}) ?? rawImage(resolveUrl(first(contentMeta, 'icon')?.attribs.href, base));
  }

  const link = findAll(itemMeta?.children ?? [], 'link').find((l) => /alternate|seeAlso/i.test(l.attribs.rel ?? ''));
  const rightsInfo = first(item, 'rightsInfo');
  const copyrightNotice = text(first(rightsInfo, 'copyrightNotice')) ?? (text(first(first(rightsInfo, 'copyrightHolder'), 'name')) ? `© ${text(first(first(rightsInfo, 'copyrightHolder'), 'name'))}` : null);
  const usageTerms = text(first(rightsInfo, 'usageTerms'));
  const located = first(contentMeta, 'located');
  return {
    ...emptyRawItem(headline),
    guid,
    url: resolveUrl(link?.attribs.href, base),
    html,
    text: plain,
    summary: summaryElement ? htmlToText(DomUtils.textContent(summaryElement)) || null : (nitfBody?.summary ?? null),
    byline: text(first(contentMeta, 'by')) ?? nitfBody?.byline ?? (media ? null : creators.filter(Boolean).join(', ') || null),
    dateline: text(first(contentMeta, 'dateline')) ?? nitfBody?.dateline ?? (located ? text(first(located, 'name')) : null),
    language: first(contentMeta, 'language')?.attribs.tag ?? item.attribs['xml:lang'] ?? null,
    publishedAt: date(text(first(itemMeta, 'firstCreated')) ?? text(first(contentMeta, 'contentCreated')) ?? text(first(itemMeta, 'versionCreated'))),
    updatedAt: date(text(first(itemMeta, 'versionCreated')) ?? text(first(contentMeta, 'contentModified'))),
    categories: subjectsOf(contentMeta),
    image,
    pubStatus,
    embargoedUntil: date(text(first(itemMeta, 'embargoed'))),
    rights: copyrightNotice || usageTerms ? { copyrightNotice, usageTerms } : null,
  };
}

/** `stat:usable`, `stat:canceled`, `stat:withheld` (IPTC NewsCodes pubstatusg2); embargoed is read from `embargoed`. */
function statusOf(qcode: string | undefined): PubStatus {
  const value = (qcode ?? '').replace(/^.*[:/]/, '').toLowerCase();
  return value === 'canceled' || value === 'withheld' || value === 'embargoed' ? value : 'usable';
}

/** Subject qcodes (with the qcodes of their `broader` concepts) and names, for the enrich stage. */
function subjectsOf(contentMeta: Element | undefined): string[] {
  const terms: string[] = [];
  for (const s of findAll(contentMeta?.children ?? [], 'subject')) {
    const name = findAll(s.children, 'name').find((n) => n.parent === s);
    const value = text(name);
    if (value) terms.push(value);
    const qcode = s.attribs.qcode?.trim();
    if (qcode) terms.push(qcode);
    for (const b of findAll(s.children, 'broader')) if (b.attribs.qcode && /medtop:|subj:/.test(b.attribs.qcode)) terms.push(b.attribs.qcode.trim());
  }
  return [...new Set(terms)].slice(0, 40);
}

function isNitf(inlineXml: Element): boolean {
  return /nitf/i.test(inlineXml.attribs.contenttype ?? '') || findAll(inlineXml.children, 'nitf').length > 0;
}

/** The body: `inlineXML` holding NITF (converted) or XHTML (its `<body>`), else `inlineData`. */
function bodyOf(contentSet: Element | undefined, nitf: ReturnType<typeof readNitf> | null): { html: string | null; plain: string | null } {
  if (!contentSet) return { html: null, plain: null };
  if (nitf?.html) return { html: nitf.html, plain: null };
  const inlineXml = findAll(contentSet.children, 'inlineXML')[0];
  if (inlineXml && !nitf) {
    const root = findAll(inlineXml.children, 'body')[0] ?? inlineXml;
    const html = DomUtils.getInnerHTML(root, { xmlMode: false, encodeEntities: 'utf8' }).replace(/<!--[\s\S]*?-->/g, '').trim();
    if (html) return { html, plain: null };
  }
  const inlineData = findAll(contentSet.children, 'inlineData')[0];
  if (inlineData) {
    const value = DomUtils.textContent(inlineData).trim();
    const isHtml = /html/i.test(inlineData.attribs.contenttype ?? '');
    return isHtml ? { html: value, plain: null } : { html: null, plain: value || null };
  }
  return { html: null, plain: null };
}

/** The picture among `remoteContent` renditions: the widest web size (≤ 2048 px) of an image type. */
function pictureOf(remote: Element[], base: string | null, details: Partial<Omit<RawImage, 'url'>>): RawImage | null {
  const images = remote.filter((r) => /^image\//.test(r.attribs.contenttype ?? '') || /\.(jpe?g|png|gif|webp)$/i.test(r.attribs.href ?? ''));
  const width = (r: Element) => Number(r.attribs.width) || 0;
  const score = (r: Element) => (width(r) <= 2048 ? width(r) : -width(r));
  const best = images.sort((a, b) => score(b) - score(a))[0];
  if (!best) return null;
  const url = resolveUrl(best.attribs.href, base);
  return rawImage(url && /^https?:\/\//i.test(url) ? url : null, { ...details, width: width(best) || null, height: Number(best.attribs.height) || null });
}

/** A player for the first rendition a browser can play (MP4/WebM video, MPEG audio). */
function playerOf(remote: Element[], base: string | null, kind: 'video' | 'audio'): string {
  const playable = kind === 'video' ? /^video\/(mp4|webm|ogg)/ : /^audio\/(mpeg|mp3|mp4|aac|ogg)/;
  const candidates = remote.filter((r) => playable.test(r.attribs.contenttype ?? '') || (kind === 'video' ? /\.(mp4|webm)$/i : /\.(mp3|m4a)$/i).test(r.attribs.href ?? ''));
  const smallest = candidates.sort((a, b) => (Number(a.attribs.width) || 0) - (Number(b.attribs.width) || 0))[0];
  const src = smallest ? resolveUrl(smallest.attribs.href, base) : null;
  if (!src) return '';
  const poster = kind === 'video' ? pictureOf(remote, base, {})?.url : null;
  return `<figure><${kind} controls preload="none" src="${escapeAttribute(src)}"${poster ? ` poster="${escapeAttribute(poster)}"` : ''}></${kind}></figure>`;
}

function localName(element: Element): string {
  const colon = element.name.indexOf(':');
  return colon === -1 ? element.name : element.name.slice(colon + 1);
}

/** Elements with this local name (any namespace prefix), searched recursively. */
function findAll(nodes: Nodes, name: string): Element[] {
  return DomUtils.findAll((e) => e.name === name || e.name.endsWith(`:${name}`), nodes);
}

function first(parent: Element | undefined, name: string): Element | undefined {
  return parent ? findAll(parent.children, name)[0] : undefined;
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

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}
