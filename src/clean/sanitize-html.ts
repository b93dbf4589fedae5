import sanitize from 'sanitize-html';
import { trustSanitizedHtml, type SafeHtml } from '../domain/safe-html.js';

/** Options for sanitizing one body. */
export interface SanitizeOptions {
  /** The source page URL: relative links and images are resolved against it. */
  baseUrl?: string | null;
}

/**
 * Allowlist sanitizer: keeps the structure of a story (paragraphs, headings, lists, links,
 * emphasis, quotes, tables, figures) and drops everything else, including scripts, styles,
 * event handlers and non-http(s) URLs. The only producer of SafeHtml.
 */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): SafeHtml {
  const base = parseBase(options.baseUrl);
  const clean = sanitize(html, {
    allowedTags: [
      'p', 'br', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'a', 'strong', 'b', 'em', 'i', 'u', 's',
      'sub', 'sup', 'blockquote', 'q', 'cite', 'code', 'pre', 'hr', 'figure', 'figcaption', 'img',
      'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'abbr', 'time', 'small', 'mark',
    ],
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      time: ['datetime'],
      abbr: ['title'],
      blockquote: ['cite'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    // h1 is the page's headline; a body's own h1 becomes a section heading.
    transformTags: {
      h1: 'h2',
      a: (tagName, attribs) => ({ tagName, attribs: linkAttributes(attribs, base) }),
      img: (tagName, attribs) => ({ tagName, attribs: imageAttributes(attribs, base) }),
    },
    exclusiveFilter: (frame) =>
      // Tracking pixels: 1×1 images carry no content.
      frame.tag === 'img' && (frame.attribs.width === '1' || frame.attribs.height === '1' || !frame.attribs.src),
    nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'svg', 'math'],
  });
  return trustSanitizedHtml(clean);
}

function parseBase(baseUrl: string | null | undefined): URL | null {
  if (!baseUrl) return null;
  try {
    return new URL(baseUrl);
  } catch {
    return null;
  }
}

function resolveUrl(value: string | undefined, base: URL | null): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value.trim(), base ?? undefined).href;
  } catch {
    return value.trim();
  }
}

function linkAttributes(attribs: sanitize.Attributes, base: URL | null): sanitize.Attributes {
  const href = resolveUrl(attribs.href, base);
  const out: sanitize.Attributes = { ...attribs };
  if (href) out.href = href;
  // Links that leave the site pass no ranking and no window.opener.
  if (href && /^https?:/i.test(href)) out.rel = 'nofollow noopener';
  else delete out.rel;
  return out;
}

function imageAttributes(attribs: sanitize.Attributes, base: URL | null): sanitize.Attributes {
  const src = resolveUrl(attribs.src, base);
  return { ...attribs, ...(src && { src }) };
}
