/** Elements that start a new line of text: block-level HTML plus `br`. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN',
  'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Elements whose text is never read: code, styling and hidden templates. */
const SILENT_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG', 'HEAD', 'IFRAME', 'OBJECT']);

/** Whether an element is a block (starts a new line of text). */
export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
}

/**
 * The text of a DOM subtree as a reader sees it: one line per block, inline text joined as
 * written, whitespace runs collapsed. Unlike `textContent`, adjacent blocks never run their
 * words together ("Published 1 day agoThe …"). Elements for which `skip` is true are left out.
 * Iterative, so deep trees cannot overflow the stack.
 */
export function blockText(root: Node, skip?: (el: Element) => boolean): string {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    const text = line.replace(/[ \t\n\r\f\u00a0]+/g, ' ').trim();
    if (text) lines.push(text);
    line = '';
  };
  // Explicit stack of [node, leaving] pairs instead of recursion.
  const stack: [Node, boolean][] = [[root, false]];
  while (stack.length > 0) {
    const [node, leaving] = stack.pop()!;
    if (node.nodeType === 3) {
      line += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const el = node as Element;
    const block = node.nodeType === 1 && isBlockElement(el);
    if (leaving) {
      if (block) flush();
      continue;
    }
    if (node.nodeType === 1 && (SILENT_TAGS.has(el.tagName) || (skip !== undefined && node !== root && skip(el)))) continue;
    if (block) flush();
    stack.push([node, true]);
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, false]);
  }
  flush();
  return lines.join('\n');
}
