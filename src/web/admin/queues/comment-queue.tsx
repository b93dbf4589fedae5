import { Hono, type Context } from 'hono';
import type { ModeratedComment, CommentStatus } from '../../../domain/comment.js';
import type { AppDeps } from '../../deps.js';
import { CommentText } from '../../views/comments-section.js';
import { articlePath, formatDateTime } from '../../views/format.js';
import { requireRole } from '../admin-auth.js';
import type { AdminEnv } from '../admin-env.js';
import { adminPage, doneRedirect } from '../admin-page.js';
import { CsrfFields } from '../csrf-fields.js';
import { registerCommentSettings } from './comment-settings.js';
import { afterParam, idParam, QueuePager, QueueTabs } from './queue-tabs.js';

type Ctx = Context<AdminEnv>;

const BASE = '/admin/queues/comments';
const STATUSES = [
  { value: 'pending', label: 'Waiting' },
  { value: 'approved', label: 'Approved' },
  { value: 'rejected', label: 'Rejected' },
] as const;
const HELD: Record<string, string> = { links: 'many links', moderation: 'needs approval' };

/**
 * The comment queue, for editors and admins: comments waiting for approval (oldest first),
 * and those already approved or rejected. Each can be approved, rejected, deleted (after a
 * confirm page), or its commenter blocked (after a confirm page); every action is audited in
 * the same transaction as the change.
 */
export function commentQueue(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use('*', requireRole('editor'));
  registerCommentSettings(app, deps);

  app.get('/', async (c) => {
    const status = (STATUSES.find((s) => s.value === c.req.query('status'))?.value ?? 'pending') as CommentStatus;
    const page = await deps.store.comments.queue(status, { after: afterParam(c.req.query('after')) });
    const back = `${BASE}?status=${status}`;
    return adminPage(
      c,
      { title: 'Comments queue' },
      <>
        <h1>Comments queue</h1>
        <p class="hint">
          Only approved comments appear under stories. <a href={`${BASE}/settings`}>Moderation settings</a>
        </p>
        <QueueTabs base={BASE} statuses={STATUSES} current={status} />
        {page.items.length === 0 ? (
          <p class="empty-queue">{status === 'pending' ? 'No comment is waiting. All caught up.' : 'None.'}</p>
        ) : (
          <ol class="queue">
            {page.items.map((comment) => (
              <li>
                <QueuedComment comment={comment} token={c.get('csrfToken')} back={back} />
              </li>
            ))}
          </ol>
        )}
        <QueuePager base={BASE} status={status} next={page.next} />
      </>,
    );
  });

  for (const action of ['approve', 'reject'] as const) {
    app.post(`/:id/${action}`, async (c) => {
      const id = idParam(c.req.param('id'));
      const user = c.get('user');
      const done = id === undefined ? undefined : await deps.store.transaction(async (tx) => {
        const before = await tx.comments.findById(id);
        const after = await tx.comments.moderate(id, action, user.email);
        if (before && after && before.status !== after.status) {
          await tx.audit.record({
            actorId: user.id,
            actorLabel: user.email,
            action: `comment.${action}`,
            subjectType: 'comment',
            subjectId: String(id),
            providerId: before.article.providerId,
            summary: `${action === 'approve' ? 'Approved' : 'Rejected'} a comment by ${before.authorName} on “${before.article.headline}”`,
            before: { status: before.status },
            after: { status: after.status },
          });
        }
        return after;
      });
      if (!done) return notFoundComment(c);
      return doneRedirect(c, backOf(c), action === 'approve' ? `Approved the comment by ${done.authorName}.` : `Rejected the comment by ${done.authorName}.`);
    });
  }

  app.get('/:id/delete', (c) => confirmPage(c, 'delete'));
  app.get('/:id/block', (c) => confirmPage(c, 'block'));

  app.post('/:id/delete', async (c) => {
    const id = idParam(c.req.param('id'));
    const user = c.get('user');
    const comment = id === undefined ? undefined : await deps.store.comments.findById(id);
    if (!comment) return notFoundComment(c);
    await deps.store.transaction(async (tx) => {
      await tx.comments.delete(comment.id);
      await tx.audit.record({
        actorId: user.id,
        actorLabel: user.email,
        action: 'comment.delete',
        subjectType: 'comment',
        subjectId: String(comment.id),
        providerId: comment.article.providerId,
        summary: `Deleted a comment by ${comment.authorName} on “${comment.article.headline}”, with its replies`,
        before: { status: comment.status, authorName: comment.authorName, body: comment.body },
      });
    });
    return doneRedirect(c, backOf(c), `Deleted the comment by ${comment.authorName}.`);
  });

  app.post('/:id/block', async (c) => {
    const id = idParam(c.req.param('id'));
    const user = c.get('user');
    const comment = id === undefined ? undefined : await deps.store.comments.findById(id);
    if (!comment) return notFoundComment(c);
    const rejected = await deps.store.transaction(async (tx) => {
      const n = (await tx.comments.blockCommenter(comment.id, user.email)) ?? 0;
      await tx.audit.record({
        actorId: user.id,
        actorLabel: user.email,
        action: 'comment.block',
        subjectType: 'comment',
        subjectId: String(comment.id),
        providerId: comment.article.providerId,
        summary: `Blocked the commenter ${comment.authorName}; ${n} waiting comment${n === 1 ? '' : 's'} rejected`,
        after: { blocked: true, rejectedPending: n },
      });
      return n;
    });
    return doneRedirect(c, backOf(c), `Blocked ${comment.authorName}: new comments from them are refused; ${rejected} waiting comment${rejected === 1 ? ' was' : 's were'} rejected.`);
  });

  async function confirmPage(c: Ctx, action: 'delete' | 'block') {
    const id = idParam(c.req.param('id'));
    const comment = id === undefined ? undefined : await deps.store.comments.findById(id);
    if (!comment) return notFoundComment(c);
    const back = backOf(c);
    const title = action === 'delete' ? 'Delete this comment?' : `Block ${comment.authorName}?`;
    return adminPage(
      c,
      { title },
      <section class="confirm">
        <h1>{title}</h1>
        <CommentCard comment={comment} />
        <p>
          {action === 'delete'
            ? 'The comment and its replies are removed for good. Rejecting it instead keeps a record.'
            : 'New comments from this commenter’s browser and from their connection are refused, and their waiting comments are rejected.'}
        </p>
        <form method="post" action={`${BASE}/${comment.id}/${action}?back=${encodeURIComponent(back)}`} class="actions">
          <CsrfFields token={c.get('csrfToken')} back={back} />
          <button type="submit" class="danger">
            {action === 'delete' ? 'Delete the comment' : 'Block the commenter'}
          </button>
          <a href={back}>Cancel</a>
        </form>
      </section>,
    );
  }

  return app;
}

