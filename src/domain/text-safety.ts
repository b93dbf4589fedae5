/**
 * Characters no stored text may contain: NUL and the other C0 controls except tab, line feed
 * and carriage return (which `stripUnsafeText` turns into a line feed), DEL and the C1 controls, the bidi embeddings, overrides and isolates (they reorder
 * what a reader sees, e.g. to disguise a headline), and the invisible zero-width space, word
 * joiner, BOM and non-characters. ZWNJ/ZWJ (U+200C/D) and the LRM/RLM/ALM marks stay: Persian,
 * Indic scripts and emoji need them to be spelled right. PostgreSQL refuses NUL outright.
 */
export const unsafeTextChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b\u2060\u180e\ufeff\ufffe\uffff]/g;

/** Removes every unsafe character; a carriage return (alone or before a line feed) becomes a line feed. */
export function stripUnsafeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(unsafeTextChars, '');
}

/** Whether text contains a character `stripUnsafeText` would remove. */
export function hasUnsafeText(text: string): boolean {
  unsafeTextChars.lastIndex = 0;
  const found = unsafeTextChars.test(text);
  unsafeTextChars.lastIndex = 0;
  return found;
}

/** The earliest date Gazette stores (the Unix epoch). */
export const earliestStorableDate = new Date(Date.UTC(1970, 0, 1));

/** Whether a date can be stored by both engines and means something: a real time from 1970 to the year 9999. */
export function isStorableDate(date: Date): boolean {
  const t = date.getTime();
  return Number.isFinite(t) && t >= earliestStorableDate.getTime() && date.getUTCFullYear() <= 9999;
}
