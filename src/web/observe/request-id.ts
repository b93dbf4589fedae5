import { randomUUID } from 'node:crypto';

/**
 * An incoming X-Request-Id is kept when it looks like an id (a proxy or a load balancer
 * made it, and it ties our log lines to theirs): 1–128 letters, digits and `-_.:=+/`. Anything
 * else — too long, spaces, control characters that would forge log lines — gets a new UUID.
 */
export function acceptRequestId(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value !== undefined && /^[A-Za-z0-9._:=+/-]{1,128}$/.test(value) ? value : randomUUID();
}
