/**
 * Gazette's one HTTP client for URLs that come from outside (feeds, article pages, WebSub
 * hubs): bounded in time, size and redirects, guarded against SSRF at every hop, with
 * conditional GET. Failures come back as data with a reason in plain words, never as throws.
 */
import { STATUS_CODES } from 'node:http';
import { isIP } from 'node:net';
import { Agent, request, type Dispatcher } from 'undici';
import { ContentDecodingError, decodeContent, formatBytes } from './decode-content.js';
import {
  AddressRefusedError,
  guardedLookup,
  publicAddressesOnly,
  systemResolve,
  type AddressPolicy,
  type ResolveHost,
} from './ssrf-guard.js';

/** The User-Agent Gazette sends, so publishers can tell who is fetching. */
export const GAZETTE_USER_AGENT = 'Gazette/0.1 (news syndication; feed fetcher)';

/** Limits and conditions of one fetch. */
export interface FetchOptions {
  /** Allow loopback, private and link-local addresses (a feed explicitly marked so). */
  allowPrivate?: boolean;
  /** Stored validators for a conditional GET (RFC 9110 §13.1). */
  etag?: string | null;
  lastModified?: string | null;
  /** Largest body accepted, before and after decompression. Default 10 MB. */
  maxBytes?: number;
  /** Time for the whole exchange, redirects and body included. Default 30 s. */
  timeoutMs?: number;
  /** Redirects followed at most. Default 5. */
  maxRedirects?: number;
  accept?: string;
  userAgent?: string;
  /** POST sends `body` once and follows no redirect (WebSub subscription requests). */
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  /** The DNS resolver (tests map names to local addresses). */
  resolve?: ResolveHost;
  /** Which addresses are refused when private ones are not allowed. */
  addressPolicy?: AddressPolicy;
  /**
   * Requests in flight to one origin (scheme, host, port) at most; more wait their turn, so
   * a feed of teasers on one site cannot open a hundred connections to it. Default 4.
   */
  maxPerHost?: number;
  signal?: AbortSignal;
}

/** What a response says about how long it stays fresh (RFC 9111 §4.2). */
export interface CachingHeaders {
  cacheControl: string | null;
  expires: string | null;
  date: string | null;
  age: string | null;
}

/** A fetch that reached a server and got a usable answer. */
export interface FetchSuccess {
  /** "not-modified": a 304 to a conditional GET; the body is empty. */
  kind: 'ok' | 'not-modified';
  status: number;
  body: Uint8Array;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** The URL after redirects. */
  finalUrl: string;
  /** True when a 301 or 308 moved the resource for good (RFC 9110 §15.4.2). */
  movedPermanently: boolean;
  retryAfter: string | null;
  caching: CachingHeaders;
}

/** A fetch that did not get a usable answer; `reason` is meant for people. */
export interface FetchFailure {
  kind: 'failed';
  reason: string;
  status?: number;
  retryAfter?: string | null;
  /** True when the SSRF guard refused the address. */
  refused?: boolean;
}

export type FetchResult = FetchSuccess | FetchFailure;

const defaults = { maxBytes: 10 * 1024 * 1024, timeoutMs: 30_000, maxRedirects: 5, maxPerHost: 4 };
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/**
 * Connection pools, one per (resolver, policy, per-host cap): the policy is enforced where
 * sockets connect, and the cap is undici's per-origin connection limit (no pipelining, so one
 * request per connection; the rest queue in the pool).
 */
const agents = new Map<ResolveHost, Map<AddressPolicy | 'open', Map<number, Agent>>>();

function agentFor(resolve: ResolveHost, policy: AddressPolicy | null, maxPerHost: number): Agent {
  let byPolicy = agents.get(resolve);
  if (!byPolicy) agents.set(resolve, (byPolicy = new Map()));
  const key = policy ?? 'open';
  let byCap = byPolicy.get(key);
  if (!byCap) byPolicy.set(key, (byCap = new Map()));
  let agent = byCap.get(maxPerHost);
  if (!agent) {
    agent = new Agent({
      connect: { lookup: guardedLookup(policy, resolve) as never, timeout: 10_000 },
      keepAliveTimeout: 4_000,
      connections: maxPerHost,
      pipelining: 1,
    });
    byCap.set(maxPerHost, agent);
  }
  return agent;
}

