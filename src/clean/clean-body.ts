import { parseHTML } from 'linkedom';
import type { SafeHtml } from '../domain/safe-html.js';
import { blockText } from './block-text.js';
import { checkMarkupInput } from './check-markup-input.js';
import { collapseRepeats } from './collapse-repeats.js';
import { escapeHtml } from './escape-html.js';
import { normalizeText } from './normalize-text.js';
import { sanitizeHtml, sanitizeToDom, wrapInDocument, type SanitizedDom, type SanitizeOptions } from './sanitize-html.js';
import { findBoilerplate } from './strip-boilerplate.js';

/** A body as it came in: HTML, plain text, or both (HTML wins). */
export interface BodyInput {
  html: string | null;
  text: string | null;
  /** Source URL, for resolving relative links. */
  baseUrl?: string | null;
}

/** Options of the clean stage. */
export interface CleanOptions {
  /** `paragraphKey`s of lines seen in the provider's recent articles (see findBoilerplate). */
  seenLines?: ReadonlySet<string>;
  /** Longest body accepted, in characters (default 2,000,000); a longer one cleans to empty. */
  maxInputLength?: number;
  embedHosts?: SanitizeOptions['embedHosts'];
}

/** A cleaned body: safe HTML for pages, plain text for search and enrichment. */
export interface CleanBody {
  html: SafeHtml;
  text: string;
  /** A legal disclaimer found in the body's tail, removed from the body. */
  disclaimer: string | null;
  /** How many repeated blocks were dropped. */
  repeatsRemoved: number;
  /** How many furniture blocks were dropped. */
  boilerplateRemoved: number;
  /** Why the body was refused before cleaning (too large, binary, too deep), if it was. */
  refused: string | null;
}

/**
 * The clean stage for one body: sanitize, drop the furniture (tail sections, prompts, link
 * lists, lines the provider repeats everywhere), drop repeated paragraphs, and derive the
 * plain text from what is left. Bad input (huge, binary, absurdly nested) cleans to an empty
 * body with the reason in `refused`.
 */
export function cleanBody(input: BodyInput, options: CleanOptions = {}): CleanBody {
  const sanitize = { baseUrl: input.baseUrl, embedHosts: options.embedHosts };
  const raw = input.html ?? input.text ?? '';
  const refused = checkMarkupInput(raw, { maxLength: options.maxInputLength ?? 2_000_000, maxDepth: 1_000 });
  if (refused) return { html: sanitizeHtml(''), text: '', disclaimer: null, repeatsRemoved: 0, boilerplateRemoved: 0, refused };
  const blocks = input.html ? htmlBlocks(sanitizeToDom(input.html, sanitize)) : textBlocks(input.text ?? '');
  const verdict = findBoilerplate(blocks, { seenLines: options.seenLines });
  const story = blocks.filter((_, i) => verdict.keep[i]);
  const collapsed = collapseRepeats(story, (b) => b.text);
  const unique = collapsed.filter((b) => b.text || b.keepEmpty);
  const html = sanitizeHtml(unique.map((b) => b.html).join('\n'), sanitize);
  return {
    html,
    text: unique.map((b) => b.text).filter(Boolean).join('\n\n'),
    disclaimer: verdict.disclaimer,
    repeatsRemoved: story.length - collapsed.length,
    boilerplateRemoved: blocks.length - story.length,
    refused: null,
  };
}

interface Block {
  html: string;
  text: string;
  linkDensity: number;
  links: number;
  /** Images, rules and embeds carry no text but belong to the story. */
  keepEmpty?: boolean;
}

/** Plain text: one block per non-empty line (hard-wrapped paragraphs stay lines). */
function textBlocks(text: string): Block[] {
  return text
    .split(/\r?\n/)
    .map(normalizeText)
    .filter(Boolean)
    .map((line) => ({ text: line, html: `<p>${escapeHtml(line)}</p>`, linkDensity: 0, links: 0 }));
}

/**
 * Sanitized HTML: one block per top-level element; loose text becomes a paragraph. The DOM
 * the sanitizer settled the HTML in is read when it has it, rather than parsing it again.
 */
function htmlBlocks(sanitized: SanitizedDom): Block[] {
  const root = sanitized.root ?? parseHTML(wrapInDocument(sanitized.html)).document.getElementById('gazette-root')!;
  const blocks: Block[] = [];
  // Text and inline markup between blocks form paragraphs; a <br> ends one (scraped bodies
  // often are lines separated by <br>).
  let looseHtml = '';
  let looseText = '';
  let looseLinks = 0;
  let looseLinked = 0;
  const flushLoose = () => {
    const text = normalizeText(looseText);
    if (text) blocks.push({ text, html: `<p>${looseHtml.trim()}</p>`, linkDensity: Math.min(1, looseLinked / text.length), links: looseLinks });
    looseHtml = looseText = '';
    looseLinks = looseLinked = 0;
  };
  for (const node of Array.from(root.childNodes) as Node[]) {
    if (node.nodeType === 3) {
      looseText += node.textContent ?? '';
      looseHtml += escapeHtml(node.textContent ?? '');
    } else if (node.nodeType === 1) {
      const el = node as Element;
      if (el.tagName === 'BR') {
        flushLoose();
        continue;
      }
      if (/^(A|B|STRONG|EM|I|U|S|SUB|SUP|Q|CITE|CODE|ABBR|TIME|SMALL|MARK)$/.test(el.tagName)) {
        const anchors = el.tagName === 'A' ? [el] : Array.from(el.querySelectorAll('a'));
        looseLinks += anchors.length;
        looseLinked += anchors.reduce((n, a) => n + normalizeText(a.textContent ?? '').length, 0);
        looseText += el.textContent ?? '';
        looseHtml += el.outerHTML;
        continue;
      }
      flushLoose();
      // Captions stay in the HTML but not in the plain text, as in extractArticle.
      const text = el.tagName === 'FIGURE' ? '' : normalizeText(blockText(el, isFigure).replace(/\n+/g, ' '));
      const anchors = Array.from(el.querySelectorAll('a'));
      const linked = anchors.reduce((n, a) => n + normalizeText(a.textContent ?? '').length, 0);
      blocks.push({
        text,
        html: el.outerHTML,
        linkDensity: text ? Math.min(1, linked / text.length) : 0,
        links: anchors.length,
        keepEmpty: /^(IMG|FIGURE|HR|TABLE|IFRAME)$/.test(el.tagName) || !!el.querySelector('img, iframe'),
      });
    }
  }
  flushLoose();
  return blocks;
}

function isFigure(el: Element): boolean {
  return el.tagName === 'FIGURE' || el.tagName === 'FIGCAPTION';
}
