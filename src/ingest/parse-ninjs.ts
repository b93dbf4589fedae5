/**
 * IPTC ninjs ("News in JSON") → RawItem. Reads both series: 1.x (headline, body_html /
 * body_text, byline, description_text, subject, located, associations as an object) and
 * 2.x (headlines[], bodies[], by, descriptions[], subjects[], associations as an array).
 * Field names follow the IPTC schemas ninjs-schema_1.4.json and ninjs-schema_2.0.json.
 */
import { taxonomy } from '../domain/taxonomy.js';
import { emptyRawItem, rawImage, type RawItem } from '../domain/raw-item.js';
import type { FieldIssue, ItemReading } from './field-issue.js';
import { htmlToText } from './html-to-text.js';
import { plainTextItem } from './plain-text-item.js';

/** A ninjs document read for the pipeline: its items, or why it cannot be read. */
export type NinjsResult = { kind: 'accepted'; items: RawItem[] } | { kind: 'rejected'; reason: string };

/** Item types that are articles; pictures, audio and video alone are not (ninjs `type`). */
const articleTypes = new Set(['text', 'composite']);

/**
 * Reads a ninjs document: one item or an array of items. The whole document is rejected,
 * naming each bad item, when any item cannot be read, so nothing is half-imported.
 */
export function parseNinjs(json: unknown): NinjsResult {
  const list = Array.isArray(json) ? json : [json];
  if (list.length === 0) return { kind: 'rejected', reason: 'The ninjs document holds no items.' };
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
  return isObject(value) && typeof value.uri === 'string';
}

/** Reads one ninjs item, listing every field that stops it from being an article. */
export function readNinjsItem(value: unknown): ItemReading<RawItem> {
  if (!isObject(value)) return rejected([{ field: '(item)', message: 'must be a JSON object' }]);
  const issues: FieldIssue[] = [];

  const uri = str(value.uri);
  if (!uri) issues.push({ field: 'uri', message: 'is required: ninjs identifies every item by its uri' });
  else if (uri.length > 2048) issues.push({ field: 'uri', message: 'is longer than 2048 characters' });

  const type = str(value.type);
  if (type && !articleTypes.has(type)) issues.push({ field: 'type', message: `is "${type}"; Gazette takes text items` });

  const pubstatus = str(value.pubstatus);
  if (pubstatus && pubstatus !== 'usable') {
    issues.push({ field: 'pubstatus', message: `is "${pubstatus}"; only usable items are published (ask an editor to take a story down)` });
  }

  const headline = headlineOf(value);
  if (!headline) issues.push({ field: 'headlines', message: 'needs a headline (headlines[].value in 2.x, headline in 1.x)' });

  const { html, text } = bodyOf(value);
  if (!html && !text) issues.push({ field: 'bodies', message: 'needs a body (bodies[].value in 2.x, body_html or body_text in 1.x)' });

  const dates: Record<string, Date | null> = {};
  for (const field of ['firstcreated', 'versioncreated', 'embargoed'] as const) {
    const raw = value[field];
    if (raw === undefined || raw === null) {
      dates[field] = null;
      continue;
    }
    const date = typeof raw === 'string' ? parseDateTime(raw) : null;
    if (!date) issues.push({ field, message: 'is not an RFC 3339 date-time, e.g. 2026-01-31T09:30:00Z' });
    dates[field] = date;
  }
  if (dates.embargoed && dates.embargoed.getTime() > Date.now()) {
    issues.push({ field: 'embargoed', message: `the item is embargoed until ${dates.embargoed.toISOString()}; send it once the embargo lifts` });
  }

  const language = str(value.language);
  if (language && !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(language)) {
    issues.push({ field: 'language', message: `"${language}" is not a BCP 47 language tag` });
  }

  if (issues.length > 0) return rejected(issues);
  return {
    kind: 'accepted',
    item: plainTextItem({
      ...emptyRawItem(headline!),
      guid: uri!,
      html,
      text,
      summary: summaryOf(value),
      byline: str(value.by) ?? str(value.byline),
      dateline: datelineOf(value),
      language,
      // firstcreated is when the story first went out; versioncreated is this version.
      publishedAt: dates.firstcreated ?? dates.versioncreated ?? null,
      updatedAt: dates.versioncreated ?? null,
      categories: categoriesOf(value),
      image: rawImage(leadImageOf(value)),
    }),
  };
}

type Json = Record<string, unknown>;

function headlineOf(item: Json): string | null {
  const headlines = objects(item.headlines);
  const chosen = headlines.find((h) => str(h.role) === 'main') ?? headlines.find((h) => str(h.value));
  const value = chosen ? str(chosen.value) : str(item.headline);
  if (!value) return null;
  const isHtml = chosen && /html/i.test(str(chosen.contenttype) ?? '');
  return (isHtml ? htmlToText(value) : value.replace(/\s+/g, ' ').trim()) || null;
}

