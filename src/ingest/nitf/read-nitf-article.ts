import { emptyRawItem, type RawItem } from '../../domain/raw-item.js';
import { prepareXml } from '../prepare-xml.js';
import { nitfToHtml } from './nitf-to-html.js';

/**
 * A standalone NITF file (as `gazette import` finds them) as one item. Its id is the NITF
 * `doc-id`, else `file:<name>` so importing the file again updates the same article. The XML
 * is made safe first (no external entities, no entity bombs), as every XML input is.
 */
export function readNitfArticle(text: string, name: string, options: { maxBytes: number }): { kind: 'item'; item: RawItem } | { kind: 'rejected'; reason: string } {
  const prepared = prepareXml(text, { maxTotalExpansion: options.maxBytes });
  if (prepared.kind === 'rejected') return prepared;
  const nitf = nitfToHtml(prepared.xml);
  if (!nitf.headline) return { kind: 'rejected', reason: 'A NITF article without a headline (hedline/hl1 or head/title).' };
  if (!nitf.html) return { kind: 'rejected', reason: 'A NITF article without body text (body.content).' };
  return {
    kind: 'item',
    item: {
      ...emptyRawItem(nitf.headline),
      guid: nitf.docId ?? `file:${name}`,
      html: nitf.html,
      summary: nitf.summary,
      byline: nitf.byline,
      dateline: nitf.dateline,
      language: nitf.language,
      publishedAt: nitf.issued,
    },
  };
}
