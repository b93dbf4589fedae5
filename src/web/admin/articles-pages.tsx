import type { Context } from 'hono';
import { Hono } from 'hono';
import { articleStatuses, type ArticleStatus, type ArticleWithProvider } from '../../domain/article.js';
import { GazetteError } from '../../domain/errors.js';
import type { ArticleAdminCursor } from '../../domain/moderation.js';
import type { AppDeps } from '../deps.js';
import { categoriesOf } from '../page-context.js';
import { articlePath } from '../views/format.js';
import { actorOf } from './actor.js';
import { forbidden, mayActFor, providerScope, requireRole } from './admin-auth.js';
import type { AdminEnv } from './admin-env.js';
import { adminPage, doneRedirect } from './admin-page.js';
import { adminTime, ConfirmForm, Field, FormError, Pager, StatusChip, TextArea } from './admin-views.js';
import { CsrfFields } from './csrf-fields.js';
import { idParam, readForm } from './form-input.js';

type Ctx = Context<AdminEnv>;

const STATUS_LABEL: Record<ArticleStatus, string> = { published: 'Published', unpublished: 'Unpublished', taken_down: 'Taken down' };

/** GET /admin/articles: filter by status, provider and headline prefix; pages by cursor. */
async function listPage(deps: AppDeps, c: Ctx) {
  const user = c.get('user');
  const status = (articleStatuses as readonly string[]).includes(c.req.query('status') ?? '') ? (c.req.query('status') as ArticleStatus) : 'published';
  const scope = providerScope(user);
  const providers = scope === undefined ? await deps.store.providers.list() : [];
  const chosen = scope ?? providers.find((p) => p.slug === c.req.query('provider'))?.id;
  const prefix = (c.req.query('q') ?? '').slice(0, 200).trim();
  const after = c.req.query('after');
  const cursor: ArticleAdminCursor | undefined = after && /^\d{1,10}$/.test(after) ? { id: Number(after), headline: prefix ? (c.req.query('ah') ?? '') : undefined } : undefined;
  const { rows, next } = await deps.store.articles.adminPage({ status, providerId: chosen, headlinePrefix: prefix || undefined }, cursor, 50);
  const query = (extra: Record<string, string>) => {
    const q = new URLSearchParams({ status, ...(c.req.query('provider') && scope === undefined ? { provider: c.req.query('provider')! } : {}), ...(prefix ? { q: prefix } : {}), ...extra });
    return `/admin/articles?${q}`;
  };
  return adminPage(
    c,
    { title: user.role === 'provider' ? 'Your stories' : 'Articles' },
    <>
      <h1>{user.role === 'provider' ? 'Your stories' : 'Articles'}</h1>
      <form method="get" action="/admin/articles" class="filters" role="search">
        <label>
          Status
          <select name="status">
            {articleStatuses.map((s) => (
              <option value={s} selected={s === status}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        {scope === undefined && (
          <label>
            Provider
            <select name="provider">
              <option value="">All providers</option>
              {providers.map((p) => (
                <option value={p.slug} selected={p.id === chosen}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Headline starts with
          <input type="text" name="q" value={prefix} maxlength={200} />
        </label>
        <button type="submit">Filter</button>
      </form>
      {rows.length === 0 ? (
        <p class="muted">No {STATUS_LABEL[status].toLowerCase()} articles match.</p>
      ) : (
        <div class="table-wrap">
          <table class="responsive">
            <thead>
              <tr>
                <th>Headline</th>
                <th>Provider</th>
                <th>Status</th>
                <th>Published</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/admin/articles/${r.id}`}>{r.headline}</a>
                  </td>
                  <td data-label="Provider">{r.provider.name}</td>
                  <td data-label="Status">
                    <StatusChip status={r.status} label={STATUS_LABEL[r.status]} />
                  </td>
                  <td data-label="Published">{adminTime(r.publishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager next={next && query({ after: String(next.id), ...(next.headline !== undefined ? { ah: next.headline } : {}) })} />
    </>,
  );
}

interface EditState {
  values?: { headline: string; summary: string; categories: string[]; image?: { url: string; alt: string; caption: string; credit: string } };
  error?: string;
  status?: number;
}

/** GET /admin/articles/:id: the article, its edit form (editors), its status actions and its record. */
async function detailPage(deps: AppDeps, c: Ctx, article: ArticleWithProvider, state: EditState = {}) {
  const user = c.get('user');
  const token = c.get('csrfToken');
  const staff = user.role !== 'provider';
  const [categories, takedowns, log] = await Promise.all([
    categoriesOf(deps),
    deps.store.articles.takedownsOf(article.id),
    deps.store.audit.page({ subject: { type: 'article', id: String(article.id) } }, undefined, 20),
  ]);
  const lead = article.leadImage;
  const values = state.values ?? {
    headline: article.headline,
    summary: article.summary,
    categories: article.categories,
    image: { url: lead?.url ?? '', alt: lead?.alt ?? '', caption: lead?.caption ?? '', credit: lead?.credit ?? '' },
  };
  const base = `/admin/articles/${article.id}`;
  return adminPage(
    c,
    { title: `Article ${article.id}`, status: state.status },
    <>
      <p class="muted">
        <a href="/admin/articles">Articles</a> › {article.id}
      </p>
      <h1>{article.headline}</h1>
      <dl class="pairs">
        <dt>Status</dt>
        <dd>
          <StatusChip status={article.status} label={STATUS_LABEL[article.status]} />
        </dd>
        <dt>Provider</dt>
        <dd>{article.provider.name}</dd>
        <dt>Published</dt>
        <dd>{adminTime(article.publishedAt)}</dd>
        <dt>Guid</dt>
        <dd>{article.guid}</dd>
        <dt>Address</dt>
        <dd>
          <a href={articlePath(article)}>{articlePath(article)}</a> (never changes with an edit)
        </dd>
      </dl>
      <div class="actions">
        {article.status === 'published' ? (
          <>
            {staff && (
              <a class="button secondary" href={`${base}/unpublish`}>
                Unpublish…
              </a>
            )}
            <a class="button danger" href={`${base}/take-down`}>
              {staff ? 'Take down…' : 'Retract this story…'}
            </a>
          </>
        ) : (
          staff && (
            <a class="button" href={`${base}/restore`}>
              Restore…
            </a>
          )
        )}
      </div>
      {staff && (
        <section>
          <h2>Edit</h2>
          <FormError message={state.error} />
          <form method="post" action={base} class="stacked">
            <CsrfFields token={token} back={base} />
            <Field name="headline" label="Headline" value={values.headline} maxlength={1000} required />
            <TextArea name="summary" label="Summary" value={values.summary} maxlength={5000} />
            <fieldset>
              <legend>Lead picture</legend>
              <Field name="image_url" label="Picture URL (empty: no picture)" value={values.image?.url ?? ''} maxlength={8192} />
              <Field name="image_alt" label="Alt text" value={values.image?.alt ?? ''} maxlength={1000} />
              <Field name="image_caption" label="Caption" value={values.image?.caption ?? ''} maxlength={2000} />
              <Field name="image_credit" label="Credit" value={values.image?.credit ?? ''} maxlength={500} />
            </fieldset>
            <label for="field-primary">Primary category</label>
            <select id="field-primary" name="primary">
              <option value="">None</option>
              {categories.map((cat) => (
                <option value={cat.slug} selected={values.categories[0] === cat.slug}>
                  {cat.name}
                </option>
              ))}
            </select>
            <fieldset class="checks">
              <legend>Other categories</legend>
              {categories.map((cat) => (
                <label class="check">
                  <input type="checkbox" name="categories" value={cat.slug} checked={values.categories.slice(1).includes(cat.slug)} /> {cat.name}
                </label>
              ))}
            </fieldset>
            <button type="submit">Save changes</button>
          </form>
        </section>
      )}
      <section>
        <h2>Takedowns and unpublications</h2>
        {takedowns.length === 0 ? (
          <p class="muted">None.</p>
        ) : (
          <ul>
            {takedowns.map((t) => (
              <li>
                {STATUS_LABEL[t.status]} {adminTime(t.at)} by {t.actorLabel}: “{t.reason}”
                {t.restoredAt ? ` — ended ${adminTime(t.restoredAt)} by ${t.restoredBy ?? '—'}` : ' — in force'}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>History</h2>
        {log.length === 0 ? (
          <p class="muted">No editorial action yet.</p>
        ) : (
          <ul>
            {log.map((e) => (
              <li>
                {adminTime(e.at)} · {e.actorLabel} · {e.summary}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={`/admin/audit?subject=article:${article.id}`}>Full record in the audit log</a>
        </p>
      </section>
    </>,
  );
}

type Action = 'take-down' | 'unpublish' | 'restore';

/** GET /admin/articles/:id/{take-down,unpublish,restore}: the confirm step. */
function confirmPage(c: Ctx, article: ArticleWithProvider, action: Action, state: { reason?: string; error?: string; status?: number } = {}) {
  const base = `/admin/articles/${article.id}`;
  const provider = c.get('user').role === 'provider';
  const text = {
    'take-down': {
      question: provider ? `Retract “${article.headline}”?` : `Take down “${article.headline}”?`,
      consequences: 'It leaves the home page, every listing, search, feed, sitemap and API answer at once, and its address answers “410 Gone”. It is kept, with your reason, and can be restored.',
      label: provider ? 'Retract' : 'Take down',
    },
    unpublish: {
      question: `Unpublish “${article.headline}”?`,
      consequences: 'It leaves every listing, search, feed, sitemap and API answer at once; its address answers “not found”. It can be published again.',
      label: 'Unpublish',
    },
    restore: {
      question: `Restore “${article.headline}”?`,
      consequences: 'It is published again: back in its listings, feeds, sitemaps and API answers at once, at the same address.',
      label: 'Restore',
    },
  }[action];
  return adminPage(
    c,
    { title: text.label, status: state.status },
    <ConfirmForm
      action={`${base}/${action}`}
      token={c.get('csrfToken')}
      question={text.question}
      consequences={<p>{text.consequences}</p>}
      confirmLabel={text.label}
      cancelHref={base}
      reason={action === 'restore' ? undefined : { label: 'Reason (kept on record; not shown to readers)', value: state.reason, error: state.error }}
    />,
  );
}

/** The Articles section: list, detail and edit, and the confirmed status changes. */
export function articlesSection(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const editorOnly = requireRole('editor');

  /** The article of the URL, if this user may see it; otherwise the answer to give. */
  async function load(c: Ctx): Promise<ArticleWithProvider | Response> {
    const id = idParam(c);
    const article = id === undefined ? undefined : await deps.store.articles.findById(id);
    if (!article) return adminPage(c, { title: 'Not found', status: 404 }, <p>There is no article with this id.</p>);
    if (!mayActFor(c.get('user'), article.providerId)) return forbidden(c);
    return article;
  }

  app.get('/', (c) => listPage(deps, c));
  app.get('/:id', async (c) => {
    const article = await load(c);
    return article instanceof Response ? article : detailPage(deps, c, article);
  });
  app.post('/:id', editorOnly, async (c) => {
    const article = await load(c);
    if (article instanceof Response) return article;
    const form = await readForm(c);
    // The primary category first, then the others ticked, each once.
    const categories = [...new Set([form.primary ?? '', ...form.all('categories')].filter((slug) => slug !== ''))];
    // A form without the picture fields (an older page) leaves the picture as it is.
    const image = form.image_url === undefined ? undefined : { url: form.image_url, alt: form.image_alt ?? '', caption: form.image_caption ?? '', credit: form.image_credit ?? '' };
    const values = { headline: form.headline ?? '', summary: form.summary ?? '', categories, image };
    try {
      await deps.store.articles.edit(article.id, values, actorOf(c));
    } catch (error) {
      if (error instanceof GazetteError && error.code === 'VALIDATION_FAILED') return detailPage(deps, c, article, { values, error: error.message, status: 400 });
      throw error;
    }
    return doneRedirect(c, `/admin/articles/${article.id}`, 'Saved. The article’s pages, listings and feeds show the change now.');
  });

  for (const action of ['take-down', 'unpublish', 'restore'] as const) {
    // A provider user may retract its own story; unpublishing and restoring are editors' calls.
    const guard = action === 'take-down' ? requireRole('provider') : editorOnly;
    app.get(`/:id/${action}`, guard, async (c) => {
      const article = await load(c);
      return article instanceof Response ? article : confirmPage(c, article, action);
    });
    app.post(`/:id/${action}`, guard, async (c) => {
      const article = await load(c);
      if (article instanceof Response) return article;
      const form = await readForm(c, 2000);
      const actor = actorOf(c);
      try {
        if (action === 'restore') await deps.store.articles.restore(article.id, { actor });
        else if (action === 'take-down') await deps.store.articles.takeDown(article.id, { reason: form.reason ?? '', actor });
        else await deps.store.articles.unpublish(article.id, { reason: form.reason ?? '', actor });
      } catch (error) {
        if (error instanceof GazetteError && error.code === 'VALIDATION_FAILED') return confirmPage(c, article, action, { reason: form.reason, error: error.message, status: 400 });
        throw error;
      }
      const done = { 'take-down': 'Taken down: it is gone from every page, feed and API answer.', unpublish: 'Unpublished: it is hidden everywhere.', restore: 'Restored: it is published again.' }[action];
      return doneRedirect(c, `/admin/articles/${article.id}`, done);
    });
  }
  return app;
}
