import type { Context, MiddlewareHandler } from 'hono';

/** How a rate limit counts: who a request is from, and how many requests a minute each may send. */
export interface RateLimitOptions<C extends Context = Context> {
  /** Requests per minute per key; 0 turns the limit off. Short bursts up to this many pass at once. */
  perMinute: number;
  /** The key a request is counted under (an API key id, a client IP). */
  key: (c: C) => string;
  /** The 429 answer; `retryAfter` is in whole seconds and also sent as the Retry-After header. */
  refuse: (c: C, retryAfter: number) => Response | Promise<Response>;
  /** The clock, for tests. */
  now?: () => number;
  /** Keys remembered at most; the least recently seen are forgotten first (a forgotten key starts with a full bucket). */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token-bucket rate limit per key, in memory (per process: behind a load balancer each
 * node counts on its own). A bucket holds `perMinute` tokens and refills continuously; a
 * request takes one, and with none left the answer is 429 with Retry-After (RFC 6585 §4).
 */
export function rateLimit<C extends Context>(options: RateLimitOptions<C>): MiddlewareHandler {
  const { perMinute } = options;
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 100_000;
  const buckets = new Map<string, Bucket>();
  const refillPerMs = perMinute / 60_000;

  return (async (c: C, next: () => Promise<void>) => {
    if (perMinute <= 0) return next();
    const t = now();
    const key = options.key(c);
    const bucket = buckets.get(key) ?? { tokens: perMinute, at: t };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.at) * refillPerMs);
    bucket.at = t;
    if (bucket.tokens < 1) {
      buckets.set(key, bucket);
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
      c.header('Retry-After', String(retryAfter));
      return options.refuse(c, retryAfter);
    }
    bucket.tokens -= 1;
    // Re-inserting keeps the map in least-recently-used order for the sweep below.
    buckets.delete(key);
    buckets.set(key, bucket);
    if (buckets.size > maxKeys) {
      for (const oldest of buckets.keys()) {
        buckets.delete(oldest);
        if (buckets.size <= maxKeys) break;
      }
    }
    return next();
  }) as unknown as MiddlewareHandler;
}

/**
 * The client's address as the socket saw it. Forwarded headers are not trusted: anyone can
 * send them, and a limit keyed on them could be dodged by changing one header per request.
 */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
