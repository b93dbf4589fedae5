import type { ArticleTeaser } from '../../domain/listing.js';
import type { ImageUrls } from '../images/image-urls.js';
import { Teaser, teaserPicture } from './teaser.js';

/** Teasers above this index may be on the first screen; pictures further down load lazily. */
const EAGER_TEASERS = 2;

/**
 * A list of story teasers: headline, provider, time, summary. Headlines are h2 under the
 * page's h1, or h3 where the list sits in a section of its own (`headingLevel`), so the
 * outline a screen reader navigates never skips a level.
 */
export function ArticleList(props: { articles: ArticleTeaser[]; emptyText: string; headingLevel?: 2 | 3; images?: ImageUrls }) {
  if (props.articles.length === 0) return <p class="empty">{props.emptyText}</p>;
  return (
    <ol class="article-list">
      {props.articles.map((a, i) => (
        <li>
          <Teaser
            story={a}
            size="standard"
            level={props.headingLevel ?? 2}
            picture={teaserPicture(a, props.images, { sizes: '(min-width: 44rem) 11rem, 7.5rem', lazy: i >= EAGER_TEASERS })}
          />
        </li>
      ))}
    </ol>
  );
}
