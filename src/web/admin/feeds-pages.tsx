import type { Context } from 'hono';
import { Hono } from 'hono';
import { GazetteError } from '../../domain/errors.js';
import type { Feed } from '../../domain/feed.js';
import type { Provider } from '../../domain/provider.js';
import { hasUnsafeText } from '../../domain/text-safety.js';
import type { AppDeps } from '../deps.js';
import { auditActor } from './actor.js';
import { forbidden, mayActFor, providerScope } from './admin-auth.js';
import type { AdminEnv } from './admin-env.js';
import { adminPage, doneRedirect } from './admin-page.js';
import { adminTime, ConfirmForm, Field, FormError, PostButton, StatusChip } from './admin-views.js';
import { CsrfFields } from './csrf-fields.js';
import { idParam, readForm, type FormFields } from './form-input.js';

type Ctx = Context<AdminEnv>;

/** How often a feed may be polled: every minute at most, every week at least. */
const MIN_INTERVAL_MINUTES = 1;
const MAX_INTERVAL_MINUTES = 7 * 24 * 60;

/** A feed's state in one word: paused, failing (its last poll failed) or ok. */
function stateOf(feed: Feed): { status: string; label: string } {
  if (feed.pausedAt) return { status: 'paused', label: 'paused' };
  if (feed.consecutiveFailures > 0) return { status: 'failing', label: `failing ×${feed.consecutiveFailures}` };
  return { status: 'ok', label: feed.lastSuccessAt ? 'ok' : 'not polled yet' };
}

interface FeedFormState {
  values: { provider: string; url: string; interval: string; allowPrivate: boolean; fullText: boolean };
  errors: Record<string, string>;
}

/** Checks the feed form. Only editors may let a feed reach private addresses (the SSRF guard stands aside for it). */
function parseFeedForm(form: FormFields, mayAllowPrivate: boolean) {
  const values = { provider: form.provider ?? '', url: (form.url ?? '').trim(), interval: (form.interval ?? '').trim(), allowPrivate: mayAllowPrivate && form.allowPrivate === 'yes', fullText: form.fullText === 'yes' };
  const errors: Record<string, string> = {};
  let url: URL | undefined;
  try {
    url = new URL(values.url);
  } catch {
    errors.url = 'A full address, such as https://agency.example/feed.xml.';
  }
  if (url && !/^https?:$/.test(url.protocol)) errors.url = 'Only http and https feeds can be polled.';
  if (values.url.length > 2000) errors.url = 'An address has at most 2,000 characters.';
  if (hasUnsafeText(values.url)) errors.url = 'Contains control or invisible characters.';
  const minutes = /^\d{1,6}$/.test(values.interval) ? Number(values.interval) : Number.NaN;
  if (!(minutes >= MIN_INTERVAL_MINUTES && minutes <= MAX_INTERVAL_MINUTES)) errors.interval = `A whole number of minutes from ${MIN_INTERVAL_MINUTES} to ${MAX_INTERVAL_MINUTES}.`;
  return { values, errors, ok: Object.keys(errors).length === 0, seconds: minutes * 60 };
}

function FeedFields(props: { state: FeedFormState; providers?: Provider[]; mayAllowPrivate: boolean }) {
  const { values, errors } = props.state;
  return (
    <>
      {props.providers && (
        <>
          <label for="field-provider">Provider</label>
          <select id="field-provider" name="provider" required>
            {props.providers.map((p) => (
              <option value={p.slug} selected={p.slug === values.provider}>
                {p.name}
              </option>
            ))}
          </select>
          {errors.provider && <span class="field-error">{errors.provider}</span>}
        </>
      )}
      <Field name="url" label="Feed address (RSS, Atom or JSON Feed)" type="url" value={values.url} error={errors.url} maxlength={2000} required />
      <Field name="interval" label="Poll every (minutes)" type="number" value={values.interval} error={errors.interval} min={MIN_INTERVAL_MINUTES} max={MAX_INTERVAL_MINUTES} required />
      <label class="check">
        <input type="checkbox" name="fullText" value="yes" checked={values.fullText} /> Items are teasers: fetch each article’s page for the full text
      </label>
      {props.mayAllowPrivate && (
        <label class="check">
          <input type="checkbox" name="allowPrivate" value="yes" checked={values.allowPrivate} /> Allow private and local addresses (only for a feed inside your own network)
        </label>
      )}
    </>
  );
}