/** The HTML and plain-text bodies; of several, the first of each kind (2.x `bodies`). */
function bodyOf(item: Json): { html: string | null; text: string | null } {
  const bodies = objects(item.bodies).filter((b) => str(b.value));
  const kind = (b: Json) => {
    const type = (str(b.contenttype) ?? '').toLowerCase();
    const role = (str(b.role) ?? '').toLowerCase();
    if (type.includes('html') || (!type && role.includes('html'))) return 'html';
    if (type === 'text/plain' || (!type && !role.includes('xml'))) return 'text';
    return 'other'; // e.g. NITF or a provider's own XML: not something we can show.
  };
  const html = str(bodies.find((b) => kind(b) === 'html')?.value) ?? str(item.body_html);
  const text = str(bodies.find((b) => kind(b) === 'text')?.value) ?? str(item.body_text);
  return { html: html ?? null, text: text ?? null };
}

function summaryOf(item: Json): string | null {
  const descriptions = objects(item.descriptions).filter((d) => str(d.value));
  const chosen =
    descriptions.find((d) => /summary|abstract|teaser|lead/i.test(str(d.role) ?? '')) ??
    descriptions.find((d) => !/caption|ednote/i.test(str(d.role) ?? ''));
  if (chosen) {
    const v = str(chosen.value)!;
    return /html/i.test(str(chosen.contenttype) ?? '') ? htmlToText(v) || null : v;
  }
  const html = str(item.description_html);
  return str(item.description_text) ?? str(item.summary) ?? (html ? htmlToText(html) || null : null);
}

/** `located` (1.x), else a place the item says it was reported from (2.x places[].rel). */
function datelineOf(item: Json): string | null {
  const located = str(item.located);
  if (located) return located;
  const place = objects(item.places).find((p) => /located|dateline/i.test(str(p.rel) ?? ''));
  return place ? str(place.name) : null;
}

/**
 * Subjects as category terms, in order: a term from our taxonomy when the subject carries an
 * IPTC code we map (Media Topic "medtop:…" or Subject Code "subj:…", by qcode, literal or
 * URI), and its name as well, which the pipeline matches against category names.
 */
function categoriesOf(item: Json): string[] {
  const subjects = [...objects(item.subjects), ...objects(item.subject)];
  const terms: string[] = [];
  for (const s of subjects) {
    const code = iptcTopLevelCode(s);
    const mapped = code ? taxonomy.find((c) => c.iptcCode === code)?.slug : undefined;
    if (mapped) terms.push(mapped);
    const name = str(s.name);
    if (name) terms.push(name);
  }
  return [...new Set(terms)];
}

/** The top-level IPTC code of a subject: exact for Media Topics, by prefix for Subject Codes. */
function iptcTopLevelCode(subject: Json): string | null {
  const candidates = [str(subject.code), str(subject.qcode), str(subject.literal), str(subject.uri)].filter((s): s is string => !!s);
  for (const c of candidates) {
    const medtop = /(?:^medtop:|\/mediatopic\/)(\d{8})$/.exec(c);
    if (medtop) return medtop[1]!;
    // IPTC Subject Codes are hierarchical by digits: 04xxxxxx sits under 04000000.
    const subj = /(?:^subj:|\/subjectcode\/|^)(\d{2})\d{6}$/.exec(c);
    if (subj) return `${subj[1]}000000`;
  }
  return null;
}

/** The lead picture: an association of type picture, its widest rendition up to 2048 px. */
function leadImageOf(item: Json): string | null {
  const raw = item.associations;
  const associations = Array.isArray(raw) ? objects(raw) : isObject(raw) ? objects(Object.values(raw)) : [];
  const pictures = associations.filter((a) => (str(a.type) ?? 'picture') === 'picture');
  for (const picture of pictures) {
    const renditionsRaw = picture.renditions;
    const renditions = Array.isArray(renditionsRaw)
      ? objects(renditionsRaw)
      : isObject(renditionsRaw)
        ? objects(Object.values(renditionsRaw))
        : [];
    const usable = renditions
      .filter((r) => httpUrl(str(r.href)))
      .sort((a, b) => widthScore(b) - widthScore(a));
    const href = usable[0] ? str(usable[0].href) : null;
    if (href) return href;
    const uri = str(picture.uri);
    if (httpUrl(uri)) return uri;
  }
  return null;
}

function widthScore(rendition: Json): number {
  const width = typeof rendition.width === 'number' ? rendition.width : 0;
  return width <= 2048 ? width : -width; // the biggest web size; a print master only when nothing else
}

function parseDateTime(value: string): Date | null {
  // RFC 3339 date-time; a bare date is taken as midnight UTC, as many feeds send that.
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.test(value.trim())) return null;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

function httpUrl(value: string | null): value is string {
  return !!value && /^https?:\/\//i.test(value);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objects(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function rejected(issues: FieldIssue[]): ItemReading<RawItem> {
  return { kind: 'rejected', issues };
}