/** Closes every pooled connection (at shutdown, and after tests with their own resolver). */
export async function closeFetchAgents(): Promise<void> {
  const all = [...agents.values()].flatMap((m) => [...m.values()].flatMap((c) => [...c.values()]));
  agents.clear();
  await Promise.all(all.map((a) => a.close().catch(() => {})));
}

/**
 * Fetches a URL with Gazette's limits. Redirects are followed by hand so each hop is checked
 * again (scheme, address) and counted; the body is read up to `maxBytes` and decoded.
 */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const maxBytes = options.maxBytes ?? defaults.maxBytes;
  const timeoutMs = options.timeoutMs ?? defaults.timeoutMs;
  const maxRedirects = options.method === 'POST' ? 0 : (options.maxRedirects ?? defaults.maxRedirects);
  const policy = options.allowPrivate ? null : (options.addressPolicy ?? publicAddressesOnly);
  const maxPerHost = Math.max(1, Math.floor(options.maxPerHost ?? defaults.maxPerHost));
  const dispatcher = agentFor(options.resolve ?? systemResolve, policy, maxPerHost);

  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new TimeoutError()), timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout.signal, options.signal]) : timeout.signal;
  let current = url;
  try {
    let movedPermanently = true;
    for (let hop = 0; ; hop++) {
      const target = parseHttpUrl(current);
      if (typeof target === 'string') return { kind: 'failed', reason: target };
      const literal = target.hostname.replace(/^\[|\]$/g, '');
      // Numeric hosts never reach the resolver, so they are checked here. The WHATWG URL
      // parser has already turned decimal, octal and hex forms (http://2130706433/) into dotted quads.
      if (policy && isIP(literal)) {
        const why = policy(literal);
        if (why) return refused(target.hostname, why);
      }
      const response = await send(target, options, dispatcher, signal, hop === 0);
      const location = response.headers['location'];
      if (redirectStatuses.has(response.statusCode) && typeof location === 'string') {
        await response.body.dump().catch(() => {});
        if (hop >= maxRedirects) {
          return { kind: 'failed', reason: `too many redirects (more than ${maxRedirects})`, status: response.statusCode };
        }
        if (response.statusCode !== 301 && response.statusCode !== 308) movedPermanently = false;
        current = new URL(location, target).href;
        continue;
      }
      return await finish(response, current, hop > 0 && movedPermanently, maxBytes);
    }
  } catch (error) {
    return { kind: 'failed', reason: describeError(error, signal, timeoutMs), ...(isRefusal(error) && { refused: true }) };
  } finally {
    clearTimeout(timer);
  }
}

function parseHttpUrl(value: string): URL | string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a valid URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `only http and https URLs can be fetched, not ${url.protocol}`;
  if (url.username || url.password) return 'URLs with a user name or password are not fetched';
  return url;
}

async function send(target: URL, options: FetchOptions, dispatcher: Dispatcher, signal: AbortSignal, conditional: boolean) {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? GAZETTE_USER_AGENT,
    accept: options.accept ?? '*/*',
    'accept-encoding': 'gzip, deflate, br',
    ...options.headers,
  };
  // Validators belong to the URL they were stored for; a redirect target gets a plain GET.
  if (conditional && options.etag) headers['if-none-match'] = options.etag;
  if (conditional && options.lastModified) headers['if-modified-since'] = options.lastModified;
  return request(target, {
    method: options.method ?? 'GET',
    headers,
    body: options.body,
    dispatcher,
    signal,
    maxRedirections: 0,
  });
}

