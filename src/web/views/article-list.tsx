import type { ArticleWithProvider } from '../../domain/article.js';
import { articlePath, formatDateTime, textDirection } from './format.js';

/** A list of story teasers: headline, provider, time, summary. */
export function ArticleList(props: { articles: ArticleWithProvider[]; emptyText: string }) {
  if (props.articles.length === 0) return <p class="empty">{props.emptyText}</p>;
  return (
    <ol class="article-list">
      {props.articles.map((a) => (
        <li class="teaser" lang={a.language} dir={textDirection(a.language)}>
          <h3>
            <a href={articlePath(a)}>{a.headline}</a>
          </h3>
          <p class="meta">
            <a href={`/provider/${a.provider.slug}`}>{a.provider.name}</a> ·{' '}
            <time datetime={a.publishedAt.toISOString()}>{formatDateTime(a.publishedAt)}</time>
          </p>
          {a.summary && <p class="summary">{a.summary}</p>}
        </li>
      ))}
    </ol>
  );
}
