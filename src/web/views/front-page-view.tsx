import type { FrontPage } from '../../domain/front-page.js';
import type { ImageUrls } from '../images/image-urls.js';
import { LanguageLinks } from './layout.js';
import { PopularRail } from './popular-rail.js';
import { Teaser, teaserPicture } from './teaser.js';

/**
 * The front page as an editor lays it out: the lead story and the top stories beside the
 * "Most popular" rail, then a block per section and the latest of each busy provider. On a
 * phone it is one column, stories first. Sections are quiet: a small heading over a rule.
 */
export function FrontPageView(props: { front: FrontPage; heading: string; moreHref: string; latestHref?: string; images?: ImageUrls }) {
  const { front, images } = props;
  if (!front.lead) return <p class="empty">No stories have been published yet.</p>;
  // With nothing read yet and one language, there is no rail: the stories take its width.
  const hasRail = front.popular.day.length + front.popular.week.length > 0 || front.languages.length > 0;
  // Two full rows of top stories with their summaries: two columns beside a rail, three without.
  const withSummary = hasRail ? 4 : 6;
  return (
    <>
      <h1 class="visually-hidden">{props.heading}</h1>
      <div class={hasRail ? 'front-top has-rail' : 'front-top'}>
        <section class="top-stories" aria-label="Top stories">
          <div class="lead">
            <Teaser story={front.lead} size="lead" level={2} picture={teaserPicture(front.lead, images, { sizes: '(min-width: 64rem) 40rem, 100vw', lazy: false })} />
          </div>
          {front.top.length > 0 && (
            <ul class="top-grid">
              {front.top.map((s, i) => (
                <li>
                  <Teaser story={s} size={i < withSummary ? 'standard' : 'headline'} level={2} picture={i < withSummary ? teaserPicture(s, images, { sizes: '(min-width: 44rem) 11rem, 7.5rem', lazy: i >= 2 }) : undefined} />
                </li>
              ))}
            </ul>
          )}
        </section>
        {hasRail && (
        <aside class="front-rail" aria-label="Most read">
          <PopularRail popular={front.popular} />
          {front.languages.length > 0 && (
            <section class="rail-block" aria-labelledby="languages-heading">
              <h2 id="languages-heading" class="quiet-heading">
                In other languages
              </h2>
              <LanguageLinks languages={front.languages} class="chip-list" />
            </section>
          )}
        </aside>
        )}
      </div>

      {front.sections.length > 0 && (
        <div class="section-blocks">
          {front.sections.map((block) => (
            <section class="section-block" aria-labelledby={`section-${block.category.slug}`}>
              <h2 id={`section-${block.category.slug}`} class="quiet-heading">
                <a href={`/category/${block.category.slug}`}>{block.category.name}</a>
              </h2>
              <ul class="block-list">
                {block.stories.map((s, i) => (
                  <li>
                    <Teaser story={s} size={i === 0 ? 'standard' : 'headline'} level={3} picture={i === 0 ? teaserPicture(s, images, { sizes: '(min-width: 44rem) 11rem, 7.5rem', lazy: true }) : undefined} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}

      {front.providers.length > 0 && (
        <section class="provider-blocks" aria-labelledby="providers-heading">
          <h2 id="providers-heading" class="quiet-heading">
            Latest from our providers
          </h2>
          <div class="provider-grid">
            {front.providers.map((block) => (
              <section class="provider-block" aria-labelledby={`provider-${block.provider.slug}`}>
                <h3 id={`provider-${block.provider.slug}`} class="provider-name">
                  <a href={`/provider/${block.provider.slug}`}>{block.provider.name}</a>
                </h3>
                <ul class="block-list">
                  {block.stories.map((s) => (
                    <li>
                      <Teaser story={s} size="headline" level={4} />
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </section>
      )}
      <p class="more-link">
        <a href={props.moreHref}>All the latest stories</a>
      </p>
    </>
  );
}
