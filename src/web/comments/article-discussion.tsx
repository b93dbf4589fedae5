import type { ArticleWithProvider } from '../../domain/article.js';
import { threadComments } from '../../domain/comment-policy.js';
import type { AppDeps } from '../deps.js';
import { CommentsSection } from '../views/comments-section.js';
import { articlePath } from '../views/format.js';
import { ReportProblem } from '../views/report-problem.js';
import { issueFormToken } from './form-token.js';
import { formSecretOf } from './form-secret.js';
import { commentPurpose } from './submit-comment.js';
import { complaintPurpose } from './submit-complaint.js';

/** Where an article's comment and report forms post, and its reply form lives. */
export const discussionPaths = (article: { id: number; slug: string }) => ({
  comments: `${articlePath(article)}/comments`,
  reply: `${articlePath(article)}/reply`,
  report: `${articlePath(article)}/report`,
});

/**
 * Everything readers add under an article: its comments with the comment form, and
 * "Report a problem". Loads its own data (settings, approved comments, form tokens), so the
 * article page adds it as one element. `query` is the page's query string: after a post,
 * `?comment=published|pending` or `?report=received` says what happened.
 */
export async function ArticleDiscussion(props: { deps: AppDeps; article: ArticleWithProvider; query: Record<string, string> }) {
  const { deps, article, query } = props;
  const [secret, settings, comments] = await Promise.all([
    formSecretOf(deps.store),
    deps.store.comments.settingsFor(article.providerId),
    deps.store.comments.listApproved(article.id),
  ]);
  const threads = threadComments(comments);
  const paths = discussionPaths(article);
  const notice = query.comment === 'published' || query.comment === 'pending' ? query.comment : undefined;
  return (
    <>
      <CommentsSection
        threads={threads}
        count={threads.reduce((n, t) => n + 1 + t.replies.length, 0)}
        open={settings.enabled}
        moderated={settings.requireApproval}
        action={paths.comments}
        replyPath={paths.reply}
        token={issueFormToken(secret, commentPurpose(article.id))}
        notice={notice}
      />
      <ReportProblem
        action={paths.report}
        token={issueFormToken(secret, complaintPurpose(article.id))}
        providerName={article.provider.name}
        received={query.report === 'received'}
      />
    </>
  );
}
