import { paragraphKey } from './normalize-text.js';

/** Below this many characters a repeated block ("Photo:", "***") is not judged on its own. */
const MIN_KEY_LENGTH = 20;

/**
 * Drops every block whose text already appeared earlier in the same body, so a body sent twice
 * in a row (a common scraper and CMS fault) reads once. Blocks compare by `paragraphKey`, so a
 * copy that differs only in whitespace, case, quote style or punctuation is still a copy.
 * Short blocks are kept, since they repeat legitimately — unless they sit inside a repeated
 * run of paragraphs and match the original run at the same place, when the run goes as a whole.
 */
export function collapseRepeats<T>(blocks: readonly T[], textOf: (block: T) => string): T[] {
  const keys = blocks.map((b) => paragraphKey(textOf(b)));
  const drop = new Array<boolean>(blocks.length).fill(false);
  const firstAt = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key.length < MIN_KEY_LENGTH) continue;
    const original = firstAt.get(key);
    if (original === undefined) {
      firstAt.set(key, i);
      continue;
    }
    drop[i] = true;
    // Short blocks around the copy that mirror the original's neighbours belong to the run.
    for (let a = i + 1, b = original + 1; a < keys.length && b < i && isShortMatch(keys, a, b); a++, b++) drop[a] = true;
    for (let a = i - 1, b = original - 1; a > original && b >= 0 && !drop[a] && isShortMatch(keys, a, b); a--, b--) drop[a] = true;
  }
  return blocks.filter((_, i) => !drop[i]);
}

function isShortMatch(keys: readonly string[], a: number, b: number): boolean {
  const key = keys[a]!;
  return key !== '' && key.length < MIN_KEY_LENGTH && key === keys[b];
}
