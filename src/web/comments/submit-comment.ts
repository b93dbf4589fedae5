import type { ArticleWithProvider } from '../../domain/article.js';
import { commentFormSchema, type CommentForm, type CommentStatus } from '../../domain/comment.js';
import { COMMENT_RATE_LIMIT, COMMENT_RATE_WINDOW_MS, decideCommentStatus, isLinkHeavy, withinRateLimit } from '../../domain/comment-policy.js';
import type { Store } from '../../store/store.js';
import { checkFormToken, commenterKey, submissionKey, visitorHash } from './form-token.js';

/** The comment form's fields as sent, kept to show again when something is wrong. */
export interface CommentFields {
  name: string;
  email: string;
  body: string;
  parentId: string;
}

/** Field name → what is wrong with it; `form` for what concerns the whole form. */
export type FieldErrors = Partial<Record<keyof CommentFields | 'form', string>>;

/** What became of a submitted comment. */
export type CommentOutcome =
  | { kind: 'saved'; status: CommentStatus; duplicate: boolean }
  /** The honeypot was filled: a bot. It is told what a person would be, and nothing is kept. */
  | { kind: 'trapped' }
  | { kind: 'refused'; status: 400 | 403 | 422 | 429; errors: FieldErrors };

/** The submission as the route read it. */
export interface CommentSubmission {
  fields: CommentFields;
  token: string;
  honeypot: string;
  clientAddress: string;
  /** The commenter's token from their cookie, or a new one the route sets with the answer. */
  commenterToken: string;
  now?: Date;
}

/** The form purpose a comment token is signed for: one article's comment form. */
export const commentPurpose = (articleId: number) => `comment:${articleId}`;

/**
 * Checks and keeps one reader's comment on a published article: the form token, the
 * honeypot, the fields, blocks, the per-visitor rate limit, then the moderation decision.
 * Every refusal says what to do, and the route shows the form again with what was typed.
 */
export async function submitComment(store: Store, secret: string, article: ArticleWithProvider, submission: CommentSubmission): Promise<CommentOutcome> {
  const now = submission.now ?? new Date();
  if (submission.honeypot.trim() !== '') return { kind: 'trapped' };
  const token = checkFormToken(secret, commentPurpose(article.id), submission.token, now.getTime());
  if (token !== 'ok') {
    const form = token === 'expired' ? 'This form was open too long. Your comment is below: please send it again.' : 'This form could not be checked. Your comment is below: please send it again.';
    return { kind: 'refused', status: 400, errors: { form } };
  }
  const settings = await store.comments.settingsFor(article.providerId);
  if (!settings.enabled) return { kind: 'refused', status: 403, errors: { form: 'Comments are closed on this story.' } };

  const parsed = commentFormSchema.safeParse(submission.fields);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = (issue.path[0] === 'parentId' ? 'form' : issue.path[0]) as keyof FieldErrors;
      errors[field] ??= issue.message;
    }
    return { kind: 'refused', status: 422, errors };
  }
  const form: CommentForm = parsed.data;
  const parentId = await threadParent(store, article.id, form.parentId);
  if (parentId === 'missing') return { kind: 'refused', status: 422, errors: { form: 'The comment you answer is no longer shown. Your text is below.' } };

  const visitor = visitorHash(secret, submission.clientAddress);
  const commenter = commenterKey(secret, submission.commenterToken);
  if (await store.comments.isBlocked([visitor, commenter])) {
    return { kind: 'refused', status: 403, errors: { form: 'Comments from you are not accepted on this site.' } };
  }
  const key = submissionKey(submission.token, visitor, [form.name, form.email ?? '', form.body, String(parentId ?? '')]);
  // A double click arrives after the first copy was kept: it is the same submission, not one too many.
  const kept = await store.comments.findSubmission(key);
  if (kept) return { kind: 'saved', status: kept.status, duplicate: true };
  const recent = await store.comments.countFromVisitorSince(visitor, new Date(now.getTime() - COMMENT_RATE_WINDOW_MS));
  if (!withinRateLimit(recent, COMMENT_RATE_LIMIT)) {
    return { kind: 'refused', status: 429, errors: { form: `You have sent ${COMMENT_RATE_LIMIT} comments in the last few minutes. Please wait a little and send this one again; it is kept below.` } };
  }
  const decision = decideCommentStatus({
    settings,
    linkHeavy: isLinkHeavy(form.name, form.body),
    approvedFromCommenter: await store.comments.approvedFromCommenter(commenter),
  });
  const saved = await store.comments.create({
    articleId: article.id,
    parentId,
    authorName: form.name,
    authorEmail: form.email,
    body: form.body,
    ...decision,
    commenterKey: commenter,
    visitorHash: visitor,
    submissionKey: key,
    createdAt: now,
  });
  return { kind: 'saved', status: saved.status, duplicate: saved.kind === 'duplicate' };
}

/** The top-level comment a reply joins (replies to a reply join its parent: one level deep). */
async function threadParent(store: Store, articleId: number, parentId: number | null): Promise<number | null | 'missing'> {
  if (parentId === null) return null;
  const parent = await store.comments.findById(parentId);
  if (!parent || parent.articleId !== articleId || parent.status !== 'approved') return 'missing';
  return parent.parentId ?? parent.id;
}
