/** A text as a regular expression that matches it literally ("Yahoo!", "AT&T (US)"). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
