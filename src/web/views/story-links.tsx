import type { OtherVersion } from '../../domain/article.js';
import type { ArticleEntity, ArticleQuote } from '../../domain/entity.js';
import type { Store } from '../../store/store.js';
import { articlePath } from './format.js';
import { Time } from './site-time.js';

/** What an article page shows besides the story: its entities, quotes and other versions. */
export interface StoryLinksData {
  entities: ArticleEntity[];
  quotes: ArticleQuote[];
  otherVersions: OtherVersion[];
}

/** Loads an article's entities, quotes and the other versions in its story cluster. */
export async function loadStoryLinks(store: Store, articleId: number): Promise<StoryLinksData> {
  const [entities, quotes, otherVersions] = await Promise.all([
    store.entities.ofArticle(articleId),
    store.entities.quotesOfArticle(articleId),
    store.clusters.otherVersions(articleId),
  ]);
  return { entities, quotes, otherVersions };
}

const groups = [
  { type: 'person', label: 'People' },
  { type: 'organisation', label: 'Organisations' },
  { type: 'place', label: 'Places' },
] as const;

/** "In this story" (linked entities), "Quotes" with speakers, and "Also reported by". */
export function StoryLinks(props: StoryLinksData) {
  return (
    <>
      {props.otherVersions.length > 0 && (
        <section class="also-reported" aria-labelledby="also-heading">
          <h2 id="also-heading">Also reported by</h2>
          <ul>
            {props.otherVersions.map((v) => (
              <li>
                <a href={articlePath(v)}>{v.provider.name}</a>: {v.headline} ·{' '}
                <Time date={v.publishedAt} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.quotes.length > 0 && (
        <section class="story-quotes" aria-labelledby="quotes-heading">
          <h2 id="quotes-heading">Quotes</h2>
          <ul class="quote-list">
            {props.quotes.map((q) => (
              <li>
                <blockquote>
                  <p>“{q.text}”</p>
                </blockquote>
                {(q.speaker || q.speakerName) && (
                  <p class="speaker">
                    — {q.speaker ? <a href={`/entity/${q.speaker.slug}`}>{q.speaker.name}</a> : q.speakerName}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.entities.length > 0 && (
        <section class="story-entities" aria-labelledby="entities-heading">
          <h2 id="entities-heading">In this story</h2>
          <dl>
            {groups.map((g) => {
              const members = props.entities.filter((e) => e.type === g.type);
              return (
                members.length > 0 && (
                  <>
                    <dt>{g.label}</dt>
                    <dd>
                      {members.map((e, i) => (
                        <>
                          {i > 0 && ', '}
                          <a href={`/entity/${e.slug}`}>{e.name}</a>
                          {e.role && <span class="role"> ({e.role})</span>}
                        </>
                      ))}
                    </dd>
                  </>
                )
              );
            })}
          </dl>
        </section>
      )}
    </>
  );
}
