import { AddressRefusedError, checkHost, publicAddressesOnly, systemResolve, type AddressPolicy, type ResolveHost } from './ssrf-guard.js';

/**
 * Checks a URL Gazette will later send to (a partner's webhook) before it is accepted, with
 * the fetcher's own rules: http or https, no credentials, and — unless private addresses are
 * explicitly allowed — a host whose every address is public. Answers why not, or null.
 * (The fetcher checks again at connect time, so a name re-pointed later is still refused.)
 */
export async function checkTargetUrl(
  value: string,
  options: { allowPrivate?: boolean; resolve?: ResolveHost; addressPolicy?: AddressPolicy } = {},
): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value.slice(0, 200)}" is not a valid URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `only http and https URLs are allowed, not ${url.protocol}`;
  if (url.username || url.password) return 'URLs with a user name or password are not allowed';
  if (value.length > 2000) return 'the URL is longer than 2000 characters';
  if (options.allowPrivate) return null;
  try {
    await checkHost(url.hostname, options.addressPolicy ?? publicAddressesOnly, options.resolve ?? systemResolve);
    return null;
  } catch (error) {
    if (error instanceof AddressRefusedError) return `${error.message.replace(/ \(mark the feed.*\)$/, '')}; private addresses are refused`;
    return `the host ${url.hostname} cannot be resolved`;
  }
}
