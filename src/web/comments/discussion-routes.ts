import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { ArticleWithProvider } from '../../domain/article.js';
import type { AppDeps } from '../deps.js';
import { isSecure } from '../admin/admin-cookies.js';
import { clientAddress } from '../middleware/rate-limit.js';
import { badRequest } from '../pages/bad-request-page.js';
import { commentFormPage } from '../pages/comment-form-page.js';
import { notFound } from '../pages/not-found-page.js';
import { reportFormPage } from '../pages/report-form-page.js';
import { readLimitedBody } from '../read-limited-body.js';
import { articlePath } from '../views/format.js';
import { discussionPaths } from './article-discussion.js';
import { COMMENTER_COOKIE, COMMENTER_COOKIE_MAX_AGE_S, issueFormToken, newCommenterToken, readCommenterToken } from './form-token.js';
import { formSecretOf } from './form-secret.js';
import { commentPurpose, submitComment } from './submit-comment.js';
import { complaintPurpose, submitComplaint } from './submit-complaint.js';

/** A form post is a few kilobytes; this leaves room for 4,000 characters of any script, percent-encoded. */
const MAX_FORM_BYTES = 64 * 1024;

/** The published article a discussion route is about, or undefined (taken down, unknown: its comments are hidden with it). */
async function publishedArticle(deps: AppDeps, c: Context): Promise<ArticleWithProvider | undefined> {
  const id = c.req.param('id') ?? '';
  const article = /^\d{1,10}$/.test(id) ? await deps.store.articles.findById(Number(id)) : undefined;
  return article?.status === 'published' ? article : undefined;
}

/** The form fields of a post, or a response refusing it (too large, not a form). */
async function readForm(deps: AppDeps, c: Context): Promise<URLSearchParams | Response> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) return badRequest(deps, c, 'This address takes the site’s own forms only.');
  const body = await readLimitedBody(c.req.raw, MAX_FORM_BYTES);
  if (body.kind === 'too-large') {
    const page = await badRequest(deps, c, 'What you sent is far longer than any field allows. Please shorten it and try again.');
    return new Response(page.body, { status: 413, headers: page.headers });
  }
  return new URLSearchParams(Buffer.from(body.bytes).toString('utf8'));
}

/** POST /article/:id/:slug/comments — a reader's comment; on success back to the article (post, redirect, get). */
export function postComment(deps: AppDeps) {
  return async (c: Context) => {
    const article = await publishedArticle(deps, c);
    if (!article) return notFound(deps, c, 'There is no such story, or it is no longer published.');
    const form = await readForm(deps, c);
    if (form instanceof Response) return form;
    const secret = await formSecretOf(deps.store);
    const fields = { name: form.get('name') ?? '', email: form.get('email') ?? '', body: form.get('body') ?? '', parentId: form.get('parentId') ?? '' };
    const outcome = await submitComment(deps.store, secret, article, {
      fields,
      token: form.get('token') ?? '',
      honeypot: form.get('website') ?? '',
      clientAddress: clientAddress(c),
      commenterToken: commenterTokenOf(deps, c),
    });
    if (outcome.kind === 'trapped') return c.redirect(`${articlePath(article)}?comment=pending#comments`, 303);
    if (outcome.kind === 'saved') {
      const shown = outcome.status === 'approved' ? 'published' : 'pending';
      return c.redirect(`${articlePath(article)}?comment=${shown}#comments`, 303);
    }
    const replyTo = fields.parentId && /^\d{1,10}$/.test(fields.parentId) ? await replyTarget(deps, article, Number(fields.parentId)) : undefined;
    const settings = await deps.store.comments.settingsFor(article.providerId);
    return commentFormPage(
      deps,
      c,
      article,
      {
        action: discussionPaths(article).comments,
        token: issueFormToken(secret, commentPurpose(article.id)),
        values: fields,
        errors: outcome.errors,
        replyTo,
        moderated: settings.requireApproval,
      },
      outcome.status,
    );
  };
}

/**
 * The commenter token this browser sends, or a new one; either way the answer (re)sets the
 * cookie for a year, so a commenter's trust follows their browser and nothing else.
 */
function commenterTokenOf(deps: AppDeps, c: Context): string {
  const token = readCommenterToken(getCookie(c, COMMENTER_COOKIE)) ?? newCommenterToken();
  setCookie(c, COMMENTER_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isSecure(c, deps.config.publicUrl), maxAge: COMMENTER_COOKIE_MAX_AGE_S });
  return token;
}

/** GET /article/:id/:slug/reply?reply=<comment id> — the form answering one comment. */
export function replyForm(deps: AppDeps) {
  return async (c: Context) => {
    const article = await publishedArticle(deps, c);
    if (!article) return notFound(deps, c, 'There is no such story, or it is no longer published.');
    const reply = c.req.query('reply') ?? '';
    const replyTo = /^\d{1,10}$/.test(reply) ? await replyTarget(deps, article, Number(reply)) : undefined;
    if (!replyTo) return notFound(deps, c, 'This comment is not shown, so it cannot be answered.');
    const [secret, settings] = await Promise.all([formSecretOf(deps.store), deps.store.comments.settingsFor(article.providerId)]);
    if (!settings.enabled) return c.redirect(`${articlePath(article)}#comments`, 303);
    return commentFormPage(deps, c, article, {
      action: discussionPaths(article).comments,
      token: issueFormToken(secret, commentPurpose(article.id)),
      replyTo,
      moderated: settings.requireApproval,
    });
  };
}

/** An approved comment of this article, to answer. */
async function replyTarget(deps: AppDeps, article: ArticleWithProvider, id: number) {
  const comment = await deps.store.comments.findById(id);
  return comment && comment.articleId === article.id && comment.status === 'approved'
    ? { id: comment.id, articleId: comment.articleId, parentId: comment.parentId, authorName: comment.authorName, body: comment.body, createdAt: comment.createdAt }
    : undefined;
}

/** POST /article/:id/:slug/report — a reader's report about the story, for its provider and the editors. */
export function postReport(deps: AppDeps) {
  return async (c: Context) => {
    const article = await publishedArticle(deps, c);
    if (!article) return notFound(deps, c, 'There is no such story, or it is no longer published.');
    const form = await readForm(deps, c);
    if (form instanceof Response) return form;
    const secret = await formSecretOf(deps.store);
    const fields = { kind: form.get('kind') ?? '', message: form.get('message') ?? '', email: form.get('email') ?? '' };
    const outcome = await submitComplaint(deps.store, secret, article, {
      fields,
      token: form.get('token') ?? '',
      honeypot: form.get('website') ?? '',
      clientAddress: clientAddress(c),
    });
    if (outcome.kind !== 'refused') return c.redirect(`${articlePath(article)}?report=received#report`, 303);
    return reportFormPage(
      deps,
      c,
      article,
      {
        action: discussionPaths(article).report,
        token: issueFormToken(secret, complaintPurpose(article.id)),
        providerName: article.provider.name,
        values: fields,
        errors: outcome.errors,
      },
      outcome.status,
    );
  };
}
