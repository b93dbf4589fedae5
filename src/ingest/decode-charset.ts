import iconv from 'iconv-lite';

/** Where the charset that decoded a document came from. */
export type CharsetSource = 'bom' | 'http' | 'xml' | 'meta' | 'sniffed' | 'default' | 'fallback';

/** A decoded document: its text and how its charset was chosen. */
export interface DecodedText {
  text: string;
  /** The charset name as iconv-lite knows it, lower case (e.g. "utf-8", "windows-1256"). */
  charset: string;
  source: CharsetSource;
}

/**
 * Decodes bytes to text, choosing the charset in this order of authority:
 *
 * 1. A byte order mark. It is part of the bytes themselves and cannot be wrong about them;
 *    the WHATWG Encoding standard ("decode", BOM sniffing) and XML 1.0 Appendix F both put it
 *    first.
 * 2. The HTTP `Content-Type` charset. RFC 7303 §3 (XML media types) and HTML both give the
 *    transport's declaration precedence over one inside the document, because servers that
 *    transcode (proxies, CMSs) rewrite the header but not the document.
 * 3. The XML declaration (`<?xml … encoding="…"?>`, XML 1.0 §4.3.3); a UTF-16 document
 *    without BOM is recognised from its first bytes (XML 1.0 Appendix F).
 * 4. An HTML `<meta charset>` / `<meta http-equiv="Content-Type">` in the first 1 KB
 *    (HTML Living Standard, "prescan a byte stream").
 * 5. UTF-8, the XML default; when the bytes are not valid UTF-8 and nothing declared a
 *    charset, windows-1252, which is what undeclared legacy feeds nearly always are.
 *
 * A declared charset iconv-lite does not know is skipped and the next source is tried.
 */
export function decodeCharset(input: Uint8Array | string, options: { contentType?: string | null } = {}): DecodedText {
  if (typeof input === 'string') return { text: input.replace(/^\uFEFF/, ''), charset: 'utf-8', source: 'default' };
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);

  const bom = charsetFromBom(bytes);
  if (bom) return { text: iconv.decode(bytes, bom, { stripBOM: true }), charset: bom, source: 'bom' };

  const http = known(charsetFromContentType(options.contentType ?? null));
  if (http) return { text: decode(bytes, http), charset: http, source: 'http' };

  const sniffed = charsetFromFirstBytes(bytes);
  const head = sniffed ? iconv.decode(bytes.subarray(0, 1024), sniffed) : bytes.subarray(0, 1024).toString('latin1');
  const xml = known(charsetFromXmlDeclaration(head));
  // A UTF-16 document declaring "utf-16" (or nothing) is decoded in the byte order its first
  // bytes show; a declaration naming an 8-bit charset cannot be right about 16-bit bytes.
  if (sniffed) return { text: decode(bytes, sniffed), charset: sniffed, source: 'sniffed' };
  if (xml) return { text: decode(bytes, xml), charset: xml, source: 'xml' };

  const meta = known(charsetFromHtmlMeta(head));
  if (meta) return { text: decode(bytes, meta), charset: meta, source: 'meta' };

  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (!utf8.includes('\uFFFD') || !isInvalidUtf8(bytes)) {
    return { text: utf8.replace(/^\uFEFF/, ''), charset: 'utf-8', source: 'default' };
  }
  return { text: iconv.decode(bytes, 'windows-1252'), charset: 'windows-1252', source: 'fallback' };
}

/** The charset a byte order mark names, if the bytes start with one (UTF-32 before UTF-16). */
export function charsetFromBom(bytes: Uint8Array): string | null {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return 'utf-32le';
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'utf-32be';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  return null;
}

/** The `charset` parameter of a Content-Type header (RFC 9110 §8.3), lower-cased. */
export function charsetFromContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return match ? match[2]!.toLowerCase() : null;
}

/** The `encoding` pseudo-attribute of an XML declaration at the start of the text. */
export function charsetFromXmlDeclaration(head: string): string | null {
  const match = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

/** The charset of an HTML `<meta charset>` or `<meta http-equiv="Content-Type" content=…>`. */
export function charsetFromHtmlMeta(head: string): string | null {
  const direct = /<meta\s[^>]*?charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(head);
  return direct ? direct[1]!.toLowerCase() : null;
}

/** UTF-16/32 without a BOM, recognised from how "<?" is laid out (XML 1.0 Appendix F). */
function charsetFromFirstBytes(bytes: Uint8Array): string | null {
  const [a, b, c, d] = bytes;
  if (a === 0x3c && b === 0 && c === 0 && d === 0) return 'utf-32le';
  if (a === 0 && b === 0 && c === 0 && d === 0x3c) return 'utf-32be';
  if (a === 0x3c && b === 0 && c === 0x3f && d === 0) return 'utf-16le';
  if (a === 0 && b === 0x3c && c === 0 && d === 0x3f) return 'utf-16be';
  return null;
}

/** Normalises a charset label to one iconv-lite can decode, or null. */
function known(label: string | null): string | null {
  if (!label) return null;
  // "utf-16" without byte order is big-endian by RFC 2781 §4.3 when there is no BOM. Labels
  // for Latin-1 and ASCII mean windows-1252, as the WHATWG Encoding standard maps them:
  // documents declaring them routinely contain windows-1252 quotes and dashes.
  const name = label === 'utf-16' ? 'utf-16be' : label === 'utf-32' ? 'utf-32be' : (WHATWG_ALIASES[label] ?? label);
  return iconv.encodingExists(name) ? name : null;
}

const WHATWG_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
};

function decode(bytes: Buffer, charset: string): string {
  return iconv.decode(bytes, charset, { stripBOM: true });
}

function isInvalidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}
