import type { Command } from 'commander';
import { generateApiKey } from '../domain/api-key.js';
import { GazetteError } from '../domain/errors.js';
import { DEFAULT_PARTNER_PER_MINUTE, partnerKeyProblems, type PartnerKey } from '../domain/partner.js';
import { withStore } from '../command-context.js';
import type { Store } from '../store/store.js';
import type { CliIo } from './cli-io.js';
import { registerPartnerWebhook } from './partner-webhook.js';
import { terminalSafe } from './terminal-safe.js';

export { DEFAULT_PARTNER_PER_MINUTE };

/** Creates a read key for a partner and returns its token, which exists only in this answer. */
export async function addPartner(store: Store, name: string, perMinute = DEFAULT_PARTNER_PER_MINUTE): Promise<{ key: PartnerKey; token: string }> {
  const problems = partnerKeyProblems(name, perMinute);
  if (problems.name) throw new GazetteError('VALIDATION_FAILED', `<name>: ${problems.name}`);
  if (problems.perMinute) throw new GazetteError('VALIDATION_FAILED', `--per-minute: ${problems.perMinute}`);
  const trimmed = name.trim();
  const made = generateApiKey('gzp');
  const key = await store.partnerKeys.create({ name: trimmed, keyId: made.keyId, secretHash: made.secretHash, perMinute });
  return { key, token: made.token };
}

/** The lines `gazette partner list` prints: one per key. */
export async function listPartners(store: Store): Promise<string[]> {
  const keys = await store.partnerKeys.list();
  if (keys.length === 0) return ['No partner keys yet. Add one with `gazette partner add <name>`.'];
  return keys.map(
    (k) => `${k.keyId}  ${terminalSafe(k.name)}  ${k.perMinute}/min  created ${k.createdAt.toISOString()}  ${k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active'}`,
  );
}

/** `gazette partner add|list|revoke`: read keys for partners of the JSON API, with higher rate limits. */
export function registerPartner(program: Command, io: CliIo): void {
  const partner = program.command('partner').description('manage partners’ read keys for the JSON API');

  partner
    .command('add')
    .description('create a read key for a partner (printed once; only a hash is stored)')
    .argument('<name>', 'who the partner is')
    .option('--per-minute <n>', `API reads a minute the key may make (default ${DEFAULT_PARTNER_PER_MINUTE})`)
    .action(async (name: string, options: { perMinute?: string }) => {
      const perMinute = options.perMinute === undefined ? undefined : /^\d+$/.test(options.perMinute) ? Number(options.perMinute) : Number.NaN;
      await withStore(async (store) => {
        const { key, token } = await addPartner(store, name, perMinute);
        io.out(`Partner key ${key.keyId} for ${terminalSafe(key.name)} (${key.perMinute} reads a minute):`);
        io.out(token);
        io.out('Keep it now: Gazette stores only a hash and cannot show it again.');
        io.out('Use it as: Authorization: Bearer <key> on /api/v1 reads.');
      }, io.env);
    });

  partner
    .command('list')
    .description('list partner keys')
    .action(async () => {
      await withStore(async (store) => {
        for (const line of await listPartners(store)) io.out(line);
      }, io.env);
    });

  partner
    .command('revoke')
    .description('revoke a partner key: reads with it get 401 from then on')
    .argument('<key-id>', 'the key id shown by `gazette partner list`')
    .action(async (keyId: string) => {
      await withStore(async (store) => {
        const key = await store.partnerKeys.revoke(keyId);
        io.out(`Revoked partner key ${key.keyId}; reads with it now get 401.`);
      }, io.env);
    });

  registerPartnerWebhook(partner, io);
}