/** Where to return after an action: the queue page the form came from. */
function backOf(c: Ctx): string {
  const back = c.req.query('back') ?? '';
  return /^\/admin\/queues\/comments(\?status=[a-z]+(&after=\d+)?)?$/.test(back) ? back : BASE;
}

function notFoundComment(c: Ctx) {
  return adminPage(c, { title: 'No such comment', status: 404 }, <p>There is no such comment; it may have been deleted.</p>);
}

/** A comment as moderators read it: who (with the private email), where, when, why it waits, and the text. */
function CommentCard(props: { comment: ModeratedComment }) {
  const c = props.comment;
  return (
    <article class="queued-comment" aria-label={`Comment by ${c.authorName}`}>
      <p class="queue-meta">
        <strong>{c.authorName}</strong>
        {c.authorEmail && <span class="muted"> · {c.authorEmail} (not public)</span>} ·{' '}
        <time datetime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt)}</time>
        {c.status === 'pending' && c.heldReason && (
          <>
            {' '}
            <span class="status status-held">{HELD[c.heldReason] ?? c.heldReason}</span>
          </>
        )}
        {c.parentId !== null && <span class="muted"> · a reply</span>}
      </p>
      <p class="queue-article">
        On{' '}
        {c.article.status === 'published' ? (
          <a href={`${articlePath(c.article)}#comment-${c.id}`}>{c.article.headline}</a>
        ) : (
          <>
            {c.article.headline} <span class={`status status-${c.article.status}`}>{c.article.status.replace('_', ' ')}</span>
          </>
        )}
      </p>
      <CommentText text={c.body} />
      {c.moderatedBy && (
        <p class="muted">
          {c.status === 'approved' ? 'Approved' : 'Rejected'} by {c.moderatedBy}
          {c.moderatedAt && ` on ${formatDateTime(c.moderatedAt)}`}
        </p>
      )}
    </article>
  );
}

/** One queued comment with its actions. */
function QueuedComment(props: { comment: ModeratedComment; token: string; back: string }) {
  const c = props.comment;
  const action = (name: string) => `${BASE}/${c.id}/${name}?back=${encodeURIComponent(props.back)}`;
  return (
    <div class="card">
      <CommentCard comment={c} />
      <div class="actions">
        {c.status !== 'approved' && (
          <form method="post" action={action('approve')} class="inline">
            <CsrfFields token={props.token} back={props.back} />
            <button type="submit">Approve</button>
          </form>
        )}
        {c.status !== 'rejected' && (
          <form method="post" action={action('reject')} class="inline">
            <CsrfFields token={props.token} back={props.back} />
            <button type="submit" class="secondary">
              Reject
            </button>
          </form>
        )}
        <a class="button secondary" href={action('delete')}>
          Delete…
        </a>
        <a class="button secondary" href={action('block')}>
          Block commenter…
        </a>
      </div>
    </div>
  );
}
