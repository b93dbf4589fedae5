import type { PublicComment } from '../../domain/comment.js';
import { CommentForm } from './comment-form.js';
import { formatDateTime } from './format.js';

/** A thread: a top-level comment and its replies, oldest first. */
export interface CommentThread {
  comment: PublicComment;
  replies: PublicComment[];
}

/** What the comments block under an article shows. */
export interface CommentsSectionProps {
  threads: CommentThread[];
  count: number;
  /** Readers may comment (the provider's and the site's settings). */
  open: boolean;
  moderated: boolean;
  /** Where the form posts, and where a reply link leads. */
  action: string;
  replyPath: string;
  token: string;
  /** What just happened, after a post: shown once at the top of the block. */
  notice?: 'published' | 'pending';
}

const NOTICES = {
  published: 'Thank you: your comment is published below.',
  pending: 'Thank you: your comment will appear once an editor has read it.',
};

/**
 * The comments under an article: threads one level deep, oldest first, every text shown
 * as text (escaped, line breaks kept), an honest empty state, and the form.
 */
export function CommentsSection(props: CommentsSectionProps) {
  return (
    <section class="comments" id="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">
        Comments{props.count > 0 && <span class="comment-count"> ({props.count})</span>}
      </h2>
      {props.notice && (
        <p class="form-notice" role="status">
          {NOTICES[props.notice]}
        </p>
      )}
      {props.threads.length === 0 ? (
        <p class="empty">{props.open ? 'No comments yet. Yours could be the first.' : 'No comments.'}</p>
      ) : (
        <ol class="comment-list">
          {props.threads.map((t) => (
            <li>
              <CommentView comment={t.comment} replyHref={props.open ? `${props.replyPath}?reply=${t.comment.id}` : undefined} />
              {t.replies.length > 0 && (
                <ol class="comment-replies">
                  {t.replies.map((r) => (
                    <li>
                      <CommentView comment={r} />
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ol>
      )}
      {props.open ? (
        <CommentForm action={props.action} token={props.token} moderated={props.moderated} />
      ) : (
        <p class="form-note">Comments are closed on this story.</p>
      )}
    </section>
  );
}

/** One comment: who, when, and the text as written. */
export function CommentView(props: { comment: PublicComment; replyHref?: string }) {
  const c = props.comment;
  return (
    <article class="comment" id={`comment-${c.id}`} aria-label={`Comment by ${c.authorName}`}>
      <p class="comment-meta">
        <strong class="comment-author">{c.authorName}</strong> ·{' '}
        <time datetime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt)}</time>
      </p>
      <CommentText text={c.body} />
      {props.replyHref && (
        <p class="comment-actions">
          <a href={props.replyHref}>Reply</a>
        </p>
      )}
    </article>
  );
}

/** Plain text as paragraphs: blank lines part paragraphs, single line breaks stay. Never markup. */
export function CommentText(props: { text: string }) {
  return (
    <div class="comment-body">
      {props.text.split(/\n{2,}/).map((para) => (
        <p>
          {para.split('\n').map((line, i) => (
            <>
              {i > 0 && <br />}
              {line}
            </>
          ))}
        </p>
      ))}
    </div>
  );
}
