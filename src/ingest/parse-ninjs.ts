/**
 * IPTC ninjs ("News in JSON") → RawItem, every generation: 1.0–1.6 (headline, body_html /
 * body_xhtml / body_text, byline, description_text, subject, located, associations as an
 * object), 2.0–2.2 (headlines[], bodies[], by, descriptions[], subjects[], associations as an
 * array) and 3.0–3.1 (the same in camelCase: versionCreated, pubStatus, contentType …).
 * Property names are read in either case. Text and composite items become articles, picture,
 * graphic, video and audio items media stories, a text item with only a description a brief;
 * `pubStatus` canceled/withheld items are kill notices for the pipeline to act on.
 */
import { emptyRawItem, type AgencyMeta, type PubStatus, type RawItem } from '../domain/raw-item.js';
import { stripUnsafeText } from '../domain/text-safety.js';
import type { FieldIssue, ItemReading } from './field-issue.js';
import { htmlToText } from './html-to-text.js';
import { chooseBody } from './ninjs/ninjs-body.js';
import { isObject, lowerKeys, objects, str, type Json } from './ninjs/ninjs-json.js';
import { associatedPlayers, captionOf, creditOf, leadAssociation, pictureOf, pictureTypes, playedTypes, playerHtml } from './ninjs/ninjs-media.js';
import { escapeText, headlineFromCaption, paragraphsHtml } from './media-renditions.js';
import { plainTextItem } from './plain-text-item.js';
import { stripRepeatedHeadline, stripRepeatedHeadlineText } from './strip-repeated-headline.js';

/** A ninjs document read for the pipeline: its items, or why it cannot be read. */
export type NinjsResult = { kind: 'accepted'; items: RawItem[] } | { kind: 'rejected'; reason: string };

/** Item types that are stories with text. */
const textTypes = new Set(['text', 'composite', 'component']);

const pubStatuses = new Set<PubStatus>(['usable', 'canceled', 'withheld', 'embargoed']);

/**
 * Reads a ninjs document: one item or an array of items. The whole document is rejected,
 * naming each bad item, when any item cannot be read, so nothing is half-imported.
 */
export function parseNinjs(json: unknown): NinjsResult {
  const list = Array.isArray(json) ? json : [json];
  if (list.length === 0) return { kind: 'rejected', reason: 'The ninjs document holds no items.' };
  if (list.length === 1 && isObject(json) && typeof json.$schema === 'string' && !json.uri) {
    return { kind: 'rejected', reason: 'This is a JSON Schema (it has "$schema"), not a ninjs item: a ninjs item has a "uri".' };
  }
  const items: RawItem[] = [];
  const problems: string[] = [];
  list.forEach((value, i) => {
    const read = readNinjsItem(value);
    if (read.kind === 'accepted') items.push(read.item);
    else problems.push(`${list.length > 1 ? `item ${i}: ` : ''}${read.issues.map((p) => `${p.field} ${p.message}`).join('; ')}`);
  });
  if (problems.length > 0) return { kind: 'rejected', reason: `Not readable as ninjs: ${problems.join(' | ')}` };
  return { kind: 'accepted', items };
}

/** Whether a value looks like a ninjs item: an object with ninjs's one required field, `uri`. */
export function looksLikeNinjs(value: unknown): boolean {
  return isObject(value) && (typeof value.uri === 'string' || typeof value.URI === 'string');
}

