import { looksLikeNitf, nitfToHtml, type NitfReading } from '../nitf/nitf-to-html.js';
import { objects, str, type Json } from './ninjs-json.js';

/** The body Gazette takes from a ninjs item, and what a NITF body said besides. */
export interface ChosenBody {
  html: string | null;
  text: string | null;
  nitf: NitfReading | null;
}

/** Body kinds, richest readable first (the order they are preferred in). */
const RANK = { richhtml: 0, html: 1, xhtml: 2, nitf: 3, text: 4 } as const;
type Kind = keyof typeof RANK;

/**
 * The richest body Gazette can show: rich HTML → HTML → XHTML → NITF (converted) → plain
 * text. ninjs 2.x/3.x list them in `bodies[]` with a `role` and `contenttype`; 1.x has
 * `body_html`, `body_xhtml`, `body_text`. A provider's own XML (TT's `ttnitf`) is skipped.
 */
export function chooseBody(item: Json): ChosenBody {
  const candidates: { kind: Kind; value: string }[] = [];
  for (const b of objects(item.bodies)) {
    const value = str(b.value);
    const kind = value ? kindOf(str(b.role) ?? '', str(b.contenttype) ?? '', value) : null;
    if (kind) candidates.push({ kind, value: value! });
  }
  for (const [field, kind] of [['body_richhtml', 'richhtml'], ['body_html', 'html'], ['body_xhtml', 'xhtml'], ['body_nitf', 'nitf'], ['body_text', 'text']] as const) {
    const value = str(item[field]);
    if (value) candidates.push({ kind: kind !== 'text' && looksLikeNitf(value) ? 'nitf' : kind, value });
  }
  const best = candidates.sort((a, b) => RANK[a.kind] - RANK[b.kind])[0];
  if (!best) return { html: null, text: null, nitf: null };
  if (best.kind === 'nitf') {
    const nitf = nitfToHtml(best.value);
    return { html: nitf.html || null, text: null, nitf };
  }
  if (best.kind === 'text') return { html: null, text: best.value, nitf: null };
  return { html: best.value, text: null, nitf: null };
}

function kindOf(role: string, contentType: string, value: string): Kind | null {
  const type = contentType.toLowerCase();
  const r = role.toLowerCase();
  // IPTC NITF (`text/vnd.IPTC.NITF`, `application/nitf+xml`, role `nitf`); not TT's own `ttnitf`.
  if (type.includes('nitf') || r === 'nitf' || looksLikeNitf(value)) return 'nitf';
  if (type.includes('xhtml')) return 'xhtml';
  if (type.includes('html')) return r.includes('rich') ? 'richhtml' : r.includes('xhtml') ? 'xhtml' : 'html';
  if (type === 'text/plain') return 'text';
  if (!type) {
    if (r.includes('rich') && r.includes('html')) return 'richhtml';
    if (r.includes('xhtml')) return 'xhtml';
    if (r.includes('html')) return 'html';
    if (!r.includes('xml')) return 'text';
  }
  return null; // another XML: a provider's own format, not something a reader can be shown
}
