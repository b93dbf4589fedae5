/**
 * IPTC NITF 3.x (News Industry Text Format, https://iptc.org/standards/nitf/) → HTML. The
 * story's parts that are not body text (hl1, byline, dateline, abstract) come back apart, so
 * the headline is not repeated at the top of the body. The HTML is NOT safe yet: like every
 * body it goes through the sanitizer (src/clean) before anyone sees it. Unknown elements keep
 * their text and lose their markup; scripts and styles lose both.
 */
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type ChildNode, type Element } from 'domhandler';

/** A NITF document read: its body as HTML, and the parts around it. */
export interface NitfReading {
  html: string;
  /** `hl1`, else the `head/title`. */
  headline: string | null;
  byline: string | null;
  dateline: string | null;
  /** `abstract`: the summary the agency wrote. */
  summary: string | null;
  language: string | null;
  /** `docdata/doc-id/@id-string`. */
  docId: string | null;
  /** `docdata/date.issue/@norm`, read leniently (NITF allows ISO 8601 basic format). */
  issued: Date | null;
}

/** Whether a string (a body, a file) holds a NITF document. */
export function looksLikeNitf(text: string): boolean {
  return /<(?:[\w-]+:)?nitf[\s>]/.test(text.slice(0, 8192));
}

/** Reads a NITF document (or a `<body>` of one) given as text. */
export function nitfToHtml(xml: string): NitfReading {
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  return readNitf(doc.children);
}

/** Reads NITF already parsed (e.g. the content of a NewsML-G2 `inlineXML`). */
export function readNitf(nodes: ChildNode[]): NitfReading {
  const head = find(nodes, 'head');
  const body = find(nodes, 'body') ?? find(nodes, 'body.content');
  const bodyHead = body ? find(body.children, 'body.head') : undefined;
  const content = body ? (local(body) === 'body.content' ? body : find(body.children, 'body.content')) : undefined;
  const bodyEnd = body ? find(body.children, 'body.end') : undefined;
  const hedline = bodyHead ? find(bodyHead.children, 'hedline') : undefined;
  const hl1 = hedline ? find(hedline.children, 'hl1') : undefined;
  const docdata = head ? find(head.children, 'docdata') : undefined;
  const nitfRoot = find(nodes, 'nitf');
  const abstract = bodyHead ? find(bodyHead.children, 'abstract') : undefined;

  let html = '';
  // A sub-headline belongs to the story's text, under the headline.
  for (const hl2 of hedline ? findAllDirect(hedline.children, 'hl2') : []) html += `<h2>${inline(hl2.children)}</h2>`;
  if (content) html += blocks(content.children);
  else if (body && !bodyHead) html += blocks(body.children);
  if (bodyEnd) html += blocks(bodyEnd.children);

  return {
    html: html.trim(),
    headline: textOf(hl1) ?? textOf(head ? find(head.children, 'title') : undefined),
    byline: bylineOf(bodyHead),
    dateline: datelineOf(bodyHead),
    summary: textOf(abstract),
    language: nitfRoot?.attribs['xml:lang'] ?? body?.attribs['xml:lang'] ?? null,
    docId: docdata ? (find(docdata.children, 'doc-id')?.attribs['id-string'] ?? null) : null,
    issued: parseNitfDate(docdata ? find(docdata.children, 'date.issue')?.attribs.norm : undefined),
  };
}

/** NITF block elements → HTML. */
const BLOCK: Record<string, string> = {
  p: 'p', block: 'div', hl2: 'h2', ul: 'ul', ol: 'ol', li: 'li', dl: 'dl', dt: 'dt', dd: 'dd', table: 'table',
  tr: 'tr', td: 'td', th: 'th', thead: 'thead', tbody: 'tbody', tfoot: 'tfoot', caption: 'caption', pre: 'pre',
  bq: 'blockquote', tagline: 'p', bibliography: 'p', note: 'aside', 'body.content': 'div', 'body.end': 'div',
};

/** NITF inline elements that have an HTML equivalent; the rest are unwrapped to their text. */
const INLINE: Record<string, string> = { em: 'em', q: 'q', sub: 'sub', sup: 'sup', pre: 'pre', br: 'br' };

/** Elements whose content never reaches a reader. */
const DROPPED = new Set(['script', 'style', 'head', 'docdata', 'pubdata', 'revision-history', 'fn', 'body.head', 'meta', 'iim']);

function blocks(nodes: ChildNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (isText(node)) {
      if (node.data.trim()) out += `<p>${escapeText(node.data)}</p>`;
      continue;
    }
    if (!isTag(node)) continue;
    const name = local(node);
    if (DROPPED.has(name)) continue;
    if (name === 'media') out += media(node);
    else if (name === 'hr') out += '<hr>';
    else if (name === 'td' || name === 'th') out += `<${name}${spanAttributes(node)}>${mixed(node.children)}</${name}>`;
    else if (name === 'li' || name === 'dd' || name === 'dt' || name === 'caption' || name === 'p' || name === 'hl2' || name === 'tagline' || name === 'bibliography' || name === 'pre') {
      out += `<${BLOCK[name]}>${inline(node.children)}</${BLOCK[name]}>`;
    } else if (name === 'bq') {
      const credit = find(node.children, 'credit');
      out += `<blockquote>${blocks(node.children.filter((c) => c !== credit))}${credit ? `<p>${inline(credit.children)}</p>` : ''}</blockquote>`;
    } else if (BLOCK[name]) out += `<${BLOCK[name]}>${blocks(node.children)}</${BLOCK[name]}>`;
    else out += blocks(node.children);
  }
  return out;
}

