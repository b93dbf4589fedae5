import type { Context } from 'hono';
import type { ArticleWithProvider } from '../../domain/article.js';
import type { AppDeps } from '../deps.js';
import { layoutBase } from '../page-context.js';
import { CommentForm, type CommentFormProps } from '../views/comment-form.js';
import { CommentView } from '../views/comments-section.js';
import { articlePath } from '../views/format.js';
import { Layout } from '../views/layout.js';

/**
 * The comment form on a page of its own: to reply to a comment, or to show a comment that
 * could not be posted again, with what was typed and what to change.
 */
export async function commentFormPage(deps: AppDeps, c: Context, article: ArticleWithProvider, form: CommentFormProps, status = 200) {
  c.status(status as 200);
  c.header('Cache-Control', 'no-store');
  const heading = form.replyTo ? 'Reply to a comment' : form.errors ? 'Your comment was not posted yet' : 'Add a comment';
  return c.html(
    <Layout {...await layoutBase(deps)} title={`${heading}: ${article.headline}`}>
      <p class="meta">
        <a href={`${articlePath(article)}#comments`}>Back to the story</a>
      </p>
      <h1>{heading}</h1>
      <p class="lede">
        On <a href={articlePath(article)}>{article.headline}</a>
      </p>
      {form.replyTo && (
        <div class="replying-to">
          <CommentView comment={form.replyTo} />
        </div>
      )}
      <CommentForm {...form} />
    </Layout>,
  );
}
