import type { Command } from 'commander';
import { GazetteError } from '../domain/errors.js';
import type { PollOutcome } from '../jobs/poll-feed.js';
import { withStore } from '../command-context.js';
import type { Feed } from '../domain/feed.js';
import { terminalSafe } from './terminal-safe.js';
import type { CliIo } from './cli-io.js';

/** `gazette feed add|list|poll|remove`: the feeds Gazette pulls for providers. */
export function registerFeed(program: Command, io: CliIo): void {
  const feed = program.command('feed').description('register, inspect and poll the feeds Gazette pulls');

  feed
    .command('add')
    .description('register a feed for a provider')
    .argument('<provider>', 'the provider slug')
    .argument('<url>', 'the feed URL (http or https)')
    .option('--interval <duration>', 'how often to poll: 90s, 15m, 2h, 1d', '15m')
    .option('--allow-private', 'allow loopback/private/link-local addresses (off: the SSRF guard refuses them)', false)
    .option('--full-text', 'the feed carries teasers: fetch each new item’s page and extract the article', false)
    .action(async (slug: string, url: string, options: { interval: string; allowPrivate: boolean; fullText: boolean }) => {
      const seconds = parseDuration(options.interval);
      if (seconds === null || seconds < 60) throw new GazetteError('BAD_REQUEST', `--interval must be a duration of at least 1m, like 15m or 2h; got "${options.interval}".`);
      if (!/^https?:\/\/[^\s]+$/i.test(url) || !URL.canParse(url)) throw new GazetteError('BAD_REQUEST', `"${url}" is not an http or https URL.`);
      await withStore(async (store) => {
        const provider = await store.providers.findBySlug(slug);
        if (!provider) throw new GazetteError('NOT_FOUND', `No provider with slug "${slug}".`);
        const created = await store.feeds.create({ providerId: provider.id, url, pollIntervalSeconds: seconds, allowPrivate: options.allowPrivate, fullText: options.fullText });
        io.out(`feed ${created.id} added for ${provider.slug}: ${created.url}, every ${formatDuration(seconds)}${created.allowPrivate ? ', private addresses allowed' : ''}${created.fullText ? ', full text fetched' : ''}`);
      }, io.env);
    });

  feed
    .command('list')
    .description('list feeds with their health')
    .option('--provider <slug>', 'only this provider’s feeds')
    .action(async (options: { provider?: string }) => {
      await withStore(async (store) => {
        const providers = new Map((await store.providers.list()).map((p) => [p.id, p.slug]));
        let providerId: number | undefined;
        if (options.provider) {
          providerId = (await store.providers.findBySlug(options.provider))?.id;
          if (providerId === undefined) throw new GazetteError('NOT_FOUND', `No provider with slug "${options.provider}".`);
        }
        const feeds = await store.feeds.list(providerId);
        if (feeds.length === 0) io.out('no feeds');
        for (const f of feeds) io.out(describeFeed(f, providers.get(f.providerId) ?? `#${f.providerId}`, new Date()));
      }, io.env);
    });

  feed
    .command('poll')
    .description('poll one feed, or every feed, now and print what happened')
    .argument('[id]', 'the feed id; all feeds when omitted')
    .action(async (id: string | undefined) => {
      if (id !== undefined && !/^\d+$/.test(id)) throw new GazetteError('BAD_REQUEST', `The feed id must be a number; got "${id}".`);
      let failed = 0;
      // The poller and its HTTP client load here, not with every command (the CLI registers all of them).
      const [{ createScheduler }, { closeFetchAgents }] = await Promise.all([import('../jobs/scheduler.js'), import('../ingest/fetch/fetch-url.js')]);
      await withStore(async (store, config) => {
        const scheduler = createScheduler({ store, publicUrl: config.publicUrl });
        const ids = id !== undefined ? [Number(id)] : (await store.feeds.list()).map((f) => f.id);
        if (ids.length === 0) io.out('no feeds');
        for (const feedId of ids) {
          const outcome = await scheduler.pollNow(feedId);
          if (outcome === 'not-found') throw new GazetteError('NOT_FOUND', `No feed with id ${feedId}.`);
          if (outcome === 'busy') io.out(`feed ${feedId}: being polled by another node right now`);
          else {
            if (outcome.result === 'failed') failed++;
            io.out(describeOutcome(outcome));
          }
        }
      }, io.env);
      await closeFetchAgents();
      if (failed > 0) io.exitCode = 1;
    });

  feed
    .command('remove')
    .description('stop pulling a feed (its articles stay)')
    .argument('<id>', 'the feed id')
    .action(async (id: string) => {
      await withStore(async (store) => {
        const existing = /^\d+$/.test(id) ? await store.feeds.findById(Number(id)) : undefined;
        if (!existing) throw new GazetteError('NOT_FOUND', `No feed with id ${id}.`);
        await store.feeds.remove(existing.id);
        io.out(`feed ${existing.id} removed: ${existing.url}`);
      }, io.env);
    });
}

