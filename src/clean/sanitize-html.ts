import { parseHTML } from 'linkedom';
import sanitize from 'sanitize-html';
import { trustSanitizedHtml, type SafeHtml } from '../domain/safe-html.js';

/** Options for sanitizing one body. */
export interface SanitizeOptions {
  /** The source page URL: relative links and images are resolved against it, and links to other hosts leave the site. */
  baseUrl?: string | null;
  /** Hosts whose players may be embedded (https only, sandboxed). Default: YouTube and Vimeo players. */
  embedHosts?: readonly string[];
}

/** Video players Gazette embeds by default; every other iframe is dropped. */
export const DEFAULT_EMBED_HOSTS: readonly string[] = ['www.youtube.com', 'www.youtube-nocookie.com', 'player.vimeo.com'];

/** Embeds may run their own scripts inside their own origin, but not navigate or open our page. */
const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-presentation allow-popups';

const ALLOWED_TAGS = [
  'p', 'br', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'strong', 'b', 'em', 'i', 'u', 's',
  'sub', 'sup', 'blockquote', 'q', 'cite', 'code', 'pre', 'hr', 'figure', 'figcaption', 'img', 'table', 'thead',
  'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'abbr', 'time', 'small', 'mark', 'iframe', 'video', 'audio',
];

/**
 * Allowlist sanitizer: keeps the structure of a story (paragraphs, headings, lists, links,
 * emphasis, quotes, tables, figures with images and captions, video and audio players) and drops everything else:
 * scripts, styles, event handlers, forms, `<base>` and `<meta>`, non-http(s) URLs
 * (javascript:, data:, vbscript:), tracking pixels, and iframes other than https players from
 * `embedHosts`, which are sandboxed. Links to other sites get `rel="nofollow noopener"`.
 * The only producer of SafeHtml.
 */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): SafeHtml {
  return sanitizeToDom(html, options).html;
}

/** Sanitized HTML, and the element it parses to when settling it parsed exactly that (else null). */
export interface SanitizedDom {
  html: SafeHtml;
  /**
   * The `div#gazette-root` of `wrapInDocument(html)` parsed, when settling the HTML parsed
   * that very string and changed nothing; a caller that needs the DOM reads it instead of
   * parsing the same bytes again. Null when the HTML settled differently.
   */
  root: Element | null;
}

/** sanitizeHtml, keeping the DOM that settling built when it is the DOM of the answer. */
export function sanitizeToDom(html: string, options: SanitizeOptions = {}): SanitizedDom {
  const clean = sanitizeOnce(html, options);
  const settled = settleInDom(clean);
  if (settled.html === clean) return { html: trustSanitizedHtml(clean), root: settled.unchanged ? settled.root : null };
  return { html: trustSanitizedHtml(sanitizeOnce(settled.html, options)), root: null };
}

/** The document a body fragment is parsed in, its root element's id `gazette-root`. */
export function wrapInDocument(html: string): string {
  return `<!doctype html><html><body><div id="gazette-root">${html}</div></body></html>`;
}

/**
 * The allowlist filter works on a token stream, so it can emit nesting a browser would
 * rebuild differently (a paragraph inside a paragraph, a cell outside any table). Parsing
 * the output as a document and serializing it again gives the structure readers will see;
 * orphaned table parts, which browsers drop, are unwrapped to their content.
 */
function settleInDom(html: string): { html: string; root: Element; unchanged: boolean } {
  const { document } = parseHTML(wrapInDocument(html));
  const root = document.getElementById('gazette-root')!;
  let unchanged = true;
  for (const el of Array.from(root.querySelectorAll('td, th, tr, thead, tbody, tfoot, caption')) as Element[]) {
    if (!el.parentElement?.closest('table')) {
      el.replaceWith(...Array.from(el.childNodes));
      unchanged = false;
    }
  }
  return { html: root.innerHTML, root, unchanged };
}

