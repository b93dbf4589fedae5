import { DomUtils, parseDocument } from 'htmlparser2';

/**
 * The text a reader sees in an HTML fragment (a feed summary), with entities decoded and
 * whitespace collapsed. Used for summaries, which the pipeline treats as plain text.
 */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  const doc = parseDocument(html, { decodeEntities: true });
  return DomUtils.textContent(doc).replace(/\s+/g, ' ').trim();
}

/** Whether a string looks like HTML markup rather than plain text. */
export function looksLikeHtml(value: string): boolean {
  return /<\/?[a-z][a-z0-9]*[\s>/]|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i.test(value);
}
