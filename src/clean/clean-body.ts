import { parseHTML } from 'linkedom';
import type { SafeHtml } from '../domain/safe-html.js';
import { collapseRepeats } from './collapse-repeats.js';
import { escapeHtml } from './escape-html.js';
import { normalizeText } from './normalize-text.js';
import { sanitizeHtml } from './sanitize-html.js';
import { splitBoilerplateTail } from './strip-boilerplate.js';

/** A body as it came in: HTML, plain text, or both (HTML wins). */
export interface BodyInput {
  html: string | null;
  text: string | null;
  /** Source URL, for resolving relative links. */
  baseUrl?: string | null;
}

/** A cleaned body: safe HTML for pages, plain text for search and enrichment. */
export interface CleanBody {
  html: SafeHtml;
  text: string;
  /** A legal disclaimer found in the body's tail, removed from the body. */
  disclaimer: string | null;
  /** How many repeated blocks were dropped. */
  repeatsRemoved: number;
  /** How many tail blocks (furniture) were dropped. */
  boilerplateRemoved: number;
}

/**
 * The clean stage for one body: sanitize, cut the furniture tail, drop repeated
 * paragraphs, and derive the plain text from what is left.
 */
export function cleanBody(input: BodyInput): CleanBody {
  const blocks = input.html ? htmlBlocks(sanitizeHtml(input.html, { baseUrl: input.baseUrl })) : textBlocks(input.text ?? '');
  const split = splitBoilerplateTail(blocks.map((b) => b.text));
  const story = blocks.slice(0, split.storyLength);
  const unique = collapseRepeats(story, (b) => b.text).filter((b) => b.text || b.keepEmpty);
  const html = sanitizeHtml(unique.map((b) => b.html).join('\n'), { baseUrl: input.baseUrl });
  return {
    html,
    text: unique.map((b) => b.text).filter(Boolean).join('\n\n'),
    disclaimer: split.disclaimer,
    repeatsRemoved: story.length - unique.length,
    boilerplateRemoved: blocks.length - story.length,
  };
}

interface Block {
  html: string;
  text: string;
  /** Images and rules carry no text but belong to the story. */
  keepEmpty?: boolean;
}

/** Plain text: one block per non-empty line (hard-wrapped paragraphs stay lines). */
function textBlocks(text: string): Block[] {
  return text
    .split(/\r?\n/)
    .map(normalizeText)
    .filter(Boolean)
    .map((line) => ({ text: line, html: `<p>${escapeHtml(line)}</p>` }));
}

/** Sanitized HTML: one block per top-level element; loose text becomes a paragraph. */
function htmlBlocks(html: string): Block[] {
  const { document } = parseHTML(`<!doctype html><html><body><div id="gazette-root">${html}</div></body></html>`);
  const root = document.getElementById('gazette-root')!;
  const blocks: Block[] = [];
  for (const node of Array.from(root.childNodes) as Node[]) {
    if (node.nodeType === 3) {
      const text = normalizeText(node.textContent ?? '');
      if (text) blocks.push({ text, html: `<p>${escapeHtml(text)}</p>` });
    } else if (node.nodeType === 1) {
      const el = node as Element;
      const text = normalizeText(el.textContent ?? '');
      blocks.push({ text, html: el.outerHTML, keepEmpty: /^(img|figure|hr|table)$/i.test(el.tagName) || !!el.querySelector?.('img') });
    }
  }
  return blocks;
}
