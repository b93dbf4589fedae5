import type { Logger } from 'pino';
import { fetchUrl, type FetchOptions } from '../../ingest/fetch/fetch-url.js';
import type { Store } from '../../store/store.js';

/** What hub pings need. */
export interface HubPingOptions {
  store: Store;
  logger: Logger;
  hubUrl: string;
  publicUrl: string;
  /** Changes are gathered this long, so a burst of stories is one ping per feed. Default 5 s. */
  delayMs?: number;
  fetch?: Pick<FetchOptions, 'timeoutMs' | 'resolve' | 'addressPolicy' | 'allowPrivate'>;
}

const FORMATS = ['rss', 'atom', 'json'] as const;

/** The site-relative feed bases a changed listing scope stands for ("scope:category:world" → /feeds/category/world). */
async function feedBasesOf(store: Store, tag: string): Promise<string[]> {
  const scope = tag.slice('scope:'.length);
  if (scope === 'latest') return ['/feeds/latest'];
  const [kind, value = ''] = [scope.slice(0, scope.indexOf(':')), scope.slice(scope.indexOf(':') + 1)];
  if (kind === 'category' || kind === 'lang') return [`/feeds/${kind}/${encodeURIComponent(value)}`];
  if (kind === 'provider') {
    const provider = await store.providers.findById(Number(value));
    return provider ? [`/feeds/provider/${encodeURIComponent(provider.slug)}`] : [];
  }
  // Entity listings change with nearly every story; their feeds are left to polling.
  return [];
}

/**
 * Tells a WebSub hub which outbound feeds changed (the de facto publish ping: a form POST
 * of `hub.mode=publish` and `hub.url=<topic>`, one per feed), so subscribers get new stories
 * without polling. Listens to the store's committed changes, gathers them for `delayMs`,
 * and pings each changed feed once; a failed ping is logged, never retried (the next change
 * pings again, and subscribers poll as a safety net). Returns a stop function.
 */
export function connectHubPings(options: HubPingOptions): () => Promise<void> {
  const delayMs = options.delayMs ?? 5_000;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const flush = async () => {
    timer = undefined;
    const tags = [...pending];
    pending.clear();
    const bases = new Set((await Promise.all(tags.map((t) => feedBasesOf(options.store, t)))).flat());
    for (const base of bases) {
      for (const format of FORMATS) {
        const topic = `${options.publicUrl}${base}.${format}`;
        const answer = await fetchUrl(options.hubUrl, {
          ...options.fetch,
          method: 'POST',
          body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          maxBytes: 64 * 1024,
        });
        if (answer.kind === 'failed') options.logger.warn({ hub: options.hubUrl, topic, reason: answer.reason }, 'WebSub hub ping failed');
      }
    }
  };

  const unsubscribe = options.store.changes.subscribe((tags) => {
    for (const tag of tags) {
      if (tag.startsWith('scope:')) pending.add(tag);
      // A change to "anything" (a provider renamed) touches every feed; the latest stands for them.
      if (tag === '*') pending.add('scope:latest');
    }
    if (pending.size > 0 && !timer) {
      timer = setTimeout(() => {
        running = running.then(flush).catch((err: unknown) => options.logger.warn({ err }, 'WebSub hub ping failed'));
      }, delayMs);
      timer.unref();
    }
  });

  return async () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
    await running;
  };
}