/** "90s", "15m", "2h", "1d" or plain seconds → seconds; null when unreadable. */
export function parseDuration(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$/i.exec(text);
  if (!m) return null;
  const factor = { s: 1, m: 60, h: 3600, d: 86_400 }[(m[2] ?? 's').toLowerCase() as 's' | 'm' | 'h' | 'd'];
  return Math.round(Number(m[1]) * factor);
}

/** Seconds as the shortest readable duration: 900 → "15m". */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s % 86_400 === 0) return `${s / 86_400}d`;
  if (s % 3600 === 0) return `${s / 3600}h`;
  if (s % 60 === 0) return `${s / 60}m`;
  if (s > 3600) return `${(s / 3600).toFixed(1)}h`;
  return `${s}s`;
}

/** One feed's line(s) for `feed list`: schedule, last poll, health, quiet and WebSub state. */
export function describeFeed(f: Feed, providerSlug: string, now: Date): string {
  const state = f.lastError ? `FAILING (${f.consecutiveFailures}× in a row)` : f.lastSuccessAt ? 'ok' : 'not polled yet';
  const lines = [
    `${f.id}  ${providerSlug}  ${terminalSafe(f.url)}${f.title ? `  "${terminalSafe(f.title)}"` : ''}`,
    `    every ${formatDuration(f.pollIntervalSeconds)}${f.allowPrivate ? ', private addresses allowed' : ''}; next poll ${relative(f.nextPollAt, now)}`,
    `    ${state}; last fetch ${f.lastFetchAt ? relative(f.lastFetchAt, now) : 'never'}${f.lastStatus ? ` (HTTP ${f.lastStatus})` : ''}; last success ${f.lastSuccessAt ? relative(f.lastSuccessAt, now) : 'never'}`,
    `    last poll: ${f.itemsSeen} items seen, ${f.itemsNew} new, ${f.itemsUpdated} updated`,
  ];
  if (f.lastError) lines.push(`    last error: ${terminalSafe(f.lastError)}`);
  if (f.quietSince) {
    const usual = f.typicalIntervalSeconds ? `; usually a new item every ${formatDuration(f.typicalIntervalSeconds)}` : '';
    lines.push(`    QUIET: no new item since ${f.lastNewItemAt ? relative(f.lastNewItemAt, now) : 'ever'}${usual}`);
  }
  if (f.websubHub) {
    lines.push(`    WebSub: ${f.websubLeaseUntil && f.websubLeaseUntil > now ? `subscribed until ${f.websubLeaseUntil.toISOString()}` : 'subscription pending'} at ${terminalSafe(f.websubHub)}`);
  }
  return lines.join('\n');
}

/** One poll's report for `feed poll`; values from the feed are escaped for the terminal. */
export function describeOutcome(o: PollOutcome): string {
  const head = `feed ${o.feedId} ${terminalSafe(o.url)}: `;
  const next = `; next poll ${o.nextPollAt.toISOString()}`;
  if (o.result === 'failed') return `${head}FAILED${o.httpStatus ? ` (HTTP ${o.httpStatus})` : ''}: ${terminalSafe(o.error ?? '')}${next}`;
  if (o.result === 'not-modified') return `${head}not modified (${o.httpStatus === 304 ? 'HTTP 304' : 'the same bytes as the last poll'})${next}`;
  if (o.result === 'cancelled') return `${head}cancelled`;
  const s = o.summary!;
  const rejected = s.rejected.map((r) => `\n    rejected ${terminalSafe(r.item)}: ${terminalSafe(r.reason)}`).join('');
  const flagged = s.flagged.map((f) => `\n    flagged ${terminalSafe(f.item)}: ${terminalSafe(f.notes.join(' '))}`).join('');
  return `${head}read ${s.read}, new ${s.created}, updated ${s.updated}, unchanged ${s.unchanged}, rejected ${s.rejected.length}${next}${o.websub ? `\n    WebSub: ${terminalSafe(o.websub)}` : ''}${rejected}${flagged}`;
}

function relative(at: Date, now: Date): string {
  const seconds = Math.round((at.getTime() - now.getTime()) / 1000);
  const span = formatDuration(Math.abs(seconds) < 60 ? Math.abs(seconds) : Math.round(Math.abs(seconds) / 60) * 60);
  return seconds >= 0 ? `in ${span}` : `${span} ago`;
}