/** Reads one ninjs item, listing every field that stops it from being an article. */
export function readNinjsItem(value: unknown): ItemReading<RawItem> {
  if (!isObject(value)) return rejected([{ field: '(item)', message: 'must be a JSON object' }]);
  const item = lowerKeys(value) as Json;
  const issues: FieldIssue[] = [];

  // Superdesk's ninjs names the item by `guid` instead (its formatter's documented change).
  const uri = str(item.uri) ?? str(item.guid);
  if (!uri) issues.push({ field: 'uri', message: 'is required: ninjs identifies every item by its uri (Superdesk: guid)' });
  else if (uri.length > 2048) issues.push({ field: 'uri', message: 'is longer than 2048 characters' });

  const type = (str(item.type) ?? 'text').toLowerCase();
  const known = textTypes.has(type) || pictureTypes.has(type) || playedTypes.has(type);
  if (!known) {
    issues.push({ field: 'type', message: `is "${type}": Gazette publishes text, picture, graphic, video and audio items; ${describeType(type)} cannot be shown as a story` });
  }

  const rawStatus = (str(item.pubstatus) ?? 'usable').toLowerCase();
  const pubStatus = pubStatuses.has(rawStatus as PubStatus) ? (rawStatus as PubStatus) : null;
  if (!pubStatus) issues.push({ field: 'pubStatus', message: `is "${rawStatus}"; ninjs knows usable, withheld, canceled and embargoed` });

  const dates: Record<string, Date | null> = {};
  for (const field of ['firstcreated', 'versioncreated', 'contentcreated', 'embargoed'] as const) {
    const raw = item[field];
    if (raw === undefined || raw === null || raw === '') {
      dates[field] = null;
      continue;
    }
    const date = typeof raw === 'string' ? parseDateTime(raw) : null;
    if (!date) issues.push({ field, message: 'is not an RFC 3339 date-time, e.g. 2026-01-31T09:30:00Z' });
    dates[field] = date;
  }
  if (pubStatus === 'embargoed' && !dates.embargoed) {
    issues.push({ field: 'embargoed', message: 'is required when pubStatus is "embargoed": it says when the item may be published' });
  }

  const language = str(item.language);
  if (language && !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(language)) {
    issues.push({ field: 'language', message: `"${language}" is not a BCP 47 language tag` });
  }

  const media = pictureTypes.has(type) || playedTypes.has(type);
  // Photo and video wires often send only a caption: its first sentence is the headline.
  const headline = headlineOf(item) ?? (media ? headlineFromCaption(captionOf(item)) : null);
  const withdrawn = pubStatus === 'canceled' || pubStatus === 'withheld';
  // A kill notice needs nothing but its uri: it names the story to take down.
  if (!headline && !withdrawn) issues.push({ field: 'headlines', message: 'needs a headline (headlines[].value in 2.x/3.x, headline in 1.x)' });

  const content = known && !withdrawn ? contentOf(item, type, headline) : { html: null, text: null, summary: null, byline: null, dateline: null, image: null };
  if (known && !withdrawn && !content.html && !content.text) {
    issues.push(
      media
        ? { field: 'renditions', message: `a ${type} item needs a caption (descriptions) or a rendition Gazette can show` }
        : { field: 'bodies', message: 'needs a body or a description (bodies[] in 2.x/3.x, body_html, body_xhtml or body_text in 1.x)' },
    );
  }

  if (issues.length > 0) return rejected(issues);
  return {
    kind: 'accepted',
    item: plainTextItem({
      ...emptyRawItem(headline ?? ''),
      guid: uri!,
      html: content.html,
      text: content.text,
      summary: content.summary,
      byline: withoutByWord(str(item.by) ?? str(item.byline) ?? content.byline),
      dateline: datelineOf(item) ?? content.dateline,
      language,
      // firstCreated is when the story first went out; versionCreated is this version.
      publishedAt: dates.firstcreated ?? dates.contentcreated ?? dates.versioncreated ?? null,
      updatedAt: dates.versioncreated ?? null,
      categories: categoriesOf(item),
      image: content.image,
      pubStatus: pubStatus!,
      embargoedUntil: dates.embargoed,
      rights: rightsOf(item),
      agencyMeta: agencyMetaOf(item, value),
    }),
  };
}

type Content = Pick<RawItem, 'html' | 'text' | 'summary' | 'byline' | 'dateline' | 'image'>;

