import { paragraphKey } from './normalize-text.js';

/** Below this many characters a repeated block ("Photo:", "***") is not worth judging. */
const MIN_KEY_LENGTH = 20;

/**
 * Drops every block whose text already appeared earlier in the same body, so a body sent
 * twice in a row (a common scraper and CMS fault) reads once. Repeated runs of paragraphs
 * collapse block by block. Short blocks are kept, since they repeat legitimately.
 */
export function collapseRepeats<T>(blocks: readonly T[], textOf: (block: T) => string): T[] {
  const seen = new Set<string>();
  return blocks.filter((block) => {
    const key = paragraphKey(textOf(block));
    if (key.length < MIN_KEY_LENGTH) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
