/** Bounds on markup the clean stage will parse. */
export interface MarkupLimits {
  /** Most characters accepted. */
  maxLength: number;
  /** Deepest element nesting accepted. */
  maxDepth: number;
}

/** Elements that never hold children (HTML "void elements"), so they do not nest. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);

/**
 * Elements whose end tag is optional (WHATWG HTML §13.1.2.4): pages often leave them open and
 * the parser closes them, so counting them would overstate the depth.
 */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rp', 'html', 'head', 'body']);

/**
 * Refuses markup the parser and the extractor should not see: too long, binary rather than
 * text, or nested deeper than any real page (a DOM of 100,000 levels makes tree walks slow or
 * overflow the stack). Returns the reason in plain words, or null when the markup is fine.
 * The depth is estimated in one pass over the tags, without building a tree.
 */
export function checkMarkupInput(html: string, limits: MarkupLimits): string | null {
  if (html.length > limits.maxLength) return `The page is ${html.length} characters long, more than the limit of ${limits.maxLength}.`;
  if (looksBinary(html)) return 'The input is binary data, not HTML text.';
  let depth = 0;
  const lower = html.toLowerCase();
  const tag = /<(\/?)([a-z][a-z0-9:-]*)[^>]*?(\/?)>|<!--/g;
  for (let match = tag.exec(lower); match; match = tag.exec(lower)) {
    if (match[0] === '<!--') {
      const end = lower.indexOf('-->', tag.lastIndex);
      tag.lastIndex = end < 0 ? lower.length : end + 3;
      continue;
    }
    const name = match[2]!;
    if (VOID.has(name) || OPTIONAL_END.has(name) || match[3] === '/') continue;
    if (match[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > limits.maxDepth) return `The page nests elements more than ${limits.maxDepth} levels deep.`;
    if (name === 'script' || name === 'style') {
      // Skip raw text: tags inside scripts and styles are not elements.
      const end = lower.indexOf(`</${name}`, tag.lastIndex);
      tag.lastIndex = end < 0 ? lower.length : end;
    }
  }
  return null;
}

/** Control characters or replacement characters in more than 5% of the first 64 KiB. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65_536);
  if (sample.length === 0) return false;
  const junk = sample.match(/[\u0000-\u0008\u000e-\u001a\u001c-\u001f\ufffd]/g)?.length ?? 0;
  return junk / sample.length > 0.05;
}
