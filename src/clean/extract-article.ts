import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { RawImage } from '../domain/raw-item.js';
import type { SafeHtml } from '../domain/safe-html.js';
import { blockText } from './block-text.js';
import { checkMarkupInput } from './check-markup-input.js';
import { readPageMetadata } from './page-metadata.js';
import { pruneContent, type PruneOptions } from './prune-content.js';
import { linkDensity } from './prune-furniture.js';
import { sanitizeHtml } from './sanitize-html.js';

/** Limits and switches for one extraction. */
export interface ExtractOptions {
  /** Pages longer than this many characters are rejected; default 5,000,000. */
  maxInputLength?: number;
  /** Pages nested deeper than this are rejected; default 1,000. */
  maxDepth?: number;
  /** Pruning rules after Readability (all on by default; switches exist to measure each). */
  prune?: PruneOptions;
  /** Keep figure captions in the plain text (default false: the ground truth of news bodies has none). */
  captionsInText?: boolean;
}

/** An article found in a page. */
export interface ExtractedArticle {
  kind: 'extracted';
  headline: string | null;
  byline: string | null;
  publishedAt: Date | null;
  /** Absolute URL of the lead image, when the page names one. */
  leadImage: string | null;
  /** The lead image's alt text, caption, credit and size, as far as the page gives them. */
  leadImageDetails: Partial<Omit<RawImage, 'url'>>;
  language: string | null;
  /** The article body, sanitized; figures keep their captions. */
  html: SafeHtml;
  /** The article body as plain text, one paragraph a line, without captions. */
  text: string;
}

/** The result of extracting an article from a page: the article, or why there is none. */
export type ExtractResult = ExtractedArticle | { kind: 'rejected'; reason: string };

interface ReadabilityResult {
  content: Element | null;
  title?: string | null;
  byline?: string | null;
  publishedTime?: string | null;
  lang?: string | null;
}

/**
 * Finds the article in a web page: headline, byline, published time, lead image and the body
 * as sanitized HTML and plain text. Mozilla Readability picks the body; Gazette then prunes the
 * furniture Readability leaves (teaser links, "Related:" and "Follow us" lines, by-line and
 * time-stamp lines, blocks classed as share/related/caption) and reads the text block by block.
 */
export function extractArticle(html: string, url: string | null, options: ExtractOptions = {}): ExtractResult {
  const problem = checkMarkupInput(html, { maxLength: options.maxInputLength ?? 5_000_000, maxDepth: options.maxDepth ?? 1_000 });
  if (problem) return { kind: 'rejected', reason: problem };
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  const meta = readPageMetadata(doc);
  let parsed: ReadabilityResult | null;
  try {
    parsed = new Readability(doc, { keepClasses: true, serializer: (node: Node) => node } as never).parse() as ReadabilityResult | null;
  } catch (error) {
    return { kind: 'rejected', reason: `The page could not be read as an article: ${error instanceof Error ? error.message : String(error)}` };
  }
  const content = parsed?.content ?? null;
  if (!content) return { kind: 'rejected', reason: 'No article found in the page: nothing in it reads as a story.' };
  pruneContent(content, options.prune);
  // Figures stay in the HTML with their captions; the plain text is the story alone.
  const text = options.captionsInText ? blockText(content) : blockText(content, isFigure);
  if (!text) return { kind: 'rejected', reason: 'No article found in the page: its main block is menus and page furniture only.' };
  const notArticle = notAnArticle(content, text);
  if (notArticle) return { kind: 'rejected', reason: notArticle };
  return {
    kind: 'extracted',
    headline: meta.headline ?? clean(parsed?.title),
    byline: meta.byline ?? clean(parsed?.byline),
    publishedAt: meta.publishedAt ?? validDate(parsed?.publishedTime),
    leadImage: absoluteUrl(meta.leadImage, url),
    leadImageDetails: meta.leadImageDetails,
    language: meta.language ?? clean(parsed?.lang),
    html: sanitizeHtml(content.innerHTML, { baseUrl: url }),
    text,
  };
}

/**
 * Why the block Readability chose is not an article, if it is not: a menu or a list of links
 * (most of its text is link text), or no line of running prose at all. Such a page is rejected
 * rather than published as its navigation.
 */
function notAnArticle(content: Element, text: string): string | null {
  if (linkDensity(content) > 0.5) return 'No article found in the page: its main block is mostly links (a menu or a list of stories).';
  // Twelve words with sentence punctuation; thirty characters in scripts written without spaces.
  const long = (line: string) => line.split(/\s+/).length >= 12 || (/[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/.test(line) && line.length >= 30);
  const prose = text.split('\n').some((line) => long(line) && /[.!?。！？»”"]/.test(line));
  if (!prose) return 'No article found in the page: its main block has no paragraph of running text.';
  return null;
}

function isFigure(el: Element): boolean {
  return el.tagName === 'FIGURE' || el.tagName === 'FIGCAPTION';
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text || null;
}

function validDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function absoluteUrl(value: string | null, base: string | null): string | null {
  if (!value) return null;
  try {
    const resolved = new URL(value, base ?? undefined);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
  } catch {
    return null;
  }
}
