/**
 * Normalizes text for storage and display: Unicode NFC, no control characters, single
 * spaces, trimmed. Typographic quotes and dashes are kept as the provider wrote them.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .trim();
}

/**
 * The key two paragraphs share when they are "the same" to a reader: case, whitespace,
 * quote style and punctuation do not matter.
 */
export function paragraphKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