/** A cell or similar that may hold text or blocks. */
function mixed(nodes: ChildNode[]): string {
  return nodes.some((n) => isTag(n) && BLOCK[local(n)] && local(n) !== 'pre') ? blocks(nodes) : inline(nodes);
}

function inline(nodes: ChildNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (isText(node)) out += escapeText(node.data);
    else if (isTag(node)) {
      const name = local(node);
      if (DROPPED.has(name)) continue;
      if (name === 'br') out += '<br>';
      else if (name === 'a') out += `<a href="${escapeAttribute(node.attribs.href ?? '')}">${inline(node.children)}</a>`;
      else if (name === 'media') out += media(node);
      else if (INLINE[name]) out += `<${INLINE[name]}>${inline(node.children)}</${INLINE[name]}>`;
      else out += inline(node.children);
    }
  }
  return out;
}

/** `media`: a picture with its caption and credit as a figure; video and audio as players. */
function media(node: Element): string {
  const type = (node.attribs['media-type'] ?? '').toLowerCase();
  const refs = findAllDirect(node.children, 'media-reference');
  const ref = refs.find((r) => r.attribs.source) ?? refs[0];
  const source = ref?.attribs.source ?? '';
  const caption = find(node.children, 'media-caption');
  const producer = find(node.children, 'media-producer');
  const captionHtml = [caption ? inline(caption.children).trim() : '', producer ? inline(producer.children).trim() : ''].filter(Boolean).join(' ');
  let player = '';
  if (source && (type === 'video' || /^video\//.test(ref?.attribs['mime-type'] ?? ''))) player = `<video controls src="${escapeAttribute(source)}"></video>`;
  else if (source && (type === 'audio' || /^audio\//.test(ref?.attribs['mime-type'] ?? ''))) player = `<audio controls src="${escapeAttribute(source)}"></audio>`;
  else if (source) player = `<img src="${escapeAttribute(source)}" alt="${escapeAttribute(ref?.attribs['alternate-text'] ?? textOf(caption) ?? '')}">`;
  if (!player && !captionHtml) return '';
  return `<figure>${player}${captionHtml ? `<figcaption>${captionHtml}</figcaption>` : ''}</figure>`;
}

function bylineOf(bodyHead: Element | undefined): string | null {
  const byline = bodyHead ? find(bodyHead.children, 'byline') : undefined;
  if (!byline) return null;
  // `person` is the writer; `byttl` their title or outlet. "By Jane Doe, Staff Writer".
  const person = textOf(find(byline.children, 'person'));
  const title = textOf(find(byline.children, 'byttl'));
  const whole = textOf(byline);
  if (person) return [person, title].filter(Boolean).join(', ');
  return whole ? whole.replace(/^by\s+/i, '') : null;
}

function datelineOf(bodyHead: Element | undefined): string | null {
  const dateline = bodyHead ? find(bodyHead.children, 'dateline') : undefined;
  if (!dateline) return null;
  const location = textOf(find(dateline.children, 'location'));
  return location ?? textOf(dateline);
}

/** NITF dates are ISO 8601, often in basic format: 20130709T103700Z, 20130709T103700+0000. */
export function parseNitfDate(value: string | undefined): Date | null {
  if (!value) return null;
  const v = value.trim();
  const basic = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(v);
  const iso = basic
    ? `${basic[1]}-${basic[2]}-${basic[3]}T${basic[4] ?? '00'}:${basic[5] ?? '00'}:${basic[6] ?? '00'}${normalizeZone(basic[7])}`
    : v;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function normalizeZone(zone: string | undefined): string {
  if (!zone || zone === 'Z') return 'Z';
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

function spanAttributes(node: Element): string {
  let out = '';
  for (const name of ['colspan', 'rowspan']) {
    const value = node.attribs[name];
    if (value && /^\d{1,3}$/.test(value)) out += ` ${name}="${value}"`;
  }
  return out;
}

/** An element's local name, lower case (NITF may come with a namespace prefix). */
function local(node: Element): string {
  const name = node.name.toLowerCase();
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** The first element with this local name, searched depth-first. */
function find(nodes: ChildNode[], name: string): Element | undefined {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (local(node) === name) return node;
    const inner = find(node.children, name);
    if (inner) return inner;
  }
  return undefined;
}

function findAllDirect(nodes: ChildNode[], name: string): Element[] {
  return nodes.filter((n): n is Element => isTag(n) && local(n) === name);
}

function textOf(node: Element | undefined): string | null {
  if (!node) return null;
  const text = collect(node.children).replace(/\s+/g, ' ').trim();
  return text || null;
}

function collect(nodes: ChildNode[]): string {
  return nodes.map((n) => (isText(n) ? n.data : isTag(n) && !DROPPED.has(local(n)) ? ` ${collect(n.children)} ` : '')).join('');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
