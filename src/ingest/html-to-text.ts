import { parseDocument } from 'htmlparser2';
import { isTag, isText, type ChildNode } from 'domhandler';

/** Elements whose content is code or hidden text, never words a reader sees. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'head', 'title']);

/**
 * The text a reader sees in an HTML fragment (a feed title or summary): tags dropped with the
 * content of scripts and styles, entities decoded once, whitespace collapsed. A literal
 * `<script>` or `<img onerror=…>` sent as a headline leaves no markup behind.
 */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapseSpace(html);
  const doc = parseDocument(html, { decodeEntities: true });
  return collapseSpace(visibleText(doc.children));
}

function visibleText(nodes: ChildNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (isText(node)) out += node.data;
    else if (isTag(node)) {
      if (HIDDEN.has(node.name.toLowerCase())) continue;
      // <br> and block ends separate words that markup kept apart.
      const inner = visibleText(node.children);
      out += /^(br|p|div|li|h[1-6]|tr|td|th)$/i.test(node.name) ? ` ${inner} ` : inner;
    }
  }
  return out;
}

/** Whether a string looks like HTML markup rather than plain text. */
export function looksLikeHtml(value: string): boolean {
  return /<\/?[a-z][a-z0-9]*[\s>/]|<![a-z[]|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i.test(value);
}

/**
 * A feed's headline, byline, summary or dateline as plain text: markup is read as HTML
 * (entities decoded once, tags and script content dropped); text without markup is only
 * trimmed, so "AT&T" or "5 < 6" are kept as sent.
 */
export function plainTextField(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = looksLikeHtml(value) ? htmlToText(value) : collapseSpace(value);
  return text || null;
}

/** Collapses markup whitespace; a no-break space the author typed is kept. */
function collapseSpace(text: string): string {
  return text.replace(/[ \t\r\n\f]+/g, ' ').replace(/^ | $/g, '');
}
