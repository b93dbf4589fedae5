import { letterRuns } from '../domain/letter-runs.js';

/**
 * Normalizes text for storage and display: Unicode NFC, no control characters, no soft
 * hyphens, single spaces, trimmed. Typographic quotes and dashes are kept as the provider
 * wrote them. A soft hyphen (U+00AD) is a hint where a word may break at a line's end; in the
 * text it splits the word for search and for the names and quotes read from it ("doc­trine"
 * finds no "doctrine"), so the text loses it, while a body's HTML keeps it for display.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad]/g, '')
    .replace(/[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .trim();
}

/**
 * The key two paragraphs share when they are "the same" to a reader: case, whitespace,
 * quote style and punctuation do not matter.
 */
export function paragraphKey(text: string): string {
  // The letter-and-digit runs joined by one space: what replacing every other run with a
  // space and trimming gives, without a Unicode-class regex over the whole body.
  return letterRuns(text.normalize('NFKC').toLowerCase()).join(' ');
}