async function finish(response: Dispatcher.ResponseData, finalUrl: string, movedPermanently: boolean, maxBytes: number): Promise<FetchResult> {
  const h = response.headers;
  const header = (name: string): string | null => {
    const v = h[name];
    return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
  };
  const status = response.statusCode;
  const retryAfter = header('retry-after');
  if (status === 304) {
    await response.body.dump().catch(() => {});
    return success('not-modified', new Uint8Array(0));
  }
  if (status < 200 || status > 299) {
    await response.body.dump().catch(() => {});
    return { kind: 'failed', reason: `the server answered ${status} ${STATUS_CODES[status] ?? ''}`.trim(), status, retryAfter };
  }
  const declared = Number(header('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    drop(response.body);
    return { kind: 'failed', reason: `the response is larger than the ${formatBytes(maxBytes)} limit`, status };
  }
  const raw = await readLimited(response.body, maxBytes);
  if (raw === null) return { kind: 'failed', reason: `the response is larger than the ${formatBytes(maxBytes)} limit`, status };
  try {
    return success('ok', await decodeContent(raw, header('content-encoding'), maxBytes));
  } catch (error) {
    if (error instanceof ContentDecodingError) return { kind: 'failed', reason: error.message, status };
    throw error;
  }

  function success(kind: 'ok' | 'not-modified', body: Uint8Array): FetchSuccess {
    return {
      kind,
      status,
      body,
      contentType: header('content-type'),
      etag: header('etag'),
      lastModified: header('last-modified'),
      finalUrl,
      movedPermanently,
      retryAfter,
      caching: { cacheControl: header('cache-control'), expires: header('expires'), date: header('date'), age: header('age') },
    };
  }
}

/** Reads a body up to `maxBytes`; null (and the connection dropped) past it, so an endless body stops. */
async function readLimited(body: Dispatcher.ResponseData['body'], maxBytes: number): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) break;
      chunks.push(chunk);
    }
  } finally {
    // Leaving the loop early destroys the stream, which drops the connection: nothing more is read.
    if (size > maxBytes) drop(body);
  }
  return size > maxBytes ? null : Buffer.concat(chunks, size);
}

/** Drops a body mid-stream; the abort error undici then emits is expected, not a crash. */
function drop(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => {});
  body.destroy();
}

class TimeoutError extends Error {
  constructor() {
    super('timeout');
    this.name = 'TimeoutError';
  }
}

function refused(hostname: string, why: string): FetchFailure {
  return { kind: 'failed', reason: new AddressRefusedError(hostname, why).message, refused: true };
}

function isRefusal(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) if (e instanceof AddressRefusedError) return true;
  return false;
}

/** Turns what undici and the socket throw into one line a feed owner can act on. */
function describeError(error: unknown, signal: AbortSignal, timeoutMs: number): string {
  if (signal.aborted && signal.reason instanceof TimeoutError) return `no complete response within ${formatSeconds(timeoutMs)}`;
  if (signal.aborted) return 'the fetch was cancelled';
  const chain: Error[] = [];
  for (let e = error; e instanceof Error && chain.length < 5; e = e.cause) chain.push(e);
  const refusal = chain.find((e) => e instanceof AddressRefusedError);
  if (refusal) return refusal.message;
  for (const e of chain) {
    const code = (e as NodeJS.ErrnoException).code;
    const host = (e as { hostname?: string }).hostname;
    switch (code) {
      case 'ENOTFOUND':
      case 'EAI_NONAME':
        return `the host name ${host ?? ''} was not found (DNS)`.replace('  ', ' ');
      case 'EAI_AGAIN':
        return 'the host name could not be resolved right now (DNS timeout)';
      case 'ECONNREFUSED':
        return 'the server refused the connection';
      case 'ECONNRESET':
      case 'UND_ERR_SOCKET':
        return 'the server closed the connection before answering completely';
      case 'ETIMEDOUT':
      case 'UND_ERR_CONNECT_TIMEOUT':
        return 'the server did not accept the connection in time';
      case 'EHOSTUNREACH':
      case 'ENETUNREACH':
        return 'the server cannot be reached from here';
      case 'UND_ERR_HEADERS_OVERFLOW':
        return 'the response headers are too large';
      case 'HPE_INVALID_CONSTANT':
      case 'HPE_INVALID_HEADER_TOKEN':
        return 'the server sent an invalid HTTP response';
    }
    if (code && /CERT|SSL|TLS/.test(code)) return `the server's TLS certificate is not accepted (${code})`;
  }
  return chain[0]?.message ?? String(error);
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