/** Body, summary and picture: a text story, a brief, or a media story. */
function contentOf(item: Json, type: string, headline: string | null): Content {
  if (pictureTypes.has(type) || playedTypes.has(type)) return mediaContent(item, type);
  const lead = leadAssociation(item);
  const body = chooseBody(item);
  let html = body.html ? stripRepeatedHeadline(withoutLeadFigure(body.html, lead?.hrefs ?? new Set()), headline) : null;
  const text = body.text ? stripRepeatedHeadlineText(body.text, headline) : null;
  const players = associatedPlayers(item);
  if (players) html = `${html ?? (text ? paragraphsHtml(text) : '')}${players}`;
  const description = summaryOf(item, !!(html || text));
  return {
    html: html || null,
    // A text item with only a description is a brief: the description is its text.
    text: html ? null : text || description,
    summary: description ?? body.nitf?.summary ?? null,
    byline: body.nitf?.byline ?? null,
    dateline: body.nitf?.dateline ?? null,
    image: lead?.image ?? null,
  };
}

/** A picture, graphic, video or audio item: its caption is the text, its picture the lead image. */
function mediaContent(item: Json, type: string): Content {
  const caption = captionOf(item) ?? textBody(item);
  const image = pictureOf(item);
  const credit = creditOf(item);
  const player = playedTypes.has(type) ? playerHtml(item, type as 'video' | 'audio', null) : '';
  const creditLine = credit ? `<p><small>${escapeText(credit)}</small></p>` : '';
  const html = player ? `${player}${caption ? paragraphsHtml(caption) : ''}${creditLine}` : null;
  return { html, text: html ? null : caption, summary: null, byline: null, dateline: null, image: image ? { ...image, credit: image.credit ?? credit } : null };
}

function textBody(item: Json): string | null {
  const body = chooseBody(item);
  return body.text ?? (body.html ? htmlToText(body.html) || null : null);
}

function headlineOf(item: Json): string | null {
  const headlines = objects(item.headlines);
  const chosen = headlines.find((h) => str(h.role) === 'main') ?? headlines.find((h) => str(h.value));
  const value = chosen ? str(chosen.value) : str(item.headline);
  if (!value) return null;
  const isHtml = chosen && /html/i.test(str(chosen.contenttype) ?? '');
  return (isHtml ? htmlToText(value) : value.replace(/\s+/g, ' ').trim()) || null;
}

/**
 * The agency's summary. A description cut off mid-sentence (a teaser of fixed length) is no
 * summary when there is a body to summarize instead.
 */
