import type { RawItem } from '../domain/raw-item.js';
import type { Store } from '../store/store.js';
import { itemKey } from './item-identity.js';

/** What a kill notice did: a stored story taken down, or nothing (no such story). */
export type RetractOutcome =
  | { outcome: 'taken_down'; articleId: number; reason: string }
  | { outcome: 'not_stored'; reason: string };

/** Whether an item is a kill notice: ninjs/NewsML `pubStatus` canceled or withheld. */
export function isWithdrawal(item: RawItem): boolean {
  return item.pubStatus === 'canceled' || item.pubStatus === 'withheld';
}

/**
 * Acts on a kill notice: the provider's stored story with the same guid (ninjs uri, NewsML
 * guid) is taken down, as an editor's takedown would; for a guid never stored, nothing is
 * stored either, and the outcome says so. The notice's own text is never published.
 */
export async function retractItem(store: Store, providerId: number, item: RawItem): Promise<RetractOutcome> {
  const status = item.pubStatus ?? 'canceled';
  const key = itemKey(item);
  if (!key) return { outcome: 'not_stored', reason: `A ${status} notice without a uri names no story; nothing was stored.` };
  const stored = (await store.articles.findStamps(providerId, [key])).get(key);
  if (!stored) return { outcome: 'not_stored', reason: `No stored story has the uri "${key}"; the ${status} notice was not stored.` };
  // A takedown like an editor's: kept with its reason in the takedown record and the audit log, restorable.
  await store.articles.takeDown(stored.id, { reason: `The provider sent a ${status} notice.`, actor: { id: null, label: 'provider (kill notice)' } });
  return { outcome: 'taken_down', articleId: stored.id, reason: `The provider marked the story ${status}; it was taken down.` };
}
