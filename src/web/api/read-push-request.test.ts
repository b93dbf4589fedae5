import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPushRequest } from './read-push-request.js';

const gazette = { guid: 'g-1', headline: 'Headline', body_text: 'Body.' };
const ninjs = { uri: 'urn:x:1', headlines: [{ value: 'Headline' }], bodies: [{ value: 'Body.' }] };
const read = (body: unknown, format?: 'ninjs') => readPushRequest(body, { maxItems: 3, format });

describe('readPushRequest', () => {
  it('reads one article, an envelope and a bare array', () => {
    for (const body of [gazette, { articles: [gazette, ninjs] }, [gazette]]) assert.equal(read(body).kind, 'read');
  });

  it('tells ninjs from Gazette’s format by the uri, unless told', () => {
    const both = read({ articles: [gazette, ninjs] });
    assert.deepEqual(both.kind === 'read' && both.items.map((i) => i.format), ['gazette', 'ninjs']);
    // Told it is ninjs, an item with neither ninjs's uri nor the guid Superdesk sends in its
    // place has no identifier.
    const forced = read({ headline: 'Headline', body_text: 'Body.' }, 'ninjs');
    assert.equal(forced.kind === 'invalid' && forced.details[0]?.field, 'uri');
    // Told by a field that a uri-carrying object is Gazette's format: uri is not one of its fields.
    const told = read({ format: 'gazette', articles: [{ ...gazette, uri: 'urn:x' }] });
    assert.deepEqual(told.kind === 'invalid' && told.details, [{ index: 0, field: 'uri', message: "is not a field of Gazette's article format (see README, Push API)" }]);
  });

  it('collects the provider names it sees, on the envelope and on items', () => {
    const r = read({ provider: 'a', articles: [{ ...gazette, provider: 'b' }] });
    assert.deepEqual(r.kind !== 'too-many' && r.namedProviders, [{ index: null, slug: 'a' }, { index: 0, slug: 'b' }]);
  });

  it('refuses what is not an article list, an empty batch and too many articles', () => {
    assert.equal(read('text').kind, 'invalid');
    assert.equal(read(null).kind, 'invalid');
    assert.equal(read({ articles: 'x' }).kind, 'invalid');
    assert.equal(read({ articles: [] }).kind, 'invalid');
    assert.equal(read([gazette, gazette, gazette, gazette]).kind, 'too-many');
  });

  it('names every bad item by index', () => {
    const r = read({ articles: [gazette, { headline: 'x' }, ninjs, { uri: 'urn:y' }] });
    assert.equal(r.kind, 'too-many');
    const r2 = read({ articles: [{ headline: 'x' }, gazette, { uri: 'urn:y' }] });
    assert.equal(r2.kind, 'invalid');
    assert.deepEqual([...new Set(r2.kind === 'invalid' ? r2.details.map((d) => d.index) : [])], [0, 2]);
    assert.match(r2.kind === 'invalid' ? r2.message : '', /2 of 3/);
  });
});
