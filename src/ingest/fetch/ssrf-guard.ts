/**
 * The SSRF guard: Gazette fetches URLs that providers hand it, so it must never be turned
 * into a tool for reaching the machine it runs on or the network behind it. Every address a
 * connection would go to is checked here — after DNS resolution, at every redirect hop — and
 * the connection is pinned to the address that was checked (see `guardedLookup`), so a DNS
 * answer that changes between the check and the connect (rebinding) cannot slip through.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** A DNS resolver in the shape of `dns.lookup` with `{ all: true }`; tests inject their own. */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

/** Decides whether an address may be connected to; answers why not, or null when it may. */
export type AddressPolicy = (address: string) => string | null;

/** The system resolver: every address the name has, IPv4 and IPv6. */
export const systemResolve: ResolveHost = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/**
 * Ranges (ipaddr.js names) a fetch must not reach: RFC 6890 special-purpose blocks —
 * loopback, RFC 1918 private, RFC 4193 unique-local (fc00::/7), link-local (169.254/16 with
 * the 169.254.169.254 cloud metadata address, fe80::/10), RFC 6598 carrier-grade NAT
 * (100.64/10), unspecified, multicast, broadcast and reserved space.
 */
const blockedRanges: Record<string, string> = {
  unspecified: 'an unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private network address',
  uniqueLocal: 'a private network address',
  reserved: 'a reserved address',
  // 6to4, Teredo and the like can tunnel to any IPv4 address, private ones included.
  '6to4': 'a tunnelling address',
  teredo: 'a tunnelling address',
  rfc6052: 'a translated IPv4 address',
  rfc6145: 'a translated IPv4 address',
  discard: 'a discard-only address',
  deprecatedSiteLocal: 'a private network address',
};

/**
 * The default policy: public unicast addresses only. IPv4-mapped IPv6 (::ffff:127.0.0.1)
 * is judged as the IPv4 address it carries.
 */
export const publicAddressesOnly: AddressPolicy = (address) => {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible form (::a.b.c.d,
    // RFC 4291 §2.5.5.1) both reach the IPv4 address they carry.
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
    else if (v6.parts.slice(0, 6).every((p) => p === 0) && (v6.parts[6] !== 0 || v6.parts[7]! > 1)) {
      parsed = ipaddr.fromByteArray(v6.toByteArray().slice(12));
    }
  }
  const reason = blockedRanges[parsed.range()];
  return reason ? `${address} is ${reason}` : null;
};

/** Thrown (inside the connector) when the guard refuses an address; fetchUrl turns it into data. */
export class AddressRefusedError extends Error {
  constructor(
    readonly hostname: string,
    reason: string,
  ) {
    super(`refused to connect to ${hostname}: ${reason} (mark the feed as allowing private addresses to permit this)`);
    this.name = 'AddressRefusedError';
  }
}

/**
 * Resolves `hostname` and checks every address it has; refuses when any is blocked, since
 * the connection could go to any of them. A numeric host is checked as it is.
 */
export async function checkHost(hostname: string, policy: AddressPolicy, resolve: ResolveHost): Promise<LookupAddress[]> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  const addresses = family ? [{ address: bare, family }] : await resolve(bare);
  if (addresses.length === 0) throw new Error(`${hostname} has no address`);
  for (const { address } of addresses) {
    const reason = policy(address);
    if (reason) throw new AddressRefusedError(hostname, reason);
  }
  return addresses;
}

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net.connect / undici's `connect` option: resolves, checks with the policy,
 * and hands the socket exactly the checked addresses. Node calls it with `{ all: true }`
 * when it races IPv4 and IPv6 (autoSelectFamily), and without for a single address.
 */
export function guardedLookup(policy: AddressPolicy | null, resolve: ResolveHost) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void => {
    const check: AddressPolicy = policy ?? (() => null);
    checkHost(hostname, check, resolve).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        const usable = wanted.length > 0 ? wanted : addresses;
        if (options.all) callback(null, usable);
        else callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: Error) => callback(error, options.all ? [] : '', 0),
    );
  };
}
