import { normalizeText, paragraphKey } from './normalize-text.js';

/**
 * Headings that open the page furniture scrapers sweep up after a story: legal notices,
 * "most popular" and "related" lists, comment sections, share and subscribe prompts.
 * Matched on a block of its own (a heading, not a sentence that mentions the words).
 */
const TAIL_HEADING =
  /^(legal disclaimer|disclaimer|most (popular|read|viewed|shared)( stories| articles| news| posts)?|related( stories| articles| news| posts| coverage| content)?|read (more|also|next)|you (may|might) also like|more (from|stories|news|on)|recommended( for you| stories| reading)?|trending( now| stories)?|top stories|latest (news|stories)|comments?|\d+ comments?|no comments?( yet)?|leave a (comment|reply)|join the (discussion|conversation)|share (this|on)|follow us|subscribe( to)?( our)?( newsletter)?|sign up for|newsletter|tags?|topics|advertisement)\b[^.!?]{0,40}:?$/i;

/** Headings whose section is the provider's legal text: kept apart, not thrown away. */
const DISCLAIMER_HEADING = /^(legal )?disclaimer\b/i;

/**
 * Single lines that are furniture wherever they stand: copyright and rights notices, "read
 * more" stubs, share / subscribe / follow prompts. Only short lines: a long paragraph that
 * happens to start with "Follow" is story.
 */
const FURNITURE_LINE =
  /^((©|\(c\)|copyright\b).{0,160}|.{0,120}\ball rights reserved\.?|(read|continue reading|see) (more|the (full|whole|original) (story|article))\b.{0,80}|click here\b.{0,100}|(share|tweet|email|print)( this( story| article)?)?( on [a-z]+)?:?|follow (us|@\w+) on\b.{0,80}|(subscribe|sign up)\b.{0,100}(newsletter|updates|inbox|free)\b.{0,40}|(photo|image|video) (credit|courtesy)\b.{0,80})$/i;

/** One block of a body as boilerplate removal sees it. */
export interface BoilerplateBlock {
  text: string;
  /** Share of the block's text inside links, 0–1 (0 for plain text). */
  linkDensity?: number;
  /** How many links the block holds. */
  links?: number;
}

/** Options for one body. */
export interface BoilerplateOptions {
  /**
   * `paragraphKey`s of lines seen in this provider's recent articles (taglines, sign-offs,
   * promotions). A short block found there, or one at either edge of the body, is furniture.
   */
  seenLines?: ReadonlySet<string>;
}

/** What boilerplate removal found in a body. */
export interface BoilerplateVerdict {
  /** One flag per input block: true to keep it. */
  keep: boolean[];
  /** The text of a legal-disclaimer section, if there was one. */
  disclaimer: string | null;
}

/**
 * Finds the furniture in a body, by general rules rather than known sentences:
 * 1. position — from the first furniture heading past the opening paragraph ("Most popular",
 *    "Comments", "Legal Disclaimer", …) to the end is tail;
 * 2. form — short lines that are copyright notices, "read more" stubs, share/follow prompts;
 * 3. link density — link lists (three or more links, mostly link text) after the story;
 * 4. repetition — lines the provider sends with every article (`seenLines`).
 * A disclaimer section is returned apart so it can become the provider's disclaimer.
 */
export function findBoilerplate(blocks: readonly BoilerplateBlock[], options: BoilerplateOptions = {}): BoilerplateVerdict {
  const texts = blocks.map((b) => normalizeText(b.text));
  const tailStart = texts.findIndex((text, i) => i > 0 && isTailHeading(text));
  const storyEnd = tailStart < 0 ? blocks.length : tailStart;
  const seen = options.seenLines;
  const keep = texts.map((text, i) => {
    if (i >= storyEnd) return false;
    if (text.length <= 200 && FURNITURE_LINE.test(text)) return false;
    const block = blocks[i]!;
    if ((block.links ?? 0) >= 3 && (block.linkDensity ?? 0) > 0.6 && i > 0) return false;
    return true;
  });
  if (seen && seen.size > 0) {
    const repeated = texts.map((text) => seen.has(paragraphKey(text)));
    // Short repeated lines anywhere; longer ones only in an unbroken run at either edge.
    for (let i = 0; i < texts.length; i++) if (repeated[i] && texts[i]!.length <= 200) keep[i] = false;
    for (let i = 0; i < texts.length && repeated[i]; i++) keep[i] = false;
    for (let i = texts.length - 1; i >= 0 && repeated[i]; i--) keep[i] = false;
  }
  // Never throw a whole body away on form rules alone: that story was all short lines.
  if (keep.every((k) => !k) && storyEnd > 0 && !seen) for (let i = 0; i < storyEnd; i++) keep[i] = true;
  return { keep, disclaimer: tailStart < 0 ? null : disclaimerIn(texts.slice(tailStart)) };
}

/** Where the story ends and the tail begins, for callers that have plain lines only. */
export function splitBoilerplateTail(blocks: readonly string[]): { storyLength: number; disclaimer: string | null } {
  const start = blocks.findIndex((block, i) => i > 0 && isTailHeading(normalizeText(block)));
  if (start < 0) return { storyLength: blocks.length, disclaimer: null };
  return { storyLength: start, disclaimer: disclaimerIn(blocks.slice(start).map(normalizeText)) };
}

function isTailHeading(text: string): boolean {
  return text.length <= 60 && TAIL_HEADING.test(text);
}

function disclaimerIn(tail: readonly string[]): string | null {
  const start = tail.findIndex((b) => DISCLAIMER_HEADING.test(b));
  if (start < 0) return null;
  // "Legal Disclaimer: text…" on one line, or the heading alone and the text below it.
  const inline = tail[start]!.replace(/^(legal )?disclaimer\s*:?\s*/i, '');
  const lines = inline ? [inline] : [];
  for (const block of tail.slice(start + 1)) {
    if (isTailHeading(block)) break;
    lines.push(block);
  }
  const text = lines.join(' ').replace(/\s+/g, ' ').trim();
  return text || null;
}
