import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { generateApiKey, type ApiKey } from '../domain/api-key.js';
import { GazetteError } from '../domain/errors.js';
import { providerInputSchema, type Provider } from '../domain/provider.js';
import { serverSecret, withStore } from '../command-context.js';
import type { Store } from '../store/store.js';
import type { CliIo } from './cli-io.js';
import { makeSuperdeskToken, revokeSuperdeskToken } from './provider-superdesk.js';

/** What `gazette provider add` takes besides the slug. */
export interface AddProviderOptions {
  name: string;
  homepage?: string;
  contact?: string;
  disclaimerFile?: string;
}

/** Which command-line argument each provider field comes from, for error messages. */
const optionOf: Record<string, string> = {
  slug: '<slug>',
  name: '--name',
  homepage: '--homepage',
  contactEmail: '--contact',
  disclaimer: '--disclaimer-file',
};

/** Creates a provider from command-line input; bad input is a one-line VALIDATION_FAILED. */
export async function addProvider(store: Store, slug: string, options: AddProviderOptions): Promise<Provider> {
  let disclaimer = '';
  if (options.disclaimerFile !== undefined) {
    try {
      disclaimer = readFileSync(options.disclaimerFile, 'utf8').trim();
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code ?? 'error';
      throw new GazetteError('VALIDATION_FAILED', `--disclaimer-file: cannot read ${options.disclaimerFile} (${code}).`, { cause });
    }
  }
  if (options.homepage !== undefined && !/^https?:\/\//i.test(options.homepage)) {
    throw new GazetteError('VALIDATION_FAILED', `--homepage: "${options.homepage}" is not an http(s) URL.`);
  }
  const parsed = providerInputSchema.safeParse({
    slug,
    name: options.name,
    homepage: options.homepage ?? null,
    contactEmail: options.contact ?? null,
    disclaimer,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${optionOf[String(i.path[0])] ?? i.path.join('.')}: ${describeIssue(i.message, String(i.path[0]))}`);
    throw new GazetteError('VALIDATION_FAILED', problems.join('; '), { details: parsed.error.issues });
  }
  return store.providers.create(parsed.data);
}

/** The provider with this slug, or a NOT_FOUND naming it. */
export async function requireProvider(store: Store, slug: string): Promise<Provider> {
  const provider = await store.providers.findBySlug(slug);
  if (!provider) throw new GazetteError('NOT_FOUND', `No provider with slug "${slug}" (see \`gazette provider list\`).`);
  return provider;
}

/** Creates an API key for a provider and returns its token, which exists only in this answer. */
export async function createProviderKey(store: Store, slug: string): Promise<{ provider: Provider; key: ApiKey; token: string }> {
  const provider = await requireProvider(store, slug);
  const made = generateApiKey();
  const key = await store.apiKeys.create({ providerId: provider.id, keyId: made.keyId, secretHash: made.secretHash });
  return { provider, key, token: made.token };
}

/** Revokes one of a provider's keys: requests with it are refused from now on. */
export async function revokeProviderKey(store: Store, slug: string, keyId: string): Promise<ApiKey> {
  const provider = await requireProvider(store, slug);
  return store.apiKeys.revoke(provider.id, keyId);
}

/** The lines `gazette provider list` prints: one per provider, then one per key. */
export async function listProviders(store: Store): Promise<string[]> {
  const providers = await store.providers.list();
  if (providers.length === 0) return ['No providers yet. Add one with `gazette provider add <slug> --name <name>`.'];
  const lines: string[] = [];
  for (const p of providers) {
    const details = [p.homepage, p.contactEmail, p.disclaimer ? 'has a disclaimer' : 'no disclaimer'].filter(Boolean);
    lines.push(`${p.slug}  ${p.name}  (${details.join(', ')})`);
    for (const k of await store.apiKeys.listByProvider(p.id)) {
      const state = k.revokedAt
        ? `revoked ${k.revokedAt.toISOString()}`
        : `active, last used ${k.lastUsedAt ? k.lastUsedAt.toISOString() : 'never'}`;
      lines.push(`    key ${k.keyId}  created ${k.createdAt.toISOString()}  ${state}`);
    }
  }
  return lines;
}

/** `gazette provider add|list|key|revoke-key|superdesk`: provider accounts, their API keys and Superdesk destinations. */
export function registerProvider(program: Command, io: CliIo): void {
  const provider = program.command('provider').description('manage content providers and their API keys');

  provider
    .command('add')
    .description('create a provider')
    .argument('<slug>', 'short name used in URLs, e.g. "menafn"')
    .requiredOption('--name <name>', 'the name readers see')
    .option('--homepage <url>', "the provider's web site")
    .option('--contact <email>', 'where complaints about its stories go')
    .option('--disclaimer-file <file>', 'a text file with the legal disclaimer shown under its stories')
    .action(async (slug: string, options: AddProviderOptions) => {
      await withStore(async (store) => {
        const p = await addProvider(store, slug, options);
        io.out(`Created provider ${p.slug} (${p.name}). Give it an API key with: gazette provider key ${p.slug}`);
      }, io.env);
    });

  provider
    .command('list')
    .description('list providers and their API keys')
    .action(async () => {
      await withStore(async (store) => {
        for (const line of await listProviders(store)) io.out(line);
      }, io.env);
    });

  provider
    .command('key')
    .description('create an API key for a provider (printed once; only a hash is stored)')
    .argument('<slug>', 'the provider')
    .action(async (slug: string) => {
      await withStore(async (store) => {
        const { key, token } = await createProviderKey(store, slug);
        io.out(`API key ${key.keyId} for ${slug}:`);
        io.out(token);
        io.out('Keep it now: Gazette stores only a hash and cannot show it again.');
        io.out('Use it as: Authorization: Bearer <key>');
      }, io.env);
    });

  provider
    .command('revoke-key')
    .description("revoke one of a provider's API keys")
    .argument('<slug>', 'the provider')
    .argument('<key-id>', 'the key id shown by `gazette provider list`')
    .action(async (slug: string, keyId: string) => {
      await withStore(async (store) => {
        const key = await revokeProviderKey(store, slug, keyId);
        io.out(`Revoked key ${key.keyId} of ${slug}; requests with it now get 401.`);
      }, io.env);
    });

  provider
    .command('superdesk')
    .description('set up a Superdesk "HTTP Push" destination: prints the Resource URL, Assets URL and secret token (the token once)')
    .argument('<slug>', 'the provider')
    .option('--rotate', 'replace the token: the old one stops working at once')
    .option('--revoke', 'stop the token working: Superdesk requests get 403')
    .action(async (slug: string, options: { rotate?: boolean; revoke?: boolean }) => {
      if (options.rotate && options.revoke) throw new GazetteError('VALIDATION_FAILED', 'Give --rotate or --revoke, not both.');
      await withStore(async (store, config) => {
        if (options.revoke) {
          await revokeSuperdeskToken(store, slug);
          io.out(`Revoked the Superdesk token of ${slug}; its requests now get 403. Make a new one with: gazette provider superdesk ${slug} --rotate`);
          return;
        }
        const made = await makeSuperdeskToken(store, slug, { publicUrl: config.publicUrl, serverSecret: await serverSecret(config), rotate: options.rotate ?? false });
        io.out(`Resource URL: ${made.resourceUrl}`);
        io.out(`Assets URL: ${made.assetsUrl}`);
        io.out(`Secret token: ${made.token}`);
        if (!config.publicUrlConfigured) io.err(`PUBLIC_URL is not set: these URLs use ${config.publicUrl}; set PUBLIC_URL to the address Superdesk can reach.`);
      }, io.env);
    });
}

function describeIssue(message: string, field: string): string {
  if (field === 'contactEmail' && /email/i.test(message)) return 'not a valid email address';
  if (field === 'homepage' && /url/i.test(message)) return 'not a valid URL';
  return message;
}
