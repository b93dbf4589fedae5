import type { Command } from 'commander';
import { createSigninLink, hashPassword, passwordProblem, signinLinkUrl } from '../accounts/sign-in.js';
import { COMMAND_LINE } from '../domain/audit.js';
import { GazetteError } from '../domain/errors.js';
import { userRoles, type User, type UserRole } from '../domain/user.js';
import { withStore } from '../command-context.js';
import type { Store } from '../store/store.js';
import type { CliIo } from './cli-io.js';
import { terminalSafe } from './terminal-safe.js';

/** Creates an account as `gazette user add` does; returns it and, without a password, a one-time link token. */
export async function addUser(store: Store, input: { email: string; role: string; providerSlug?: string; password?: string }): Promise<{ user: User; linkToken?: string }> {
  if (!(userRoles as readonly string[]).includes(input.role)) throw new GazetteError('VALIDATION_FAILED', `--role: one of ${userRoles.join(', ')}.`);
  const role = input.role as UserRole;
  if (role === 'provider' && !input.providerSlug) throw new GazetteError('VALIDATION_FAILED', '--provider <slug>: a provider user needs its provider.');
  if (role !== 'provider' && input.providerSlug) throw new GazetteError('VALIDATION_FAILED', '--provider is only for --role provider.');
  const provider = input.providerSlug ? await store.providers.findBySlug(input.providerSlug) : undefined;
  if (input.providerSlug && !provider) throw new GazetteError('NOT_FOUND', `There is no provider "${input.providerSlug}" (see \`gazette provider list\`).`);
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password);
    if (problem) throw new GazetteError('VALIDATION_FAILED', `--password-stdin: ${problem}`);
  }
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return store.transaction(async (tx) => {
    const user = await tx.users.create({ email: input.email, role, providerId: provider?.id ?? null, passwordHash });
    await tx.audit.record({
      ...actorOf(),
      action: 'user.add',
      subjectType: 'user',
      subjectId: String(user.id),
      providerId: user.providerId,
      summary: `Added ${user.role} ${user.email}`,
      after: { email: user.email, role: user.role, providerId: user.providerId },
    });
    return { user, linkToken: passwordHash === null ? await createSigninLink(tx, user.id) : undefined };
  });
}

const actorOf = () => ({ actorId: COMMAND_LINE.id, actorLabel: COMMAND_LINE.label });

async function userByEmail(store: Store, email: string): Promise<User> {
  const found = await store.users.findCredentials(email);
  if (!found) throw new GazetteError('NOT_FOUND', `There is no user ${email} (see \`gazette user list\`).`);
  return found;
}

/** `gazette user add|list|disable|enable|link`: admin-area accounts. */
export function registerUser(program: Command, io: CliIo): void {
  const user = program.command('user').description('manage admin-area accounts (admins, editors, provider users)');

  user
    .command('add')
    .description('create an account; prints a one-time sign-in link unless --password-stdin')
    .argument('<email>', 'the person’s email address, which they sign in with')
    .requiredOption('--role <role>', `${userRoles.join(' | ')}`)
    .option('--provider <slug>', 'the provider a provider user acts for')
    .option('--password-stdin', 'read the password from standard input (at least 12 characters)')
    .action(async (email: string, options: { role: string; provider?: string; passwordStdin?: boolean }) => {
      const password = options.passwordStdin ? (await io.readStdin()).replace(/\r?\n$/, '') : undefined;
      await withStore(async (store, config) => {
        const { user: made, linkToken } = await addUser(store, { email, role: options.role, providerSlug: options.provider, password });
        io.out(`Added ${made.role === 'provider' ? 'provider user' : made.role} ${terminalSafe(made.email)} (id ${made.id}).`);
        if (linkToken) {
          io.out('One-time sign-in link (valid 24 hours; it asks for a password):');
          io.out(signinLinkUrl(config.publicUrl, linkToken));
        }
      }, io.env);
    });

  user
    .command('list')
    .description('list accounts')
    .action(async () => {
      await withStore(async (store) => {
        const providers = new Map((await store.providers.list()).map((p) => [p.id, p.slug]));
        const users: User[] = [];
        for (let page = await store.users.page(undefined, 200); page.length > 0; page = await store.users.page(page.at(-1)!.id, 200)) users.push(...page);
        if (users.length === 0) io.out('No accounts yet. Add the first admin with `gazette user add <email> --role admin`.');
        for (const u of users.reverse()) {
          const provider = u.providerId === null ? '' : `  provider ${providers.get(u.providerId) ?? u.providerId}`;
          const state = u.disabledAt ? `disabled ${u.disabledAt.toISOString()}` : 'active';
          io.out(`${u.id}  ${terminalSafe(u.email)}  ${u.role}${provider}  ${state}  last sign-in ${u.lastSigninAt?.toISOString() ?? 'never'}`);
        }
      }, io.env);
    });

  for (const [name, disabled] of [['disable', true], ['enable', false]] as const) {
    user
      .command(name)
      .description(disabled ? 'stop an account from signing in and end its sessions' : 'let a disabled account sign in again')
      .argument('<email>')
      .action(async (email: string) => {
        await withStore(async (store) => {
          const found = await userByEmail(store, email);
          await store.transaction(async (tx) => {
            await tx.users.setDisabled(found.id, disabled);
            await tx.audit.record({ ...actorOf(), action: `user.${name}`, subjectType: 'user', subjectId: String(found.id), providerId: found.providerId, summary: `${disabled ? 'Disabled' : 'Enabled'} ${found.email}`, before: { disabled: !disabled }, after: { disabled } });
          });
          io.out(`${disabled ? 'Disabled' : 'Enabled'} ${terminalSafe(found.email)}.`);
        }, io.env);
      });
  }

  user
    .command('link')
    .description('print a new one-time sign-in link (to set a forgotten password)')
    .argument('<email>')
    .action(async (email: string) => {
      await withStore(async (store, config) => {
        const found = await userByEmail(store, email);
        io.out(signinLinkUrl(config.publicUrl, await createSigninLink(store, found.id)));
      }, io.env);
    });
}
