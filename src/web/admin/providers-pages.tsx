import type { Context } from 'hono';
import { Hono } from 'hono';
import { generateApiKey } from '../../domain/api-key.js';
import { GazetteError } from '../../domain/errors.js';
import { providerInputSchema, type Provider } from '../../domain/provider.js';
import { hasUnsafeText } from '../../domain/text-safety.js';
import { checkLogo } from '../../images/check-logo.js';
import { imagesOf, type AppDeps } from '../deps.js';
import { ProviderLogoImage } from '../views/provider-logo.js';
import { auditActor } from './actor.js';
import { forbidden, mayActFor, requireRole } from './admin-auth.js';
import type { AdminEnv } from './admin-env.js';
import { adminPage, doneRedirect } from './admin-page.js';
import { adminTime, ConfirmForm, Field, FormError, PostButton, TextArea } from './admin-views.js';
import { KeyState, NewKeyCard } from './key-views.js';
import { CsrfFields } from './csrf-fields.js';
import { idParam, readForm, type FormFields } from './form-input.js';

type Ctx = Context<AdminEnv>;

interface ProviderForm {
  values: Record<string, string>;
  errors: Record<string, string>;
  error?: string;
}

const FIELD_NAMES: Record<string, string> = { slug: 'slug', name: 'name', homepage: 'homepage', contactEmail: 'contact', disclaimer: 'disclaimer' };

