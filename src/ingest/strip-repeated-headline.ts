import { parseDocument } from 'htmlparser2';
import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import { removeElement, getOuterHTML } from 'domutils';

/**
 * Agencies often put the headline at the top of the body again (TT: `<h1>` and then a
 * "Försvar TT" section label), which the page would show twice. Removes a leading block
 * whose text is the headline, a short label right after it (or right before it), and
 * returns the rest. Anything else is left as sent.
 */
export function stripRepeatedHeadline(html: string, headline: string | null): string {
  const doc = parseDocument(html, { decodeEntities: false });
  const body = findElement(doc.children, 'body');
  const root = body ?? doc;
  if (headline) {
    const blocks = leadingBlocks(root.children, 3);
    const at = blocks.findIndex((b) => sameText(textOf(b), headline));
    if (at === 0 || (at === 1 && isLabel(blocks[0]!))) {
      const next = blocks[at + 1];
      for (const b of blocks.slice(0, at + 1)) removeElement(b);
      if (next && isLabel(next)) removeElement(next);
    }
  }
  return root.children.map((c) => getOuterHTML(c, { decodeEntities: false })).join('').trim();
}

/** The same, for a plain-text body: first line the headline, a short label line after it. */
export function stripRepeatedHeadlineText(text: string, headline: string | null): string {
  if (!headline) return text;
  const lines = text.split(/\r?\n/);
  let i = 0;
  while (i < lines.length && !lines[i]!.trim()) i++;
  if (!sameText(lines[i] ?? '', headline)) return text;
  i++;
  while (i < lines.length && !lines[i]!.trim()) i++;
  if (i < lines.length && isShortLabel(lines[i]!)) i++;
  return lines.slice(i).join('\n').trim();
}

/** The first `count` elements that hold text directly (or through inline elements only). */
function leadingBlocks(nodes: ChildNode[], count: number): Element[] {
  const found: Element[] = [];
  const walk = (list: ChildNode[]) => {
    for (const node of list) {
      if (found.length >= count) return;
      if (!isTag(node) || /^(script|style|head|title|figure|img|picture)$/i.test(node.name)) continue;
      if (holdsText(node)) found.push(node);
      else walk(node.children);
    }
  };
  walk(nodes);
  return found;
}

const INLINE = /^(span|a|b|strong|i|em|small|sup|sub|br|time|abbr|mark|u|s)$/i;

function holdsText(el: Element): boolean {
  const direct = el.children.some((c) => isText(c) && c.data.trim() !== '');
  const blockChild = el.children.some((c) => isTag(c) && !INLINE.test(c.name));
  return !blockChild && (direct || el.children.some((c) => isTag(c) && textOf(c).trim() !== ''));
}

/** A kicker or section label: not a paragraph, a few words, no sentence in it. */
function isLabel(el: Element): boolean {
  return !/^p$/i.test(el.name) && isShortLabel(textOf(el));
}

function isShortLabel(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 40 && t.split(/\s+/).length <= 4 && !/[.!?:;,"»”]$/.test(t);
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) !== '' && norm(a) === norm(b);
}

function textOf(node: ChildNode): string {
  if (isText(node)) return decode(node.data);
  if (isTag(node)) return node.children.map(textOf).join('');
  return '';
}

function decode(text: string): string {
  return text.replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
}

function findElement(nodes: ChildNode[], name: string): Element | undefined {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (node.name.toLowerCase() === name) return node;
    const inner = findElement(node.children, name);
    if (inner) return inner;
  }
  return undefined;
}