function sanitizeOnce(html: string, options: SanitizeOptions): string {
  const base = parseBase(options.baseUrl);
  const embedHosts = new Set(options.embedHosts ?? DEFAULT_EMBED_HOSTS);
  return sanitize(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      iframe: ['src', 'width', 'height', 'title', 'allowfullscreen', 'sandbox', 'loading'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      time: ['datetime'],
      abbr: ['title'],
      blockquote: ['cite'],
      q: ['cite'],
      video: ['src', 'poster', 'controls', 'preload', 'width', 'height'],
      audio: ['src', 'controls', 'preload'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'], iframe: ['https'], video: ['http', 'https'], audio: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'poster'],
    allowProtocolRelative: false,
    allowedIframeHostnames: [...embedHosts],
    allowIframeRelativeUrls: false,
    transformTags: {
      // h1 is the page's headline; a body's own h1 becomes a section heading.
      h1: 'h2',
      a: (tagName, attribs) => ({ tagName, attribs: linkAttributes(attribs, base) }),
      img: (tagName, attribs) => ({ tagName, attribs: imageAttributes(attribs, base) }),
      iframe: (tagName, attribs) => ({ tagName, attribs: embedAttributes(attribs, embedHosts) }),
      video: (tagName, attribs) => ({ tagName, attribs: playerAttributes(attribs, base) }),
      audio: (tagName, attribs) => ({ tagName, attribs: playerAttributes(attribs, base) }),
    },
    exclusiveFilter: (frame) =>
      // Tracking pixels (1×1 images) and images without a source carry no content.
      (frame.tag === 'img' && (frame.attribs.width === '1' || frame.attribs.height === '1' || !frame.attribs.src)) ||
      (frame.tag === 'iframe' && !frame.attribs.src) ||
      ((frame.tag === 'video' || frame.tag === 'audio') && !frame.attribs.src),
    nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'title', 'head'],
  });
}

function parseBase(baseUrl: string | null | undefined): URL | null {
  if (!baseUrl) return null;
  try {
    const url = new URL(baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Resolves a URL against the source page. Control characters and whitespace that browsers
 * ignore inside a scheme ("java\tscript:") are removed first, so the scheme check sees what a
 * browser would. Unresolvable values are dropped.
 */
function resolveUrl(value: string | undefined, base: URL | null): string | undefined {
  if (!value) return undefined;
  const cleaned = value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, (m, offset: number) => (offset === 0 ? '' : m.includes(' ') ? '%20' : ''));
  try {
    const url = new URL(cleaned.trim(), base ?? undefined);
    return /^(https?|mailto):$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function linkAttributes(attribs: sanitize.Attributes, base: URL | null): sanitize.Attributes {
  const { href: raw, rel: _rel, ...rest } = attribs;
  const href = resolveUrl(raw, base);
  const out: sanitize.Attributes = { ...rest };
  if (href) {
    out.href = href;
    // Links that leave the site pass no ranking and no window.opener.
    if (leavesSite(href, base)) out.rel = 'nofollow noopener';
  }
  return out;
}

function leavesSite(href: string, base: URL | null): boolean {
  const url = new URL(href);
  if (url.protocol === 'mailto:') return false;
  return base === null || url.host !== base.host;
}

function imageAttributes(attribs: sanitize.Attributes, base: URL | null): sanitize.Attributes {
  const { src: raw, ...rest } = attribs;
  const src = resolveUrl(raw, base);
  return src && !src.startsWith('mailto:') ? { ...rest, src } : rest;
}

/**
 * Agency video and audio: an http(s) source (and poster), always with the browser's own
 * controls and nothing loaded until the reader presses play; never autoplay, loop or muted tricks.
 */
function playerAttributes(attribs: sanitize.Attributes, base: URL | null): sanitize.Attributes {
  const out: sanitize.Attributes = { controls: '', preload: 'none' };
  const src = resolveUrl(attribs.src, base);
  if (src && /^https?:/.test(src)) out.src = src;
  const poster = resolveUrl(attribs.poster, base);
  if (poster && /^https?:/.test(poster)) out.poster = poster;
  for (const name of ['width', 'height']) if (attribs[name] && /^\d{1,4}$/.test(attribs[name]!)) out[name] = attribs[name]!;
  return out;
}

function embedAttributes(attribs: sanitize.Attributes, hosts: ReadonlySet<string>): sanitize.Attributes {
  const { src: raw, sandbox: _sandbox, ...rest } = attribs;
  const src = resolveUrl(raw, null);
  if (!src || !src.startsWith('https:') || !hosts.has(new URL(src).host)) return rest;
  return { ...rest, src, sandbox: EMBED_SANDBOX, loading: 'lazy' };
}
