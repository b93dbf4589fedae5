import type { RawItem } from '../domain/raw-item.js';
import { plainTextField } from './html-to-text.js';

/**
 * An item with its headline, byline, summary and dateline reduced to plain text, whatever
 * format it came in: feeds put escaped HTML in titles, and a title is never rendered as markup.
 * Every ingest path passes its items through here before they reach the pipeline.
 */
export function plainTextItem(item: RawItem): RawItem {
  return {
    ...item,
    headline: plainTextField(item.headline) ?? '',
    byline: plainTextField(item.byline),
    summary: plainTextField(item.summary),
    dateline: plainTextField(item.dateline),
  };
}
