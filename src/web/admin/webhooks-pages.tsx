import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Webhook, WebhookDelivery } from '../../domain/webhook.js';
import { DEFAULT_ROTATION_OVERLAP_HOURS, MAX_ROTATION_OVERLAP_HOURS, rotateWebhookSecret } from '../../jobs/webhooks/rotate-webhook-secret.js';
import { webhookSecretsOf, type AppDeps } from '../deps.js';
import { auditActor } from './actor.js';
import { requireRole } from './admin-auth.js';
import type { AdminEnv } from './admin-env.js';
import { adminPage } from './admin-page.js';
import { adminTime, Field, Pager, StatusChip } from './admin-views.js';
import { CsrfFields } from './csrf-fields.js';
import { readForm } from './form-input.js';

type Ctx = Context<AdminEnv>;

/** Deliveries per page of an endpoint's log. */
const LOG_PAGE = 50;

const filterText = (h: Webhook) => Object.entries(h.filter).map(([k, v]) => `${k}: ${v}`).join(', ') || 'everything';

/** Whether the secret before the last rotation still signs deliveries. */
const overlapping = (h: Webhook, now = new Date()) => h.previousSecretUntil !== null && h.previousSecretUntil > now;

function SecretState(props: { hook: Webhook }) {
  const h = props.hook;
  if (overlapping(h)) return <>new secret since {adminTime(h.secretRotatedAt)}; the old one also signs until {adminTime(h.previousSecretUntil)}</>;
  return h.secretRotatedAt ? <>rotated {adminTime(h.secretRotatedAt)}</> : <>since it was added</>;
}