/** Reads and checks the provider form; errors by field, in words. */
function parseProviderForm(form: FormFields, withSlug: boolean) {
  const values = { slug: form.slug ?? '', name: form.name ?? '', homepage: form.homepage ?? '', contact: form.contact ?? '', disclaimer: form.disclaimer ?? '' };
  const parsed = providerInputSchema.safeParse({
    slug: withSlug ? values.slug.trim() : 'unchanged',
    name: values.name,
    homepage: values.homepage.trim() || null,
    contactEmail: values.contact.trim() || null,
    disclaimer: values.disclaimer.trim(),
  });
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[FIELD_NAMES[String(issue.path[0])] ?? 'name'] ??= issue.message;
  if (values.homepage.trim() && !/^https?:\/\//i.test(values.homepage.trim())) errors.homepage ??= 'An http(s) address, such as https://agency.example.';
  for (const [name, value] of Object.entries(values)) if (hasUnsafeText(value)) errors[name] ??= 'Contains control or invisible characters.';
  return { values, errors, data: parsed.success && Object.keys(errors).length === 0 ? parsed.data : undefined };
}

function ProviderFields(props: { form: ProviderForm; withSlug: boolean }) {
  const { values, errors } = props.form;
  return (
    <>
      {props.withSlug && <Field name="slug" label="Slug (in addresses; lower-case letters, digits, dashes)" value={values.slug} error={errors.slug} maxlength={80} required />}
      <Field name="name" label="Name" value={values.name} error={errors.name} maxlength={200} required />
      <Field name="homepage" label="Homepage" type="url" value={values.homepage} error={errors.homepage} maxlength={2000} />
      <Field name="contact" label="Contact email" type="email" value={values.contact} error={errors.contact} maxlength={254} />
      <TextArea name="disclaimer" label="Legal disclaimer (shown under each of its stories)" value={values.disclaimer} error={errors.disclaimer} maxlength={10000} rows={5} />
    </>
  );
}

const formOf = (p: Provider): ProviderForm => ({ values: { slug: p.slug, name: p.name, homepage: p.homepage ?? '', contact: p.contactEmail ?? '', disclaimer: p.disclaimer }, errors: {} });

async function listPage(deps: AppDeps, c: Ctx) {
  const user = c.get('user');
  if (user.role === 'provider') return c.redirect(`/admin/providers/${user.providerId}`, 303);
  const providers = await deps.store.providers.list();
  return adminPage(
    c,
    { title: 'Providers' },
    <>
      <h1>Providers</h1>
      <p>
        <a class="button" href="/admin/providers/new">
          New provider
        </a>
      </p>
      <div class="table-wrap">
        <table class="responsive">
          <thead>
            <tr>
              <th>Name</th>
              <th>Slug</th>
              <th>Contact</th>
              <th>Since</th>
            </tr>
          </thead>
          <tbody>
            {providers.map((p) => (
              <tr>
                <td>
                  <a href={`/admin/providers/${p.id}`}>{p.name}</a>
                </td>
                <td data-label="Slug">{p.slug}</td>
                <td data-label="Contact">{p.contactEmail ?? '—'}</td>
                <td data-label="Since">{adminTime(p.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>,
  );
}

function newPage(c: Ctx, form: ProviderForm = { values: {}, errors: {} }, status = 200) {
  return adminPage(
    c,
    { title: 'New provider', status },
    <>
      <h1>New provider</h1>
      <FormError message={form.error ?? (Object.keys(form.errors).length > 0 ? 'Some fields need a change; see below.' : undefined)} />
      <form method="post" action="/admin/providers" class="stacked">
        <CsrfFields token={c.get('csrfToken')} back="/admin/providers" />
        <ProviderFields form={form} withSlug />
        <button type="submit">Create provider</button>
      </form>
    </>,
  );
}

async function detailPage(deps: AppDeps, c: Ctx, provider: Provider, state: { form?: ProviderForm; newToken?: string; logoError?: string; status?: number } = {}) {
  const user = c.get('user');
  const token = c.get('csrfToken');
  const keys = await deps.store.apiKeys.listByProvider(provider.id);
  const form = state.form ?? formOf(provider);
  const base = `/admin/providers/${provider.id}`;
  return adminPage(
    c,
    { title: provider.name, status: state.status },
    <>
      {user.role !== 'provider' && (
        <p class="muted">
          <a href="/admin/providers">Providers</a> › {provider.slug}
        </p>
      )}
      <h1>{provider.name}</h1>
      <p class="actions">
        <a href={`/admin/articles?provider=${provider.slug}`}>Stories</a>
        <a href={`/admin/feeds?provider=${provider.slug}`}>Feeds</a>
        <a href={`/provider/${provider.slug}`}>Public page</a>
      </p>
      {state.newToken && (
        <NewKeyCard heading="New API key" token={state.newToken}>
          <p class="hint">Send it as “Authorization: Bearer &lt;key&gt;” to POST /api/v1/articles.</p>
        </NewKeyCard>
      )}
      <section>
        <h2>API keys</h2>
        {keys.length === 0 ? (
          <p class="muted">No keys yet.</p>
        ) : (
          <div class="table-wrap">
            <table class="responsive">
              <thead>
                <tr>
                  <th>Key id</th>
                  <th>Created</th>
                  <th>Last used</th>
                  <th>State</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr>
                    <td>{k.keyId}</td>
                    <td data-label="Created">{adminTime(k.createdAt)}</td>
                    <td data-label="Last used">{adminTime(k.lastUsedAt)}</td>
                    <td data-label="State"><KeyState revokedAt={k.revokedAt} /></td>
                    <td>{!k.revokedAt && <a href={`${base}/keys/${k.keyId}/revoke`}>Revoke…</a>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>
          <PostButton action={`${base}/keys`} token={token} back={base} label="Create an API key" />
        </p>
      </section>
      <LogoSection deps={deps} provider={provider} token={token} editable={user.role !== 'provider'} error={state.logoError} />
      {user.role === 'provider' ? (
        <section>
          <h2>Details</h2>
          <dl class="pairs">
            <dt>Homepage</dt>
            <dd>{provider.homepage ?? '—'}</dd>
            <dt>Contact</dt>
            <dd>{provider.contactEmail ?? '—'}</dd>
            <dt>Disclaimer</dt>
            <dd>{provider.disclaimer || '—'}</dd>
          </dl>
          <p class="hint">To change these, write to the editors.</p>
        </section>
      ) : (
        <section>
          <h2>Details</h2>
          <FormError message={Object.keys(form.errors).length > 0 ? 'Some fields need a change; see below.' : undefined} />
          <form method="post" action={base} class="stacked">
            <CsrfFields token={token} back={base} />
            <ProviderFields form={form} withSlug={false} />
            <button type="submit">Save</button>
          </form>
        </section>
      )}
    </>,
  );
}

/** The provider's logo as pages show it, and (for editors) the upload form and a remove button. */
function LogoSection(props: { deps: AppDeps; provider: Provider; token: string; editable: boolean; error?: string }) {
  const { provider, token } = props;
  const base = `/admin/providers/${provider.id}`;
  const logo = provider.logo;
  return (
    <section aria-labelledby="logo-heading">
      <h2 id="logo-heading">Logo</h2>
      {logo ? (
        <div class="logo-preview">
          <ProviderLogoImage logo={logo} urls={imagesOf(props.deps)} />
          <span class="muted">
            {logo.width} × {logo.height} pixels, shown beside the name on its page and under each of its stories.
          </span>
        </div>
      ) : (
        <p class="muted">No logo yet: pages show the name alone.</p>
      )}
      {props.editable && (
        <>
          <FormError message={props.error && 'The logo was not changed; see below.'} />
          <form method="post" action={`${base}/logo`} enctype="multipart/form-data" class="stacked">
            <CsrfFields token={token} back={base} />
            <Field
              name="logo"
              label={logo ? 'Replace the logo' : 'Upload a logo'}
              type="file"
              accept="image/png,image/jpeg,image/webp,image/gif,image/avif"
              hint="PNG, JPEG, WebP, GIF or AVIF, at most 1 MB and 4 megapixels; a wide logo on a transparent background shows best. SVG is not accepted (it can carry script)."
              error={props.error}
              required
            />
            <button type="submit">Upload logo</button>
          </form>
          {logo && (
            <p>
              <PostButton action={`${base}/logo/remove`} token={token} back={base} label="Remove the logo" secondary />
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** What the audit log keeps of a logo: which picture, and its size. */
const logoSummary = (p: Provider) => (p.logo ? { logo: `${p.logo.source} (${p.logo.width}×${p.logo.height})` } : { logo: null });

/** The Providers section: list, create, edit, and API keys (created shown once, revoked after a confirm). */
export function providersSection(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const editorOnly = requireRole('editor');

  async function load(c: Ctx): Promise<Provider | Response> {
    const id = idParam(c);
    const provider = id === undefined ? undefined : await deps.store.providers.findById(id);
    if (!provider) return adminPage(c, { title: 'Not found', status: 404 }, <p>There is no such provider.</p>);
    if (!mayActFor(c.get('user'), provider.id)) return forbidden(c);
    return provider;
  }

  app.get('/', (c) => listPage(deps, c));
  app.get('/new', editorOnly, (c) => newPage(c));
  app.post('/', editorOnly, async (c) => {
    const { values, errors, data } = parseProviderForm(await readForm(c), true);
    if (!data) return newPage(c, { values, errors }, 400);
    let provider: Provider;
    try {
      provider = await deps.store.providers.create(data);
    } catch (error) {
      if (error instanceof GazetteError && error.code === 'PROVIDER_EXISTS') return newPage(c, { values, errors: { slug: error.message } }, 409);
      throw error;
    }
    await deps.store.audit.record({ ...auditActor(c), action: 'provider.create', subjectType: 'provider', subjectId: String(provider.id), providerId: provider.id, summary: `Created provider ${provider.name}`, after: data });
    return doneRedirect(c, `/admin/providers/${provider.id}`, 'Provider created. Create an API key or add a feed next.');
  });

  app.get('/:id', async (c) => {
    const provider = await load(c);
    return provider instanceof Response ? provider : detailPage(deps, c, provider);
  });
  app.post('/:id', editorOnly, async (c) => {
    const provider = await load(c);
    if (provider instanceof Response) return provider;
    const { values, errors, data } = parseProviderForm(await readForm(c), false);
    if (!data) return detailPage(deps, c, provider, { form: { values, errors }, status: 400 });
    const { slug: _slug, ...patch } = data;
    const updated = await deps.store.providers.update(provider.id, patch);
    const before = { name: provider.name, homepage: provider.homepage, contactEmail: provider.contactEmail, disclaimer: provider.disclaimer };
    const after = { name: updated.name, homepage: updated.homepage, contactEmail: updated.contactEmail, disclaimer: updated.disclaimer };
    await deps.store.audit.record({ ...auditActor(c), action: 'provider.update', subjectType: 'provider', subjectId: String(provider.id), providerId: provider.id, summary: `Edited provider ${updated.name}`, before, after });
    return doneRedirect(c, `/admin/providers/${provider.id}`, 'Saved. Its pages show the change now.');
  });

  app.post('/:id/logo', editorOnly, async (c) => {
    const provider = await load(c);
    if (provider instanceof Response) return provider;
    const file = (await c.req.parseBody())['logo'];
    const checked = typeof file === 'object' && file !== null ? await checkLogo(new Uint8Array(await file.arrayBuffer()), deps.config.images.maxPixels) : undefined;
    if (!checked || checked.kind === 'refused') return detailPage(deps, c, provider, { logoError: checked?.reason ?? 'Choose a picture file to upload.', status: 400 });
    const updated = await deps.store.providers.setLogo(provider.id, checked);
    await deps.store.audit.record({ ...auditActor(c), action: 'provider.logo_set', subjectType: 'provider', subjectId: String(provider.id), providerId: provider.id, summary: `Uploaded a logo for ${provider.name}`, before: logoSummary(provider), after: logoSummary(updated) });
    return doneRedirect(c, `/admin/providers/${provider.id}`, 'Logo saved. Its pages show it now.');
  });
  app.post('/:id/logo/remove', editorOnly, async (c) => {
    const provider = await load(c);
    if (provider instanceof Response) return provider;
    const updated = await deps.store.providers.setLogo(provider.id, null);
    await deps.store.audit.record({ ...auditActor(c), action: 'provider.logo_remove', subjectType: 'provider', subjectId: String(provider.id), providerId: provider.id, summary: `Removed the logo of ${provider.name}`, before: logoSummary(provider), after: logoSummary(updated) });
    return doneRedirect(c, `/admin/providers/${provider.id}`, 'Logo removed. Its pages show the name alone.');
  });

  app.post('/:id/keys', async (c) => {
    const provider = await load(c);
    if (provider instanceof Response) return provider;
    const made = generateApiKey();
    const key = await deps.store.apiKeys.create({ providerId: provider.id, keyId: made.keyId, secretHash: made.secretHash });
    await deps.store.audit.record({ ...auditActor(c), action: 'provider.key_create', subjectType: 'api_key', subjectId: key.keyId, providerId: provider.id, summary: `Created API key ${key.keyId} for ${provider.name}` });
    // Shown in this answer only (never stored, never in a URL or a cookie).
    return detailPage(deps, c, provider, { newToken: made.token });
  });
  app.get('/:id/keys/:keyId/revoke', async (c) => {
    const provider = await load(c);
    if (provider instanceof Response) return provider;
    const keyId = c.req.param('keyId');
    return adminPage(
      c,
      { title: 'Revoke key' },
      <ConfirmForm
        action={`/admin/providers/${provider.id}/keys/${keyId}/revoke`}
        token={c.get('csrfToken')}
        question={`Revoke API key ${keyId}?`}
        consequences={<p>Pushes with this key get “401 Unauthorized” from now on. This cannot be undone; create a new key instead.</p>}
        confirmLabel="Revoke"
        cancelHref={`/admin/providers/${provider.id}`}
      />,
    );
  });
  app.post('/:id/keys/:keyId/revoke', async (c) => {
    const provider = await load(c);
    if (provider instanceof Response) return provider;
    // The store revokes only a key of this provider: another provider's key id is NOT_FOUND.
    const key = await deps.store.apiKeys.revoke(provider.id, c.req.param('keyId'));
    await deps.store.audit.record({ ...auditActor(c), action: 'provider.key_revoke', subjectType: 'api_key', subjectId: key.keyId, providerId: provider.id, summary: `Revoked API key ${key.keyId} of ${provider.name}` });
    return doneRedirect(c, `/admin/providers/${provider.id}`, `Key ${key.keyId} is revoked.`);
  });
  return app;
}
