import { DomUtils, parseDocument } from 'htmlparser2';
import { emptyRawItem, rawImage, type PubStatus, type RawImage, type RawItem } from '../domain/raw-item.js';
import type { FeedParseResult, FormatParseOptions } from './feed-parse-result.js';
import { htmlToText } from './html-to-text.js';
import { readNitf } from './nitf/nitf-to-html.js';
import { resolveUrl } from './resolve-url.js';
import { escapeText, headlineFromCaption, pictureRendition, playerHtml, type Rendition } from './media-renditions.js';
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
  const descriptions = findAll(contentMeta?.children ?? [], 'description');
  const caption = descriptions.find((d) => /caption/i.test(d.attribs.role ?? '')) ?? (media ? descriptions[0] : undefined);
  // A leading dash or bullet opens a caption written as a list (AFP video: who speaks).
  const captionText = caption ? htmlToText(DomUtils.textContent(caption)).replace(/^[-–—•*]\s+/, '') || null : null;
  const given = text(first(contentMeta, 'headline')) ?? nitfBody?.headline ?? text(first(itemMeta, 'title')) ?? text(first(contentMeta, 'slugline'));
  // Photo and video wires often send only a caption: its first sentence is the headline.
  const headline = given ?? (media ? headlineFromCaption(captionText) : null) ?? '';
  if (!headline && !withdrawn) return withoutHeadline(itemClass, itemMeta, contentMeta, contentSet);
  const summaryElement = descriptions.find((d) => /abstract|summary|teaser/i.test(d.attribs.role ?? '')) ?? (media ? undefined : descriptions[0]);
  const creators = findAll(contentMeta?.children ?? [], 'creator').map((c) => text(first(c, 'name')) ?? c.attribs.literal ?? null);
  const credit = text(first(contentMeta, 'creditline')) ?? (creators.filter(Boolean).join(', ') || null);

  let html: string | null = null;
  let plain: string | null = null;
  let image: RawImage | null = null;
  const renditions = contentSet ? renditionsOf(findAll(contentSet.children, 'remoteContent'), base) : [];
  if (media) {
    image = pictureOf(renditions, { caption: captionText, credit, alt: captionText ?? headline });
    const player = itemClass === 'video' || itemClass === 'audio' ? playerHtml(renditions, itemClass, null) : '';
    // A video's shot list or script is left out: broadcasters' shorthand ("-VAR", "-MS of",
    // "SOUNDBITE 1 -") that readers cannot use and that misleads the entity and quote tagging.
    if (player) html = `${player}${captionText ? `<p>${escapeText(captionText)}</p>` : ''}${credit ? `<p><small>${escapeText(credit)}</small></p>` : ''}`;
    else plain = captionText;
  } else {
    const body = bodyOf(contentSet, nitfBody);
    html = body.html ? stripRepeatedHeadline(body.html, headline) || null : null;
    plain = body.plain;
    image = pictureOf(renditions, {}) ?? rawImage(resolveUrl(first(contentMeta, 'icon')?.attribs.href, base));
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
    categories: subjectsOf(item, contentMeta),
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

/**
 * Subject terms for the enrich stage: each subject's (or its `mainConcept`'s) name and qcode
 * or URI, the qcodes of its IPTC `broader` concepts, and the names the item's own `assert`s
 * give a qcode that is not self-explaining (AP's machine subjects). Facet concepts (gender,
 * distance) qualify a subject and are not categories.
 */
function subjectsOf(item: Element, contentMeta: Element | undefined): string[] {
  const asserted = new Map<string, Element>();
  for (const a of item.children) if (a.type === 'tag' && localName(a as Element) === 'assert' && (a as Element).attribs.qcode) asserted.set((a as Element).attribs.qcode!.trim(), a as Element);
  const terms: string[] = [];
  const add = (concept: Element) => {
    const value = text(findAll(concept.children, 'name').find((n) => n.parent === concept));
    if (value) terms.push(value);
    const id = (concept.attribs.qcode ?? concept.attribs.uri)?.trim();
    if (!id) return;
    terms.push(id);
    const assertion = asserted.get(id);
    if (assertion) {
      const named = text(findAll(assertion.children, 'name').find((n) => n.parent === assertion));
      if (named && !value) terms.push(named);
      for (const r of findAll(assertion.children, 'related')) {
        const relatedName = text(first(r, 'name'));
        if (relatedName) terms.push(relatedName);
      }
    }
  };
  for (const s of findAll(contentMeta?.children ?? [], 'subject')) {
    add(s);
    for (const main of s.children) if (main.type === 'tag' && localName(main as Element) === 'mainConcept') add(main as Element);
    for (const b of findAll(s.children, 'broader')) {
      const id = (b.attribs.qcode ?? b.attribs.uri)?.trim();
      if (id && /medtop:|subj:|newscodes\/(mediatopic|subjectcode)\//.test(id)) terms.push(id);
    }
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

/** `remoteContent` elements as renditions: those with an http(s) link. */
function renditionsOf(remote: Element[], base: string | null): Rendition[] {
  return remote.flatMap((r) => {
    const href = resolveUrl(r.attribs.href, base);
    if (!href || !/^https?:\/\//i.test(href)) return [];
    return [{ href, type: (r.attribs.contenttype ?? '').trim().toLowerCase(), width: Number(r.attribs.width) || null, height: Number(r.attribs.height) || null }];
  });
}

/** The picture among the renditions (the widest web size of an image type), with its details. */
function pictureOf(renditions: Rendition[], details: Partial<Omit<RawImage, 'url'>>): RawImage | null {
  const best = pictureRendition(renditions);
  return best ? rawImage(best.href, { ...details, width: best.width, height: best.height }) : null;
}

/**
 * Why an item without a headline is not published, naming its class and what it does carry:
 * metadata only (subjects, hop history, rights), or content without any headline.
 */
function withoutHeadline(itemClass: string, itemMeta: Element | undefined, contentMeta: Element | undefined, contentSet: Element | undefined): string {
  if (!itemMeta && !contentMeta && !contentSet) return 'This NewsML-G2 newsItem is empty: it has no itemMeta, contentMeta or contentSet, only a guid.';
  const hasContent = !!contentSet && findAll(contentSet.children, 'inlineXML').concat(findAll(contentSet.children, 'inlineData'), findAll(contentSet.children, 'remoteContent')).length > 0;
  const where = 'a <headline> in contentMeta, a <title> in itemMeta or a <slugline>';
  if (!hasContent) {
    const subjects = findAll(contentMeta?.children ?? [], 'subject').length;
    const carries = subjects > 0 ? `metadata only (${subjects} subject${subjects === 1 ? '' : 's'})` : 'metadata only';
    return `This NewsML-G2 ${itemClass} item carries ${carries}: no headline and no content (no inlineXML, inlineData or remoteContent in its contentSet), so there is nothing to show.`;
  }
  return `This NewsML-G2 ${itemClass} item has content but no headline (${where}${itemClass === 'text' ? '' : ', or a caption to take one from'}); Gazette needs one to publish a story.`;
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
