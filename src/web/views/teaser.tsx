import type { Child } from 'hono/jsx';
import type { ArticleTeaser } from '../../domain/listing.js';
import type { ImageUrls } from '../images/image-urls.js';
import { CommentCount } from './comment-count.js';
import { articlePath, textDirection } from './format.js';
import { Picture } from './picture.js';
import { Time } from './site-time.js';

/**
 * How much room a teaser takes: the lead of a page (large headline, long summary), a
 * standard teaser (headline, summary, meta), or a headline with its meta only.
 */
export type TeaserSize = 'lead' | 'standard' | 'headline';

export interface TeaserProps {
  story: ArticleTeaser;
  size: TeaserSize;
  /** The heading level in the page's outline (2 under the page's h1, 3 inside a section). */
  level: 2 | 3 | 4;
  /**
   * The story's picture (a `<Picture>` of its lead image), when it has one. The layout is
   * complete without it: no grey box stands in for a missing picture.
   */
  picture?: Child;
}

/** One story in a list: picture (if any), headline, summary, provider and time. */
export function Teaser(props: TeaserProps) {
  const { story } = props;
  const Heading = `h${props.level}` as 'h2' | 'h3' | 'h4';
  return (
    <article class={`teaser teaser-${props.size}${props.picture ? ' has-picture' : ''}`} lang={story.language} dir={textDirection(story.language)}>
      {props.picture && <div class="teaser-picture">{props.picture}</div>}
      <div class="teaser-text">
        <Heading class="teaser-headline">
          <a href={articlePath(story)}>{story.headline}</a>
        </Heading>
        {props.size !== 'headline' && story.summary && <p class="summary">{story.summary}</p>}
        <p class="meta">
          {/* Isolated (dir="auto"): an English date or provider name inside an Arabic teaser keeps its own order. */}
          <a class="provider" href={`/provider/${story.provider.slug}`} dir="auto">
            {story.provider.name}
          </a>
          <span aria-hidden="true"> · </span>
          <Time date={story.publishedAt} relative isolate />
          <CommentCount article={story} />
        </p>
      </div>
    </article>
  );
}

/**
 * The `picture` of a teaser: the story's measured lead image through the image endpoint, or
 * nothing (no image, not measured yet, or no image endpoint on this site).
 */
export function teaserPicture(story: ArticleTeaser, images: ImageUrls | undefined, options: { sizes: string; lazy: boolean }): Child | undefined {
  if (!story.image || !images) return undefined;
  return <Picture image={story.image} urls={images} sizes={options.sizes} lazy={options.lazy} />;
}
