import type { ArticleTeaser } from '../../domain/listing.js';
import { Teaser } from './teaser.js';

/**
 * A list of story teasers: headline, provider, time, summary. Headlines are h2 under the
 * page's h1, or h3 where the list sits in a section of its own (`headingLevel`), so the
 * outline a screen reader navigates never skips a level.
 */
export function ArticleList(props: { articles: ArticleTeaser[]; emptyText: string; headingLevel?: 2 | 3 }) {
  if (props.articles.length === 0) return <p class="empty">{props.emptyText}</p>;
  return (
    <ol class="article-list">
      {props.articles.map((a) => (
        <li>
          <Teaser story={a} size="standard" level={props.headingLevel ?? 2} />
        </li>
      ))}
    </ol>
  );
}
