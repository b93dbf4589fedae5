import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AddressRefusedError, checkHost, publicAddressesOnly } from './ssrf-guard.js';

describe('publicAddressesOnly', () => {
  const refused = [
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.254', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:10.0.0.1', 'private'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::a00:1', 'translated'],
    ['2002:7f00:1::', 'tunnelling'],
  ] as const;
  for (const [address, kind] of refused) {
    it(`refuses ${address} as ${kind}`, () => {
      const reason = publicAddressesOnly(address);
      assert.ok(reason, `${address} should be refused`);
      assert.match(reason, new RegExp(kind));
    });
  }

  for (const address of ['93.184.215.14', '1.1.1.1', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
    it(`allows the public address ${address}`, () => assert.equal(publicAddressesOnly(address), null));
  }

  it('refuses what is not an address', () => assert.ok(publicAddressesOnly('example.com')));
});

describe('checkHost', () => {
  const resolveTo = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it('refuses a public-looking name that resolves to a loopback address', async () => {
    await assert.rejects(checkHost('news.example.com', publicAddressesOnly, resolveTo('127.0.0.1')), (e: Error) => {
      assert.ok(e instanceof AddressRefusedError);
      assert.match(e.message, /news\.example\.com.*loopback/);
      return true;
    });
  });

  it('refuses a name when any one of its addresses is private', async () => {
    await assert.rejects(checkHost('mixed.example.com', publicAddressesOnly, resolveTo('93.184.215.14', '10.0.0.5')), AddressRefusedError);
  });

  it('passes a name whose addresses are all public and returns them', async () => {
    const addresses = await checkHost('ok.example.com', publicAddressesOnly, resolveTo('93.184.215.14', '2606:4700::1'));
    assert.deepEqual(
      addresses.map((a) => a.address),
      ['93.184.215.14', '2606:4700::1'],
    );
  });

  it('checks an IPv6 literal in brackets without resolving it', async () => {
    let resolved = false;
    const resolve = async () => {
      resolved = true;
      return [];
    };
    await assert.rejects(checkHost('[::1]', publicAddressesOnly, resolve), AddressRefusedError);
    assert.equal(resolved, false);
  });
});
