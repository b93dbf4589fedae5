import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parseTextArticle } from '../ingest/parse-text-article.js';
import { seedTaxonomy } from '../store/seed-taxonomy.js';
import type { Store } from '../store/store.js';
import { openTestSqliteStore } from '../../test/support/sqlite.js';
import { emptyRawItem } from '../domain/raw-item.js';
import { sourceHash } from './item-identity.js';
import { ingestItems } from './run-ingest.js';

describe('ingestItems', () => {
  let store: Store;
  let drop: () => Promise<void>;
  before(async () => {
    ({ store, drop } = await openTestSqliteStore());
    await seedTaxonomy(store);
  });
  after(() => drop());

  const item = (guid: string, text: string) => ({ ...emptyRawItem(`Headline ${guid}`), guid, text });

  it('says what became of each item, in input order', async () => {
    const provider = await store.providers.create({ slug: 'outcomes', name: 'Outcomes' });
    await ingestItems(store, provider, [item('a', 'The first story has a body of its own.')]);
    const summary = await ingestItems(store, provider, [
      item('a', 'The first story has a body of its own.'),
      { ...emptyRawItem('   '), guid: 'no-headline', text: 'A body without a headline.' },
      item('b', 'The second story is new to the store.'),
      item('a', 'The first story, corrected by its provider.'),
    ]);
    assert.deepEqual(
      summary.items.map((o) => o.outcome),
      ['unchanged', 'rejected', 'created', 'updated'],
    );
    const [first, , , last] = summary.items;
    assert.ok(first?.outcome === 'unchanged' && last?.outcome === 'updated' && first.articleId === last.articleId);
    assert.equal(summary.rejected[0]?.reason, 'The item has no headline.');
  });

  it('recognises an identical copy by its bytes, and remembers new bytes that change nothing a reader sees', async () => {
    const provider = await store.providers.create({ slug: 'repeats', name: 'Repeats' });
    const original = { ...item('r', ''), text: null, html: '<p>A story told in one paragraph, long enough to count.</p>' };
    await ingestItems(store, provider, [original]);
    const stored = await store.articles.findByGuid(provider.id, 'r');
    assert.equal(stored?.sourceHash, sourceHash(original));

    const same = await ingestItems(store, provider, [{ ...original }]);
    assert.deepEqual(same.items, [{ outcome: 'unchanged', articleId: stored!.id }]);

    // Other markup, same story: unchanged for readers, but the new bytes are remembered.
    const reformatted = { ...original, html: `\n  ${original.html}\n` };
    const again = await ingestItems(store, provider, [reformatted]);
    assert.equal(again.items[0]?.outcome, 'unchanged');
    assert.equal((await store.articles.findByGuid(provider.id, 'r'))?.sourceHash, sourceHash(reformatted));

    const corrected = await ingestItems(store, provider, [{ ...original, html: '<p>A story told in one paragraph, now corrected.</p>' }]);
    assert.equal(corrected.items[0]?.outcome, 'updated');
  });

  it('keeps the first-seen time of an undated item when it comes again', async () => {
    const provider = await store.providers.create({ slug: 'undated', name: 'Undated' });
    const undated = item('u', 'A story whose feed gives it no date at all.');
    const first = await ingestItems(store, provider, [undated], { now: () => new Date('2026-03-01T08:00:00Z') });
    const again = await ingestItems(store, provider, [undated], { now: () => new Date('2026-03-01T09:00:00Z') });
    assert.equal(first.created, 1);
    assert.equal(again.unchanged, 1, 'seen again, not updated');
    const stored = await store.articles.findByGuid(provider.id, 'u');
    assert.equal(stored?.publishedAt.toISOString(), '2026-03-01T08:00:00.000Z');
  });

  it('adopts a disclaimer found in a body as the provider’s, and keeps it out of the body', async () => {
    const provider = await store.providers.create({ slug: 'menafn-test', name: 'MENAFN' });
    const page = parseTextArticle(readFileSync(new URL('../../demo/menafn-nato-article.txt', import.meta.url), 'utf8'));
    const summary = await ingestItems(store, provider, [{ ...page, guid: 'nato' }]);
    assert.equal(summary.created, 1);
    const updated = await store.providers.findById(provider.id);
    assert.match(updated!.disclaimer, /^MENAFN provides the information “as is” without warranty/);
    const article = await store.articles.findByGuid(provider.id, 'nato');
    assert.doesNotMatch(article!.bodyText, /Legal Disclaimer|without warranty|Most popular/);
  });
});
