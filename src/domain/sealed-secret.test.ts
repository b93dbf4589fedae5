import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sealerFor } from './sealed-secret.js';
import { signSuperdeskBody, superdeskSignatureMatches } from './superdesk-signature.js';

describe('sealed secrets', () => {
  const sealer = sealerFor('a-server-secret-of-at-least-32-characters', 'superdesk-token');

  it('opens what it sealed; the same text seals differently each time', () => {
    const a = sealer.seal('gzs_token');
    assert.equal(sealer.open(a), 'gzs_token');
    assert.notEqual(sealer.seal('gzs_token'), a);
    assert.ok(!a.includes('gzs_token'));
  });

  it('opens nothing sealed under another server secret, or changed by one character', () => {
    const sealed = sealer.seal('gzs_token');
    assert.equal(sealerFor('another-server-secret-of-32-characters!!', 'superdesk-token').open(sealed), null);
    const body = sealed.split('.')[3]!;
    const flipped = sealed.slice(0, -body.length) + (body[0] === 'A' ? 'B' : 'A') + body.slice(1);
    assert.equal(sealer.open(flipped), null);
    for (const junk of ['', 'v1', 'v2.a.b.c', 'not sealed at all']) assert.equal(sealer.open(junk), null);
  });
});

describe('Superdesk signature', () => {
  it('matches the value superdesk-core’s own test expects (token "123456789", body "test payload")', () => {
    assert.equal(signSuperdeskBody('123456789', 'test payload'), 'sha1=8be62a607898504f87559cb52dc23f9ebee65a21');
  });

  it('accepts only the signature of these exact bytes with this token', () => {
    const body = new TextEncoder().encode('{"guid":"a"}');
    const good = signSuperdeskBody('tok', body);
    assert.equal(superdeskSignatureMatches('tok', body, good), true);
    assert.equal(superdeskSignatureMatches('tok', body, good.toUpperCase().replace('SHA1', 'sha1')), true, 'hex case does not matter');
    assert.equal(superdeskSignatureMatches('other', body, good), false);
    assert.equal(superdeskSignatureMatches('tok', new TextEncoder().encode('{"guid":"b"}'), good), false);
    for (const header of [undefined, null, '', 'sha1=', good.replace('sha1=', 'sha256='), good.slice(0, -1)]) assert.equal(superdeskSignatureMatches('tok', body, header), false);
  });
});