function summaryOf(item: Json, hasBody: boolean): string | null {
  const descriptions = objects(item.descriptions).filter((d) => str(d.value));
  const chosen =
    descriptions.find((d) => /summary|abstract|teaser|lead/i.test(str(d.role) ?? '')) ??
    descriptions.find((d) => !/caption|ednote|credit|writer/i.test(str(d.role) ?? ''));
  let value: string | null = null;
  if (chosen) {
    const v = str(chosen.value)!;
    value = /html/i.test(str(chosen.contenttype) ?? '') ? htmlToText(v) || null : v;
  } else {
    const html = str(item.description_html) ?? str(item.description_xhtml);
    value = str(item.description_text) ?? str(item.summary) ?? (html ? htmlToText(html) || null : null);
  }
  if (value && hasBody && !/[.!?…"'»”)]\s*$/.test(value)) return null;
  return value;
}

/** `located` (1.x–3.x), else a place the item says it was reported from (places[].rel). */
function datelineOf(item: Json): string | null {
  const located = str(item.located);
  if (located) return located;
  const place = objects(item.places).find((p) => /located|dateline/i.test(str(p.rel) ?? ''));
  return place ? str(place.name) : null;
}

/**
 * Subjects and genres as category terms: their codes as sent (IPTC Media Topic `medtop:…`,
 * Subject Code literals such as "04011000", an agency URI ending in a code) and their names;
 * the enrich stage maps them to Gazette's categories.
 */
function categoriesOf(item: Json): string[] {
  const terms: string[] = [];
  for (const s of [...objects(item.subjects), ...objects(item.subject)]) {
    for (const field of ['qcode', 'code', 'literal', 'uri']) {
      const v = str(s[field]);
      if (v && /\d{8}$/.test(v)) terms.push(v);
    }
    const name = str(s.name);
    if (name) terms.push(name);
  }
  // Superdesk's and other 1.x senders' free keywords: the enrich stage keeps those that name a category.
  if (Array.isArray(item.keywords)) for (const k of item.keywords) if (str(k)) terms.push(str(k)!);
  return [...new Set(terms)].slice(0, 40);
}

/** Most bytes of a newsroom's custom `extra` fields kept (as JSON); a larger set is left out whole. */
const MAX_EXTRA_CHARS = 8192;

/**
 * The newsroom's labels (Superdesk's ninjs and other 1.x senders): slugline, priority and
 * urgency (1–9), keywords, the places the story is about, and `extra` as sent (read from the
 * item as given, so its field names keep their case). Null when there are none.
 */
function agencyMetaOf(item: Json, sent: Json): AgencyMeta | null {
  const meta: AgencyMeta = {};
  const label = (v: unknown, max: number) => (str(v) ? stripUnsafeText(str(v)!).slice(0, max).trim() || undefined : undefined);
  const rank = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 9 ? v : undefined);
  const slugline = label(item.slugline, 500);
  if (slugline) meta.slugline = slugline;
  const priority = rank(item.priority);
  if (priority !== undefined) meta.priority = priority;
  const urgency = rank(item.urgency);
  if (urgency !== undefined) meta.urgency = urgency;
  const keywords = Array.isArray(item.keywords) ? item.keywords.map((k) => label(k, 200)).filter((k): k is string => !!k).slice(0, 50) : [];
  if (keywords.length > 0) meta.keywords = keywords;
  const places = objects(item.place).map((p) => label(p.name, 200)).filter((p): p is string => !!p).slice(0, 50);
  if (places.length > 0) meta.places = places;
  const extra = Object.entries(sent).find(([k]) => k.toLowerCase() === 'extra')?.[1];
  if (isObject(extra) && Object.keys(extra).length > 0 && JSON.stringify(extra).length <= MAX_EXTRA_CHARS) meta.extra = extra;
  return Object.keys(meta).length > 0 ? meta : null;
}

function rightsOf(item: Json): RawItem['rights'] {
  const rightsInfo = objects(item.rightsinfo)[0] ?? (isObject(item.rightsinfo) ? (item.rightsinfo as Json) : null);
  const linked = rightsInfo ? str(rightsInfo.linkedrights) : null;
  const holder = str(item.copyrightholder);
  const copyrightNotice = str(item.copyrightnotice) ?? (holder ? `© ${holder}` : null);
  const usageTerms = str(item.usageterms) ?? (linked ? `Terms: ${linked}` : null);
  return copyrightNotice || usageTerms ? { copyrightNotice, usageTerms } : null;
}

/** A body figure showing the lead picture again (TT's rich HTML does) is dropped: the page shows the lead. */
function withoutLeadFigure(html: string, hrefs: Set<string>): string {
  if (hrefs.size === 0) return html;
  return html.replace(/<figure\b[\s\S]*?<\/figure>/gi, (figure) => {
    const srcs = [...figure.matchAll(/\b(?:src|data-preview-src)\s*=\s*"([^"]+)"/gi)].map((m) => m[1]!);
    return srcs.some((s) => hrefs.has(s)) ? '' : figure;
  });
}

/** "Von Christian Hollmann, dpa" → "Christian Hollmann, dpa": the page says "By" in its own words. */
function withoutByWord(byline: string | null): string | null {
  return byline ? byline.replace(/^(?:by|von|par|por|av|af|door|di|da)\s+(?=\S)/i, '') : null;
}

function describeType(type: string): string {
  if (/event/.test(type)) return 'an event';
  if (/planning/.test(type)) return 'a planning item';
  if (/concept/.test(type)) return 'a concept item';
  return `an item of type "${type}"`;
}

function parseDateTime(value: string): Date | null {
  // RFC 3339 date-time; a bare date is taken as midnight UTC, as many feeds send that.
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.test(value.trim())) return null;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

function rejected(issues: FieldIssue[]): ItemReading<RawItem> {
  return { kind: 'rejected', issues };
}
