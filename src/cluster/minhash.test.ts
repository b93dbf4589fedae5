import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { chooseCluster } from './assign-cluster.js';
import { clusterOptions, defaultClusterOptions } from './cluster-options.js';
import { fingerprint } from './fingerprint.js';
import { bandKeys, decodeSignature, encodeSignature, estimateSimilarity, minhashSignature, shingleHashes } from './minhash.js';

const wordArb = fc.stringMatching(/^[a-z]{2,8}$/);
const textArb = fc.array(wordArb, { minLength: 30, maxLength: 120 }).map((w) => w.join(' '));

function jaccard(a: Set<number>, b: Set<number>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

describe('MinHash and LSH', () => {
  it('gives identical texts similarity 1 and the same band keys, whatever the spacing and case', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const a = fingerprint('H', text, defaultClusterOptions);
        const b = fingerprint('H', `  ${text.toUpperCase().replace(/ /g, '\n ')} `, defaultClusterOptions);
        assert.equal(estimateSimilarity(a.signature, b.signature), 1);
        assert.deepEqual(a.bandKeys, b.bandKeys);
      }),
      { numRuns: 50 },
    );
  });

  it('estimates Jaccard similarity within sampling error', () => {
    fc.assert(
      fc.property(textArb, textArb, fc.integer({ min: 0, max: 100 }), (a, b, cut) => {
        // Share a prefix of `a` with `b` so similarities spread over the whole range.
        const aw = a.split(' ');
        const mixed = [...aw.slice(0, Math.floor((aw.length * cut) / 100)), ...b.split(' ')].join(' ');
        const sa = shingleHashes(a, 4);
        const sb = shingleHashes(mixed, 4);
        const estimate = estimateSimilarity(minhashSignature(sa, 256), minhashSignature(sb, 256));
        // 256 hashes: standard error ≤ 0.032; 0.15 is over four of them.
        assert.ok(Math.abs(estimate - jaccard(sa, sb)) < 0.15, `${estimate} vs ${jaccard(sa, sb)}`);
      }),
      { numRuns: 100 },
    );
  });

  it('round-trips signatures through their stored text', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 200 }), (values) => {
        const sig = Uint32Array.from(values);
        assert.deepEqual(decodeSignature(encodeSignature(sig)), sig);
      }),
    );
  });

  it('makes one band key per band, and differing texts share few', () => {
    const a = fingerprint('', 'the central bank raised interest rates by a quarter point on thursday citing stubborn inflation in services and wages across the euro area and warned of more to come', defaultClusterOptions);
    const b = fingerprint('', 'a striker scored twice in the second half as the home side won the cup final in front of a record crowd on saturday evening after extra time and penalties', defaultClusterOptions);
    assert.equal(a.bandKeys.length, defaultClusterOptions.bands);
    assert.equal(new Set(a.bandKeys.map((k) => k.split(':')[0])).size, defaultClusterOptions.bands);
    assert.equal(a.bandKeys.filter((k) => b.bandKeys.includes(k)).length, 0);
  });

  it('leaves short or empty bodies out of the band index', () => {
    assert.deepEqual(fingerprint('Headline', 'Too short to compare.', defaultClusterOptions).bandKeys, []);
    assert.deepEqual(fingerprint('', '', defaultClusterOptions).bandKeys, []);
    assert.equal(shingleHashes('', 4).size, 0);
    assert.equal(shingleHashes('one two', 4).size, 1);
  });

  it('changes band keys when any row of a band changes', () => {
    const sig = Uint32Array.from({ length: 8 }, (_, i) => i * 1000);
    const keys = bandKeys(sig, 2, 4);
    const changed = sig.slice();
    changed[5] = 7;
    const other = bandKeys(changed, 2, 4);
    assert.equal(keys[0], other[0]);
    assert.notEqual(keys[1], other[1]);
  });
});

describe('chooseCluster', () => {
  const sig = Uint32Array.from({ length: 10 }, (_, i) => i);
  const withSame = (same: number) => encodeSignature(Uint32Array.from({ length: 10 }, (_, i) => (i < same ? i : 1000 + i)));

  it('joins the most similar candidate at or above the threshold, else none', () => {
    const candidates = [
      { articleId: 5, clusterId: 5, signature: withSame(6) },
      { articleId: 9, clusterId: 2, signature: withSame(8) },
    ];
    assert.deepEqual(chooseCluster(sig, candidates, { similarity: 0.5 }), { clusterId: 2, similarity: 0.8, links: [{ articleId: 9, similarity: 0.8 }] });
    assert.equal(chooseCluster(sig, candidates, { similarity: 0.9 }), undefined);
    assert.equal(chooseCluster(sig, [], { similarity: 0.1 }), undefined);
  });

  it('links every version of the joined cluster at or above the threshold, and none of another', () => {
    const candidates = [
      { articleId: 4, clusterId: 2, signature: withSame(6) },
      { articleId: 9, clusterId: 2, signature: withSame(8) },
      { articleId: 7, clusterId: 2, signature: withSame(3) },
      { articleId: 5, clusterId: 5, signature: withSame(7) },
    ];
    assert.deepEqual(chooseCluster(sig, candidates, { similarity: 0.5 })?.links, [
      { articleId: 4, similarity: 0.6 },
      { articleId: 9, similarity: 0.8 },
    ]);
  });

  it('breaks ties towards the older cluster', () => {
    const candidates = [
      { articleId: 9, clusterId: 9, signature: withSame(7) },
      { articleId: 3, clusterId: 3, signature: withSame(7) },
    ];
    assert.equal(chooseCluster(sig, candidates, { similarity: 0.5 })?.clusterId, 3);
  });

  it('refuses nonsense options', () => {
    assert.throws(() => clusterOptions({ similarity: 0 }), RangeError);
    assert.throws(() => clusterOptions({ bands: 2.5 }), RangeError);
    assert.equal(clusterOptions({ similarity: undefined }).similarity, defaultClusterOptions.similarity);
  });
});
