/** Listings and meta descriptions show at most this many characters. */
const MAX_SUMMARY = 300;

/**
 * An extractive summary: the body's first sentence, or two when the first is short, never
 * longer than 300 characters and never cut mid-word.
 */
export function summarize(text: string, maxLength = MAX_SUMMARY): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return '';
  const sentences = flat.match(/[^.!?…]+(?:[.!?…]+["'”’)\]]*|$)\s*/g) ?? [flat];
  let summary = '';
  for (const sentence of sentences) {
    if (summary && (summary.length + sentence.length > maxLength || summary.length > 120)) break;
    summary += sentence;
  }
  summary = summary.trim();
  if (summary.length <= maxLength) return summary;
  const cut = summary.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 0 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:]+$/, '')}…`;
}
