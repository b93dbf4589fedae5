import type { ArticleTeaser } from '../../domain/listing.js';
import type { ImageUrls } from '../images/image-urls.js';
import { articlePath, formatDateTime, textDirection } from './format.js';
import { Picture } from './picture.js';

/** Teasers above this index may be on the first screen; pictures further down load lazily. */
const EAGER_TEASERS = 2;

/**
 * A list of story teasers: headline, provider, time, summary. Headlines are h2 under the
 * page's h1, or h3 where the list sits in a section of its own (`headingLevel`), so the
 * outline a screen reader navigates never skips a level.
 */
export function ArticleList(props: { articles: ArticleTeaser[]; emptyText: string; headingLevel?: 2 | 3; images?: ImageUrls }) {
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  if (props.articles.length === 0) return <p class="empty">{props.emptyText}</p>;
  return (
    <ol class="article-list">
      {props.articles.map((a, i) => (
        <li class={a.image && props.images ? 'teaser with-picture' : 'teaser'} lang={a.language} dir={textDirection(a.language)}>
          <Heading>
            <a href={articlePath(a)}>{a.headline}</a>
          </Heading>
          <p class="meta">
            <a href={`/provider/${a.provider.slug}`}>{a.provider.name}</a> ·{' '}
            <time datetime={a.publishedAt.toISOString()}>{formatDateTime(a.publishedAt)}</time>
          </p>
          {a.summary && <p class="summary">{a.summary}</p>}
          {/* After the text, so a screen reader reads the headline first; the stylesheet sets it beside the text. */}
          {a.image && props.images && <Picture class="teaser-picture" image={a.image} urls={props.images} sizes="(min-width: 44rem) 11rem, 7.5rem" lazy={i >= EAGER_TEASERS} />}
        </li>
      ))}
    </ol>
  );
}
