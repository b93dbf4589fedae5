/**
 * Characters XML 1.0 cannot carry at all (§2.2 Char): C0 controls other than tab, LF and
 * CR, lone surrogates, U+FFFE and U+FFFF. Escaping cannot save them; they are dropped.
 */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as XML character data or an attribute value: `&`, `<`, `>` and both quotes escaped
 * (so `]]>` can never close anything), impossible characters dropped. CDATA is never used:
 * escaping alone is correct for every input.
 */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