async function listPage(deps: AppDeps, c: Ctx) {
  const user = c.get('user');
  const scope = providerScope(user);
  const providers = await deps.store.providers.list();
  const byId = new Map(providers.map((p) => [p.id, p]));
  const chosen = scope ?? providers.find((p) => p.slug === c.req.query('provider'))?.id;
  const feeds = await deps.store.feeds.list(chosen);
  return adminPage(
    c,
    { title: 'Feeds' },
    <>
      <h1>Feeds</h1>
      <p>
        <a class="button" href="/admin/feeds/new">
          Add a feed
        </a>
      </p>
      {feeds.length === 0 ? (
        <p class="muted">No feeds yet.</p>
      ) : (
        <div class="table-wrap">
          <table class="responsive">
            <thead>
              <tr>
                <th>Feed</th>
                <th>Provider</th>
                <th>Health</th>
                <th>Last error</th>
                <th>Last poll</th>
                <th class="num">Items (last poll)</th>
                <th>Every</th>
              </tr>
            </thead>
            <tbody>
              {feeds.map((f) => {
                const state = stateOf(f);
                return (
                  <tr>
                    <td>
                      <a href={`/admin/feeds/${f.id}`}>{f.title ?? f.url}</a>
                      {f.title && <div class="hint">{f.url}</div>}
                    </td>
                    <td data-label="Provider">{byId.get(f.providerId)?.name ?? f.providerId}</td>
                    <td data-label="Health">
                      <StatusChip status={state.status} label={state.label} />
                    </td>
                    <td data-label="Last error">{f.lastError ?? '—'}</td>
                    <td data-label="Last poll">{adminTime(f.lastFetchAt)}</td>
                    <td data-label="Items (last poll)" class="num">
                      {f.itemsSeen} read, {f.itemsNew} new
                    </td>
                    <td data-label="Every">{Math.round(f.pollIntervalSeconds / 60)} min</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>,
  );
}

async function newPage(deps: AppDeps, c: Ctx, state?: FeedFormState, status = 200) {
  const user = c.get('user');
  const providers = user.role === 'provider' ? undefined : await deps.store.providers.list();
  const values = state ?? { values: { provider: c.req.query('provider') ?? '', url: '', interval: '15', allowPrivate: false, fullText: false }, errors: {} };
  return adminPage(
    c,
    { title: 'Add a feed', status },
    <>
      <h1>Add a feed</h1>
      <FormError message={Object.keys(values.errors).length > 0 ? 'Some fields need a change; see below.' : undefined} />
      <form method="post" action="/admin/feeds" class="stacked">
        <CsrfFields token={c.get('csrfToken')} back="/admin/feeds" />
        <FeedFields state={values} providers={providers} mayAllowPrivate={user.role !== 'provider'} />
        <button type="submit">Add feed</button>
      </form>
    </>,
  );
}

async function detailPage(deps: AppDeps, c: Ctx, feed: Feed, state?: FeedFormState, status = 200) {
  const user = c.get('user');
  const token = c.get('csrfToken');
  const provider = await deps.store.providers.findById(feed.providerId);
  const base = `/admin/feeds/${feed.id}`;
  const health = stateOf(feed);
  const form = state ?? { values: { provider: provider?.slug ?? '', url: feed.url, interval: String(Math.round(feed.pollIntervalSeconds / 60)), allowPrivate: feed.allowPrivate, fullText: feed.fullText }, errors: {} };
  return adminPage(
    c,
    { title: `Feed ${feed.id}`, status },
    <>
      <p class="muted">
        <a href="/admin/feeds">Feeds</a> › {feed.id}
      </p>
      <h1>{feed.title ?? feed.url}</h1>
      <dl class="pairs">
        <dt>Provider</dt>
        <dd>{provider?.name ?? feed.providerId}</dd>
        <dt>Health</dt>
        <dd>
          <StatusChip status={health.status} label={health.label} />
        </dd>
        <dt>Last error</dt>
        <dd>{feed.lastError ?? '—'}</dd>
        <dt>Last poll</dt>
        <dd>
          {adminTime(feed.lastFetchAt)}
          {feed.lastStatus !== null && ` (HTTP ${feed.lastStatus})`}
        </dd>
        <dt>Last success</dt>
        <dd>{adminTime(feed.lastSuccessAt)}</dd>
        <dt>Items in the last poll</dt>
        <dd>
          {feed.itemsSeen} read, {feed.itemsNew} new, {feed.itemsUpdated} updated
        </dd>
        <dt>Next poll</dt>
        <dd>{feed.pausedAt ? `paused since ${adminTime(feed.pausedAt)}` : adminTime(feed.nextPollAt)}</dd>
      </dl>
      <div class="actions">
        {feed.pausedAt ? (
          <PostButton action={`${base}/resume`} token={token} back={base} label="Resume" />
        ) : (
          <PostButton action={`${base}/pause`} token={token} back={base} label="Pause" secondary />
        )}
        <PostButton action={`${base}/poll`} token={token} back={base} label="Poll now" secondary />
        <a class="button danger" href={`${base}/remove`}>
          Remove…
        </a>
      </div>
      <section>
        <h2>Settings</h2>
        <FormError message={Object.keys(form.errors).length > 0 ? 'Some fields need a change; see below.' : undefined} />
        <form method="post" action={base} class="stacked">
          <CsrfFields token={token} back={base} />
          <FeedFields state={form} mayAllowPrivate={user.role !== 'provider'} />
          <button type="submit">Save</button>
        </form>
      </section>
    </>,
  );
}

/** The Feeds section: list with health, add, edit URL and interval, pause and resume, poll now, remove. */
export function feedsSection(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  async function load(c: Ctx): Promise<Feed | Response> {
    const id = idParam(c);
    const feed = id === undefined ? undefined : await deps.store.feeds.findById(id);
    if (!feed) return adminPage(c, { title: 'Not found', status: 404 }, <p>There is no such feed.</p>);
    if (!mayActFor(c.get('user'), feed.providerId)) return forbidden(c);
    return feed;
  }

  /** Records a feed action in the audit log. */
  const audit = (c: Ctx, feed: Feed, action: string, summary: string, before?: unknown, after?: unknown) =>
    deps.store.audit.record({ ...auditActor(c), action: `feed.${action}`, subjectType: 'feed', subjectId: String(feed.id), providerId: feed.providerId, summary, before, after });

  app.get('/', (c) => listPage(deps, c));
  app.get('/new', (c) => newPage(deps, c));
  app.post('/', async (c) => {
    const user = c.get('user');
    const parsed = parseFeedForm(await readForm(c), user.role !== 'provider');
    const provider = user.role === 'provider' ? await deps.store.providers.findById(user.providerId!) : await deps.store.providers.findBySlug(parsed.values.provider);
    if (!provider) parsed.errors.provider = 'Choose a provider.';
    if (!provider || Object.keys(parsed.errors).length > 0) return newPage(deps, c, parsed, 400);
    let feed: Feed;
    try {
      feed = await deps.store.feeds.create({ providerId: provider.id, url: parsed.values.url, pollIntervalSeconds: parsed.seconds, allowPrivate: parsed.values.allowPrivate, fullText: parsed.values.fullText });
    } catch (error) {
      if (error instanceof GazetteError && error.code === 'BAD_REQUEST') return newPage(deps, c, { ...parsed, errors: { url: error.message } }, 409);
      throw error;
    }
    await audit(c, feed, 'create', `Added feed ${feed.url} for ${provider.name}`, undefined, { url: feed.url, intervalSeconds: feed.pollIntervalSeconds, allowPrivate: feed.allowPrivate });
    return doneRedirect(c, `/admin/feeds/${feed.id}`, 'Feed added. It is polled within a minute.');
  });

  app.get('/:id', async (c) => {
    const feed = await load(c);
    return feed instanceof Response ? feed : detailPage(deps, c, feed);
  });
  app.post('/:id', async (c) => {
    const feed = await load(c);
    if (feed instanceof Response) return feed;
    const staff = c.get('user').role !== 'provider';
    const parsed = parseFeedForm(await readForm(c), staff);
    if (!parsed.ok) return detailPage(deps, c, feed, parsed, 400);
    const allowPrivate = staff ? parsed.values.allowPrivate : feed.allowPrivate;
    const updated = await deps.store.feeds.update(feed.id, { url: parsed.values.url, pollIntervalSeconds: parsed.seconds, allowPrivate, fullText: parsed.values.fullText });
    await audit(
      c,
      feed,
      'update',
      `Changed feed ${feed.id}`,
      { url: feed.url, intervalSeconds: feed.pollIntervalSeconds, allowPrivate: feed.allowPrivate, fullText: feed.fullText },
      { url: updated.url, intervalSeconds: updated.pollIntervalSeconds, allowPrivate: updated.allowPrivate, fullText: updated.fullText },
    );
    return doneRedirect(c, `/admin/feeds/${feed.id}`, 'Saved.');
  });

  app.post('/:id/pause', async (c) => {
    const feed = await load(c);
    if (feed instanceof Response) return feed;
    if (!feed.pausedAt) {
      await deps.store.feeds.update(feed.id, { pausedAt: new Date() });
      await audit(c, feed, 'pause', `Paused feed ${feed.url}`);
    }
    return doneRedirect(c, `/admin/feeds/${feed.id}`, 'Paused: it is not polled until you resume it.');
  });
  app.post('/:id/resume', async (c) => {
    const feed = await load(c);
    if (feed instanceof Response) return feed;
    if (feed.pausedAt) {
      await deps.store.feeds.update(feed.id, { pausedAt: null, nextPollAt: new Date() });
      await audit(c, feed, 'resume', `Resumed feed ${feed.url}`);
    }
    return doneRedirect(c, `/admin/feeds/${feed.id}`, 'Resumed: it is polled within a minute.');
  });
  app.post('/:id/poll', async (c) => {
    const feed = await load(c);
    if (feed instanceof Response) return feed;
    // The node that runs the scheduler polls it on its next round (every 15 s), whichever node took this request.
    await deps.store.feeds.update(feed.id, { nextPollAt: new Date() });
    await audit(c, feed, 'poll', `Asked for a poll of ${feed.url}`);
    return doneRedirect(c, `/admin/feeds/${feed.id}`, feed.pausedAt ? 'This feed is paused: resume it to poll it.' : 'It will be polled within 15 seconds; reload this page to see the result.');
  });
  app.get('/:id/remove', async (c) => {
    const feed = await load(c);
    if (feed instanceof Response) return feed;
    return adminPage(
      c,
      { title: 'Remove feed' },
      <ConfirmForm
        action={`/admin/feeds/${feed.id}/remove`}
        token={c.get('csrfToken')}
        question={`Remove the feed ${feed.url}?`}
        consequences={<p>Gazette stops polling it. The articles it brought stay published.</p>}
        confirmLabel="Remove feed"
        cancelHref={`/admin/feeds/${feed.id}`}
      />,
    );
  });
  app.post('/:id/remove', async (c) => {
    const feed = await load(c);
    if (feed instanceof Response) return feed;
    await deps.store.feeds.remove(feed.id);
    await audit(c, feed, 'remove', `Removed feed ${feed.url}`, { url: feed.url }, undefined);
    return doneRedirect(c, '/admin/feeds', `Feed ${feed.id} is removed; its articles stay.`);
  });
  return app;
}
