import { normalizeText } from './normalize-text.js';

/**
 * Headings that open the page furniture scrapers sweep up after a story: legal notices,
 * "most popular" and "related" lists, comment sections, share and subscribe prompts.
 * Matched on a block of its own (a heading, not a sentence that mentions the words).
 */
const TAIL_HEADING =
  /^(legal disclaimer|disclaimer|most (popular|read|viewed)( stories| articles| news)?|related (stories|articles|news|posts)|read (more|also|next)|you (may|might) also like|more from|recommended( for you| stories)?|trending( now| stories)?|comments?|\d+ comments?|no comments?|leave a (comment|reply)|share (this|on)|follow us|subscribe( to)?( our)?( newsletter)?|sign up for|tags?|advertisement)\b[^.!?]{0,40}:?$/i;

/** Headings whose section is the provider's legal text: kept apart, not thrown away. */
const DISCLAIMER_HEADING = /^(legal )?disclaimer\b/i;

/** What boilerplate removal found in a body. */
export interface BoilerplateSplit {
  /** How many leading blocks are the story. */
  storyLength: number;
  /** The text of a legal-disclaimer section in the tail, if there was one. */
  disclaimer: string | null;
}

/**
 * Finds where the story ends and the page furniture begins: the first block, past the
 * first paragraph, that is a furniture heading. Everything from there on is tail; a
 * disclaimer section in it is returned so it can become the provider's disclaimer.
 */
export function splitBoilerplateTail(blocks: readonly string[]): BoilerplateSplit {
  const start = blocks.findIndex((block, i) => i > 0 && isTailHeading(block));
  if (start < 0) return { storyLength: blocks.length, disclaimer: null };
  return { storyLength: start, disclaimer: disclaimerIn(blocks.slice(start)) };
}

function isTailHeading(block: string): boolean {
  const text = normalizeText(block);
  return text.length <= 60 && TAIL_HEADING.test(text);
}

function disclaimerIn(tail: readonly string[]): string | null {
  const start = tail.findIndex((b) => DISCLAIMER_HEADING.test(normalizeText(b)));
  if (start < 0) return null;
  const heading = normalizeText(tail[start]!);
  // "Legal Disclaimer: text…" on one line, or the heading alone and the text below it.
  const inline = heading.replace(/^(legal )?disclaimer\s*:?\s*/i, '');
  const lines = inline ? [inline] : [];
  for (const block of tail.slice(start + 1)) {
    if (isTailHeading(block)) break;
    lines.push(normalizeText(block));
  }
  const text = lines.join(' ').replace(/\s+/g, ' ').trim();
  return text || null;
}
