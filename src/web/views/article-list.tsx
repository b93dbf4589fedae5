import type { ArticleTeaser } from '../../domain/listing.js';
import { CommentCount } from './comment-count.js';
import { articlePath, formatDateTime, textDirection } from './format.js';

/**
 * A list of story teasers: headline, provider, time, summary. Headlines are h2 under the
 * page's h1, or h3 where the list sits in a section of its own (`headingLevel`), so the
 * outline a screen reader navigates never skips a level.
 */
export function ArticleList(props: { articles: ArticleTeaser[]; emptyText: string; headingLevel?: 2 | 3 }) {
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  if (props.articles.length === 0) return <p class="empty">{props.emptyText}</p>;
  return (
    <ol class="article-list">
      {props.articles.map((a) => (
        <li class="teaser" lang={a.language} dir={textDirection(a.language)}>
          <Heading>
            <a href={articlePath(a)}>{a.headline}</a>
          </Heading>
          <p class="meta">
            <a href={`/provider/${a.provider.slug}`}>{a.provider.name}</a> ·{' '}
            <time datetime={a.publishedAt.toISOString()}>{formatDateTime(a.publishedAt)}</time>
            <CommentCount article={a} />
          </p>
          {a.summary && <p class="summary">{a.summary}</p>}
        </li>
      ))}
    </ol>
  );
}
