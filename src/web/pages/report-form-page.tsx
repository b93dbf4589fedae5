import type { Context } from 'hono';
import type { ArticleWithProvider } from '../../domain/article.js';
import type { AppDeps } from '../deps.js';
import { layoutBase } from '../page-context.js';
import { articlePath } from '../views/format.js';
import { Layout } from '../views/layout.js';
import { ReportProblem, type ReportProblemProps } from '../views/report-problem.js';

/** The report form on a page of its own: a report that could not be sent, shown again with what was typed. */
export async function reportFormPage(deps: AppDeps, c: Context, article: ArticleWithProvider, form: ReportProblemProps, status = 200) {
  c.status(status as 200);
  c.header('Cache-Control', 'no-store');
  return c.html(
    <Layout {...await layoutBase(deps)} title={`Report a problem: ${article.headline}`}>
      <p class="meta">
        <a href={articlePath(article)}>Back to the story</a>
      </p>
      <h1>Your report was not sent yet</h1>
      <p class="lede">
        About <a href={articlePath(article)}>{article.headline}</a>
      </p>
      <ReportProblem {...form} open />
    </Layout>,
  );
}
