import type { Context } from 'hono';
import { Hono } from 'hono';
import { generateApiKey } from '../../domain/api-key.js';
import { DEFAULT_PARTNER_PER_MINUTE, partnerKeyProblems, type PartnerKey } from '../../domain/partner.js';
import type { AppDeps } from '../deps.js';
import { auditActor } from './actor.js';
import { requireRole } from './admin-auth.js';
import type { AdminEnv } from './admin-env.js';
import { adminPage, doneRedirect } from './admin-page.js';
import { adminTime, ConfirmForm, Field, FormError } from './admin-views.js';
import { KeyState, NewKeyCard } from './key-views.js';
import { CsrfFields } from './csrf-fields.js';
import { readForm } from './form-input.js';

type Ctx = Context<AdminEnv>;


interface AddState {
  values: { name: string; perMinute: string };
  errors: Record<string, string>;
}

async function listPage(deps: AppDeps, c: Ctx, state: { add?: AddState; created?: { key: PartnerKey; token: string }; status?: number } = {}) {
  const keys = await deps.store.partnerKeys.list();
  const add = state.add ?? { values: { name: '', perMinute: String(DEFAULT_PARTNER_PER_MINUTE) }, errors: {} };
  return adminPage(
    c,
    { title: 'Partner keys', status: state.status },
    <>
      <h1>Partner keys</h1>
      <p class="muted">Read keys for the JSON API, each with its own rate limit. Partners send them as “Authorization: Bearer &lt;key&gt;”.</p>
      {state.created && <NewKeyCard heading={`New key for ${state.created.key.name}`} token={state.created.token} />}
      {keys.length === 0 ? (
        <p class="muted">No partner keys yet.</p>
      ) : (
        <div class="table-wrap">
          <table class="responsive">
            <thead>
              <tr>
                <th>Partner</th>
                <th>Key id</th>
                <th class="num">Reads a minute</th>
                <th>Created</th>
                <th>State</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr>
                  <td>{k.name}</td>
                  <td data-label="Key id">{k.keyId}</td>
                  <td data-label="Reads a minute" class="num">
                    {k.perMinute.toLocaleString('en')}
                  </td>
                  <td data-label="Created">{adminTime(k.createdAt)}</td>
                  <td data-label="State"><KeyState revokedAt={k.revokedAt} /></td>
                  <td>{!k.revokedAt && <a href={`/admin/partner-keys/${k.keyId}/revoke`}>Revoke…</a>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section>
        <h2>Create a partner key</h2>
        <FormError message={Object.keys(add.errors).length > 0 ? 'Some fields need a change; see below.' : undefined} />
        <form method="post" action="/admin/partner-keys" class="stacked">
          <CsrfFields token={c.get('csrfToken')} back="/admin/partner-keys" />
          <Field name="name" label="Partner" value={add.values.name} error={add.errors.name} maxlength={200} required />
          <Field name="perMinute" label="Reads a minute" type="number" value={add.values.perMinute} error={add.errors.perMinute} min={1} max={1_000_000} required />
          <button type="submit">Create key</button>
        </form>
      </section>
    </>,
  );
}

/** The Partner keys section (editors): create (shown once) and revoke (after a confirm). */
export function partnerKeysSection(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use('*', requireRole('editor'));

  app.get('/', (c) => listPage(deps, c));
  app.post('/', async (c) => {
    const form = await readForm(c, 1000);
    const values = { name: (form.name ?? '').trim(), perMinute: (form.perMinute ?? '').trim() };
    const perMinute = /^\d{1,7}$/.test(values.perMinute) ? Number(values.perMinute) : Number.NaN;
    const errors: Record<string, string> = partnerKeyProblems(values.name, perMinute);
    if (Object.keys(errors).length > 0) return listPage(deps, c, { add: { values, errors }, status: 400 });
    const made = generateApiKey('gzp');
    const key = await deps.store.partnerKeys.create({ name: values.name, keyId: made.keyId, secretHash: made.secretHash, perMinute });
    await deps.store.audit.record({ ...auditActor(c), action: 'partner.key_create', subjectType: 'partner_key', subjectId: key.keyId, providerId: null, summary: `Created partner key ${key.keyId} for ${key.name} (${perMinute}/min)` });
    return listPage(deps, c, { created: { key, token: made.token } });
  });
  app.get('/:keyId/revoke', (c) =>
    adminPage(
      c,
      { title: 'Revoke partner key' },
      <ConfirmForm
        action={`/admin/partner-keys/${c.req.param('keyId')}/revoke`}
        token={c.get('csrfToken')}
        question={`Revoke partner key ${c.req.param('keyId')}?`}
        consequences={<p>Reads with it get “401 Unauthorized” from now on. This cannot be undone.</p>}
        confirmLabel="Revoke"
        cancelHref="/admin/partner-keys"
      />,
    ),
  );
  app.post('/:keyId/revoke', async (c) => {
    const key = await deps.store.partnerKeys.revoke(c.req.param('keyId'));
    await deps.store.audit.record({ ...auditActor(c), action: 'partner.key_revoke', subjectType: 'partner_key', subjectId: key.keyId, providerId: null, summary: `Revoked partner key ${key.keyId} of ${key.name}` });
    return doneRedirect(c, '/admin/partner-keys', `Key ${key.keyId} is revoked.`);
  });
  return app;
}
