import type { Context } from 'hono';
import { Hono } from 'hono';
import { createSigninLink, signinLinkUrl } from '../../accounts/sign-in.js';
import { GazetteError } from '../../domain/errors.js';
import { emailSchema, userRoles, type User, type UserRole } from '../../domain/user.js';
import type { AppDeps } from '../deps.js';
import { auditActor } from './actor.js';
import { requireRole } from './admin-auth.js';
import type { AdminEnv } from './admin-env.js';
import { adminPage, doneRedirect } from './admin-page.js';
import { adminTime, ConfirmForm, Field, FormError, Pager, PostButton, StatusChip } from './admin-views.js';
import { CsrfFields } from './csrf-fields.js';
import { idParam, readForm } from './form-input.js';

type Ctx = Context<AdminEnv>;

const ROLE_LABEL: Record<UserRole, string> = { admin: 'Admin: everything, users included', editor: 'Editor: all editorial work', provider: 'Provider user: one provider’s stories, feeds and keys' };

interface AddState {
  values: { email: string; role: string; provider: string };
  errors: Record<string, string>;
}

async function listPage(deps: AppDeps, c: Ctx, state: { add?: AddState; link?: { email: string; url: string }; status?: number } = {}) {
  const before = c.req.query('before');
  const users = await deps.store.users.page(before && /^\d{1,10}$/.test(before) ? Number(before) : undefined, 51);
  const shown = users.slice(0, 50);
  const providers = await deps.store.providers.list();
  const providerName = new Map(providers.map((p) => [p.id, p.name]));
  const token = c.get('csrfToken');
  const add = state.add ?? { values: { email: '', role: 'editor', provider: '' }, errors: {} };
  const me = c.get('user').id;
  return adminPage(
    c,
    { title: 'Users', status: state.status },
    <>
      <h1>Users</h1>
      {state.link && (
        <section class="card" aria-labelledby="new-link">
          <h2 id="new-link">One-time sign-in link for {state.link.email}</h2>
          <p>Give it to them by a channel you trust. It works once, for 24 hours, and asks them to choose a password. It is not shown again.</p>
          <p class="secret">{state.link.url}</p>
        </section>
      )}
      <div class="table-wrap">
        <table class="responsive">
          <thead>
            <tr>
              <th>Email</th>
              <th>Role</th>
              <th>State</th>
              <th>Last sign-in</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {shown.map((u) => (
              <tr>
                <td>{u.email}</td>
                <td data-label="Role">
                  {u.role}
                  {u.providerId !== null && ` (${providerName.get(u.providerId) ?? u.providerId})`}
                </td>
                <td data-label="State">{u.disabledAt ? <StatusChip status="disabled" /> : <StatusChip status="active" />}</td>
                <td data-label="Last sign-in">{adminTime(u.lastSigninAt)}</td>
                <td class="actions">
                  <PostButton action={`/admin/users/${u.id}/link`} token={token} back="/admin/users" label="New sign-in link" secondary />
                  {u.id !== me &&
                    (u.disabledAt ? (
                      <PostButton action={`/admin/users/${u.id}/enable`} token={token} back="/admin/users" label="Enable" secondary />
                    ) : (
                      <a href={`/admin/users/${u.id}/disable`}>Disable…</a>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager next={users.length > 50 ? `/admin/users?before=${shown.at(-1)!.id}` : null} />
      <section>
        <h2>Add a user</h2>
        <FormError message={Object.keys(add.errors).length > 0 ? 'Some fields need a change; see below.' : undefined} />
        <form method="post" action="/admin/users" class="stacked">
          <CsrfFields token={token} back="/admin/users" />
          <Field name="email" label="Email" type="email" value={add.values.email} error={add.errors.email} maxlength={254} required />
          <fieldset>
            <legend>Role</legend>
            {userRoles.map((r) => (
              <label class="check">
                <input type="radio" name="role" value={r} checked={add.values.role === r} /> {ROLE_LABEL[r]}
              </label>
            ))}
          </fieldset>
          <label for="field-provider">Provider (for a provider user)</label>
          <select id="field-provider" name="provider">
            <option value="">—</option>
            {providers.map((p) => (
              <option value={p.slug} selected={p.slug === add.values.provider}>
                {p.name}
              </option>
            ))}
          </select>
          {add.errors.provider && <span class="field-error">{add.errors.provider}</span>}
          <button type="submit">Add user and make a sign-in link</button>
        </form>
      </section>
    </>,
  );
}

/** The Users section, for admins only: add (with a one-time link), disable, enable, new link. */
export function usersSection(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use('*', requireRole('admin'));

  async function load(c: Ctx): Promise<User | Response> {
    const id = idParam(c);
    const user = id === undefined ? undefined : await deps.store.users.findById(id);
    return user ?? adminPage(c, { title: 'Not found', status: 404 }, <p>There is no such user.</p>);
  }

  app.get('/', (c) => listPage(deps, c));
  app.post('/', async (c) => {
    const form = await readForm(c, 1000);
    const values = { email: (form.email ?? '').trim(), role: form.role ?? '', provider: form.provider ?? '' };
    const errors: Record<string, string> = {};
    const email = emailSchema.safeParse(values.email);
    if (!email.success) errors.email = email.error.issues[0]!.message;
    if (!(userRoles as readonly string[]).includes(values.role)) errors.role = 'Choose a role.';
    const provider = values.provider ? await deps.store.providers.findBySlug(values.provider) : undefined;
    if (values.role === 'provider' && !provider) errors.provider = 'A provider user needs its provider.';
    if (values.role !== 'provider' && values.provider) errors.provider = 'Only a provider user has a provider; choose “—”.';
    if (Object.keys(errors).length > 0) return listPage(deps, c, { add: { values, errors }, status: 400 });
    try {
      const made = await deps.store.transaction(async (tx) => {
        const user = await tx.users.create({ email: values.email, role: values.role as UserRole, providerId: provider?.id ?? null, passwordHash: null });
        await tx.audit.record({ ...auditActor(c), action: 'user.add', subjectType: 'user', subjectId: String(user.id), providerId: user.providerId, summary: `Added ${user.role} ${user.email}`, after: { email: user.email, role: user.role, providerId: user.providerId } });
        return { user, token: await createSigninLink(tx, user.id) };
      });
      return listPage(deps, c, { link: { email: made.user.email, url: signinLinkUrl(deps.config.publicUrl, made.token) } });
    } catch (error) {
      if (error instanceof GazetteError && error.code === 'USER_EXISTS') return listPage(deps, c, { add: { values, errors: { email: error.message } }, status: 409 });
      throw error;
    }
  });

  app.post('/:id/link', async (c) => {
    const user = await load(c);
    if (user instanceof Response) return user;
    const token = await createSigninLink(deps.store, user.id);
    await deps.store.audit.record({ ...auditActor(c), action: 'user.link', subjectType: 'user', subjectId: String(user.id), providerId: user.providerId, summary: `Made a sign-in link for ${user.email}` });
    return listPage(deps, c, { link: { email: user.email, url: signinLinkUrl(deps.config.publicUrl, token) } });
  });
  app.get('/:id/disable', async (c) => {
    const user = await load(c);
    if (user instanceof Response) return user;
    return adminPage(
      c,
      { title: 'Disable user' },
      <ConfirmForm
        action={`/admin/users/${user.id}/disable`}
        token={c.get('csrfToken')}
        question={`Disable ${user.email}?`}
        consequences={<p>They are signed out everywhere at once and cannot sign in until enabled again.</p>}
        confirmLabel="Disable"
        cancelHref="/admin/users"
      />,
    );
  });
  for (const [name, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(`/:id/${name}`, async (c) => {
      const user = await load(c);
      if (user instanceof Response) return user;
      if (user.id === c.get('user').id) return doneRedirect(c, '/admin/users', 'You cannot disable your own account.');
      await deps.store.users.setDisabled(user.id, disabled);
      await deps.store.audit.record({ ...auditActor(c), action: `user.${name}`, subjectType: 'user', subjectId: String(user.id), providerId: user.providerId, summary: `${disabled ? 'Disabled' : 'Enabled'} ${user.email}`, before: { disabled: !disabled }, after: { disabled } });
      return doneRedirect(c, '/admin/users', `${user.email} is ${disabled ? 'disabled and signed out everywhere' : 'enabled'}.`);
    });
  }
  return app;
}
