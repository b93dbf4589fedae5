import type { Command } from 'commander';
import { GazetteError } from '../domain/errors.js';
import type { Webhook, WebhookDelivery } from '../domain/webhook.js';
import { registerWebhook } from '../jobs/webhooks/register-webhook.js';
import { DEFAULT_ROTATION_OVERLAP_HOURS, MAX_ROTATION_OVERLAP_HOURS, rotateWebhookSecret } from '../jobs/webhooks/rotate-webhook-secret.js';
import { serverSecret, withStore } from '../command-context.js';
import { webhookSecretBox } from '../domain/webhook-secret-box.js';
import type { Store } from '../store/store.js';
import type { CliIo } from './cli-io.js';
import { terminalSafe } from './terminal-safe.js';

/** One line per endpoint, as `gazette partner webhook list` prints it. */
export function webhookLine(h: Webhook): string {
  const filter = Object.entries(h.filter).map(([k, v]) => `${k}=${v}`).join(',') || 'everything';
  const state = h.disabledAt ? `DISABLED ${h.disabledAt.toISOString()}: ${h.disabledReason ?? ''}` : 'active';
  const overlap = h.previousSecretUntil && h.previousSecretUntil > new Date() ? `  old secret also signs until ${h.previousSecretUntil.toISOString()}` : '';
  return terminalSafe(`${h.id}  ${h.url}  ${filter}${h.allowPrivate ? '  private-allowed' : ''}  ${state}${overlap}`);
}

/** One line per delivery, as `gazette partner webhook deliveries` prints it. */
export function deliveryLine(d: WebhookDelivery): string {
  const last = d.lastStatus !== null ? ` last ${d.lastStatus}` : '';
  const error = d.lastError ? ` (${d.lastError})` : '';
  const when = d.status === 'pending' ? ` next ${d.nextAttemptAt.toISOString()}` : ` ${d.finishedAt?.toISOString() ?? ''}`;
  return terminalSafe(`${d.id}  ${d.createdAt.toISOString()}  ${d.eventType}  article ${d.articleId}  ${d.status}  ${d.attempts} attempt(s)${last}${error}${when}`);
}

async function partnerKeyIdOf(store: Store, keyId: string): Promise<number> {
  const key = await store.partnerKeys.findByKeyId(keyId);
  if (!key) throw new GazetteError('NOT_FOUND', `There is no partner key "${keyId}" (see \`gazette partner list\`).`);
  if (key.revokedAt) throw new GazetteError('VALIDATION_FAILED', `The partner key ${keyId} is revoked.`);
  return key.id;
}

const webhookId = (value: string) => {
  if (!/^\d{1,9}$/.test(value)) throw new GazetteError('VALIDATION_FAILED', `<id>: a webhook id as \`gazette partner webhook list\` shows it, not "${terminalSafe(value)}".`);
  return Number(value);
};

/** `gazette partner webhook add|list|rotate|remove|enable|disable|deliveries`. */
export function registerPartnerWebhook(partner: Command, io: CliIo): void {
  const webhook = partner.command('webhook').description('partners’ webhooks: Gazette POSTs matching article events to their URL');

  webhook
    .command('add')
    .description('register a URL for a partner key; prints the signing secret once')
    .argument('<key-id>', 'the partner key id (`gazette partner list`)')
    .argument('<url>', 'where to POST events (http or https)')
    .option('--category <slug>', 'only articles in this category')
    .option('--provider <slug>', 'only this provider’s articles')
    .option('--entity <slug>', 'only articles that mention this entity')
    .option('--language <tag>', 'only articles in this language')
    .option('--allow-private', 'allow a loopback or private address (a receiver inside your own network)')
    .action(async (keyId: string, url: string, options: { category?: string; provider?: string; entity?: string; language?: string; allowPrivate?: boolean }) => {
      await withStore(async (store, config) => {
        const { allowPrivate, ...filter } = options;
        const secrets = webhookSecretBox(await serverSecret(config));
        const { webhook: made, secret } = await registerWebhook(store, secrets, { partnerKeyId: await partnerKeyIdOf(store, keyId), url, filter, allowPrivate });
        io.out(`Webhook ${made.id}: ${webhookLine(made)}`);
        io.out(`Signing secret (shown once): ${secret}`);
      }, io.env);
    });

  webhook
    .command('list')
    .description('list webhooks, of one partner key or all')
    .argument('[key-id]', 'the partner key id')
    .action(async (keyId: string | undefined) => {
      await withStore(async (store) => {
        const hooks = await store.webhooks.list(keyId === undefined ? undefined : await partnerKeyIdOf(store, keyId));
        if (hooks.length === 0) io.out('No webhooks yet. Add one with `gazette partner webhook add <key-id> <url>`.');
        for (const h of hooks) io.out(webhookLine(h));
      }, io.env);
    });

  webhook
    .command('rotate')
    .description('give a webhook a new signing secret, printed once; the old one also signs during the overlap')
    .argument('<id>')
    .option('--overlap <hours>', `hours the old secret keeps signing too (0 to ${MAX_ROTATION_OVERLAP_HOURS}; 0 after a leak)`, String(DEFAULT_ROTATION_OVERLAP_HOURS))
    .action(async (id: string, options: { overlap: string }) => {
      const hours = /^\d{1,4}$/.test(options.overlap) ? Number(options.overlap) : Number.NaN;
      await withStore(async (store, config) => {
        const { webhook: rotated, secret } = await rotateWebhookSecret(store, webhookSecretBox(await serverSecret(config)), webhookId(id), { overlapHours: hours });
        io.out(webhookLine(rotated));
        io.out(`New signing secret (shown once): ${secret}`);
        io.out(
          rotated.previousSecretUntil
            ? `Until ${rotated.previousSecretUntil.toISOString()} each delivery is signed with both secrets; switch the receiver before then.`
            : 'The old secret no longer signs anything.',
        );
      }, io.env);
    });

  webhook
    .command('remove')
    .description('remove a webhook and its delivery log')
    .argument('<id>')
    .action(async (id: string) => {
      await withStore(async (store) => {
        await store.webhooks.remove(webhookId(id));
        io.out(`Removed webhook ${id}.`);
      }, io.env);
    });

  webhook
    .command('enable')
    .description('send to a disabled webhook again; deliveries that waited go out')
    .argument('<id>')
    .action(async (id: string) => {
      await withStore(async (store) => io.out(webhookLine(await store.webhooks.setDisabled(webhookId(id), null))), io.env);
    });

  webhook
    .command('disable')
    .description('stop sending to a webhook; events keep queueing for it')
    .argument('<id>')
    .action(async (id: string) => {
      await withStore(async (store) => io.out(webhookLine(await store.webhooks.setDisabled(webhookId(id), 'paused by an operator'))), io.env);
    });

  webhook
    .command('deliveries')
    .description('the delivery log of a webhook, newest first')
    .argument('<id>')
    .option('--limit <n>', 'how many (at most 100)', '20')
    .action(async (id: string, options: { limit: string }) => {
      await withStore(async (store) => {
        const log = await store.webhooks.deliveries(webhookId(id), { limit: Number(options.limit) || 20 });
        if (log.length === 0) io.out('No deliveries yet.');
        for (const d of log) io.out(deliveryLine(d));
      }, io.env);
    });
}
