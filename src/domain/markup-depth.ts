/** Elements that never hold children (HTML "void elements"), so they do not nest. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);

/**
 * Elements whose end tag is optional (WHATWG HTML §13.1.2.4): pages often leave them open and
 * the parser closes them, so counting them would overstate the depth. (A feed's items may
 * carry such HTML unescaped, so XML is counted the same way.)
 */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rp', 'html', 'head', 'body']);

/**
 * Whether markup nests elements more than `maxDepth` levels deep, estimated in one pass over
 * the tags without building a tree: a tree of 100,000 levels makes parsers and tree walks
 * slow (a 1.4 MB feed took 30 s to fail) or overflow the stack. Comments, the raw text of
 * scripts and styles and, in XML, CDATA sections hold no elements.
 */
export function nestsDeeperThan(markup: string, maxDepth: number, options: { xml?: boolean } = {}): boolean {
  let depth = 0;
  const lower = markup.toLowerCase();
  const tag = options.xml ? /<(\/?)([a-z][a-z0-9:._-]*)[^>]*?(\/?)>|<!--|<!\[cdata\[/g : /<(\/?)([a-z][a-z0-9:-]*)[^>]*?(\/?)>|<!--/g;
  for (let match = tag.exec(lower); match; match = tag.exec(lower)) {
    if (match[0] === '<!--' || match[0] === '<![cdata[') {
      const close = match[0] === '<!--' ? '-->' : ']]>';
      const end = lower.indexOf(close, tag.lastIndex);
      tag.lastIndex = end < 0 ? lower.length : end + close.length;
      continue;
    }
    const name = match[2]!;
    if (VOID.has(name) || OPTIONAL_END.has(name) || match[3] === '/') continue;
    if (match[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > maxDepth) return true;
    if (name === 'script' || name === 'style') {
      // Skip raw text: tags inside scripts and styles are not elements.
      const end = lower.indexOf(`</${name}`, tag.lastIndex);
      tag.lastIndex = end < 0 ? lower.length : end;
    }
  }
  return false;
}