async function listPage(deps: AppDeps, c: Ctx) {
  const [hooks, keys] = await Promise.all([deps.store.webhooks.list(), deps.store.partnerKeys.list()]);
  const partnerOf = new Map(keys.map((k) => [k.id, k.name]));
  return adminPage(
    c,
    { title: 'Webhooks' },
    <>
      <h1>Webhooks</h1>
      <p class="muted">
        Partners’ endpoints: Gazette POSTs each matching new, updated, restored or taken-down story to them, signed with the endpoint’s secret. Partners add them
        with their key (API) or an operator with <code>gazette partner webhook add</code>.
      </p>
      {hooks.length === 0 ? (
        <p class="muted">No webhooks yet.</p>
      ) : (
        <div class="table-wrap">
          <table class="responsive">
            <thead>
              <tr>
                <th>Partner</th>
                <th>URL</th>
                <th>Filter</th>
                <th>State</th>
                <th>Signing secret</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {hooks.map((h) => (
                <tr>
                  <td>{partnerOf.get(h.partnerKeyId) ?? '—'}</td>
                  <td data-label="URL" class="url">
                    {h.url}
                  </td>
                  <td data-label="Filter">{filterText(h)}</td>
                  <td data-label="State">
                    {h.disabledAt ? (
                      <>
                        <StatusChip status="disabled" /> <span class="muted">{h.disabledReason}</span>
                      </>
                    ) : (
                      <StatusChip status="active" />
                    )}
                  </td>
                  <td data-label="Signing secret">
                    <SecretState hook={h} />
                  </td>
                  <td>
                    <a href={`/admin/webhooks/${h.id}`}>Deliveries</a> · <a href={`/admin/webhooks/${h.id}/rotate`}>Rotate secret…</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>,
  );
}

function DeliveryRow(props: { d: WebhookDelivery }) {
  const d = props.d;
  return (
    <tr>
      <td>{adminTime(d.createdAt)}</td>
      <td data-label="Event">{d.eventType}</td>
      <td data-label="Article">
        <a href={`/admin/articles/${d.articleId}`}>{d.articleId}</a>
      </td>
      <td data-label="Status">
        <StatusChip status={d.status === 'delivered' ? 'ok' : d.status === 'failed' ? 'failing' : 'paused'} label={d.status} />
      </td>
      <td data-label="Attempts" class="num">
        {d.attempts}
      </td>
      <td data-label="Last answer">{[d.lastStatus ?? '', d.lastError ?? ''].filter(Boolean).join(' · ') || '—'}</td>
      <td data-label={d.status === 'pending' ? 'Next try' : 'Finished'}>{d.status === 'pending' ? adminTime(d.nextAttemptAt) : adminTime(d.finishedAt)}</td>
    </tr>
  );
}

async function deliveriesPage(deps: AppDeps, c: Ctx) {
  const hook = await deps.store.webhooks.findById(Number(c.req.param('id')));
  if (!hook) return adminPage(c, { title: 'No such webhook', status: 404 }, <p>There is no such webhook. <a href="/admin/webhooks">All webhooks</a></p>);
  const before = /^\d{1,10}$/.test(c.req.query('before') ?? '') ? Number(c.req.query('before')) : undefined;
  const log = await deps.store.webhooks.deliveries(hook.id, { beforeId: before, limit: LOG_PAGE });
  const next = log.length === LOG_PAGE ? `/admin/webhooks/${hook.id}?before=${log.at(-1)!.id}` : null;
  return adminPage(
    c,
    { title: `Deliveries to ${hook.url}` },
    <>
      <p>
        <a href="/admin/webhooks">← Webhooks</a>
      </p>
      <h1>Deliveries</h1>
      <p class="url">{hook.url}</p>
      <p class="muted">
        Filter: {filterText(hook)}. Signing secret: <SecretState hook={hook} />.
      </p>
      {log.length === 0 ? (
        <p class="muted">{before === undefined ? 'Nothing delivered yet.' : 'No older deliveries.'}</p>
      ) : (
        <div class="table-wrap">
          <table class="responsive">
            <thead>
              <tr>
                <th>Queued</th>
                <th>Event</th>
                <th>Article</th>
                <th>Status</th>
                <th class="num">Attempts</th>
                <th>Last answer</th>
                <th>Next try / finished</th>
              </tr>
            </thead>
            <tbody>
              {log.map((d) => (
                <DeliveryRow d={d} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager next={next} />
    </>,
  );
}

function rotateForm(c: Ctx, hook: Webhook, state: { overlap: string; error?: string; status?: number } = { overlap: String(DEFAULT_ROTATION_OVERLAP_HOURS) }) {
  return adminPage(
    c,
    { title: 'Rotate webhook secret', status: state.status },
    <section class="confirm">
      <h1>Give this webhook a new signing secret?</h1>
      <p class="url">{hook.url}</p>
      <p>
        The new secret is shown once, on the next page: pass it to the partner. For the overlap below every delivery carries two signatures, one by the new secret and one by
        the old, so the partner’s receiver keeps accepting events while it switches. Set 0 if the old secret leaked: it then stops signing at once.
      </p>
      <form method="post" action={`/admin/webhooks/${hook.id}/rotate`} class="stacked">
        <CsrfFields token={c.get('csrfToken')} back={`/admin/webhooks/${hook.id}/rotate`} />
        <Field name="overlapHours" label="Overlap in hours" type="number" value={state.overlap} error={state.error} min={0} max={MAX_ROTATION_OVERLAP_HOURS} required />
        <div class="actions">
          <button type="submit" class="danger">
            Rotate secret
          </button>
          <a href="/admin/webhooks">Cancel</a>
        </div>
      </form>
    </section>,
  );
}

/** The Webhooks section (editors): every partner endpoint, its delivery log, and secret rotation (shown once). */
export function webhooksSection(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use('*', requireRole('editor'));
  const hookOf = (c: Ctx) => (/^\d{1,9}$/.test(c.req.param('id') ?? '') ? deps.store.webhooks.findById(Number(c.req.param('id'))) : Promise.resolve(undefined));
  const missing = (c: Ctx) => adminPage(c, { title: 'No such webhook', status: 404 }, <p>There is no such webhook. <a href="/admin/webhooks">All webhooks</a></p>);

  app.get('/', (c) => listPage(deps, c));
  app.get('/:id', async (c) => ((await hookOf(c)) ? deliveriesPage(deps, c) : missing(c)));
  app.get('/:id/rotate', async (c) => {
    const hook = await hookOf(c);
    return hook ? rotateForm(c, hook) : missing(c);
  });
  app.post('/:id/rotate', async (c) => {
    const hook = await hookOf(c);
    if (!hook) return missing(c);
    const overlap = ((await readForm(c, 100)).overlapHours ?? '').trim();
    const hours = /^\d{1,4}$/.test(overlap) ? Number(overlap) : Number.NaN;
    if (!(hours >= 0 && hours <= MAX_ROTATION_OVERLAP_HOURS)) {
      return rotateForm(c, hook, { overlap, error: `A whole number of hours from 0 to ${MAX_ROTATION_OVERLAP_HOURS}.`, status: 400 });
    }
    const { webhook, secret } = await rotateWebhookSecret(deps.store, webhookSecretsOf(deps), hook.id, { overlapHours: hours });
    await deps.store.audit.record({
      ...auditActor(c),
      action: 'webhook.secret_rotate',
      subjectType: 'webhook',
      subjectId: String(hook.id),
      providerId: null,
      summary: `Rotated the signing secret of webhook ${hook.id} (${hook.url}); the old one signs too for ${hours} h`,
    });
    return adminPage(
      c,
      { title: 'New webhook secret' },
      <>
        <p>
          <a href="/admin/webhooks">← Webhooks</a>
        </p>
        <section class="card" aria-labelledby="new-secret">
          <h1 id="new-secret">New signing secret</h1>
          <p class="url">{webhook.url}</p>
          <p>Copy it now and pass it to the partner: it is shown this once.</p>
          <p class="secret">{secret}</p>
          <p>
            {webhook.previousSecretUntil
              ? `Until ${adminTime(webhook.previousSecretUntil)} each delivery is signed with both the old and the new secret.`
              : 'The old secret no longer signs anything.'}
          </p>
        </section>
      </>,
    );
  });
  return app;
}
