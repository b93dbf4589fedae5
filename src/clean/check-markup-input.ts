import { nestsDeeperThan } from '../domain/markup-depth.js';

/** Bounds on markup the clean stage will parse. */
export interface MarkupLimits {
  /** Most characters accepted. */
  maxLength: number;
  /** Deepest element nesting accepted. */
  maxDepth: number;
}

/**
 * Refuses markup the parser and the extractor should not see: too long, binary rather than
 * text, or nested deeper than any real page (a DOM of 100,000 levels makes tree walks slow or
 * overflow the stack). Returns the reason in plain words, or null when the markup is fine.
 */
export function checkMarkupInput(html: string, limits: MarkupLimits): string | null {
  if (html.length > limits.maxLength) return `The page is ${html.length} characters long, more than the limit of ${limits.maxLength}.`;
  if (looksBinary(html)) return 'The input is binary data, not HTML text.';
  if (nestsDeeperThan(html, limits.maxDepth)) return `The page nests elements more than ${limits.maxDepth} levels deep.`;
  return null;
}

/** Control characters or replacement characters in more than 5% of the first 64 KiB. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65_536);
  if (sample.length === 0) return false;
  const junk = sample.match(/[\u0000-\u0008\u000e-\u001a\u001c-\u001f\ufffd]/g)?.length ?? 0;
  return junk / sample.length > 0.05;
}
