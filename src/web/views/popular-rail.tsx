import type { PopularList } from '../../domain/front-page.js';
import type { ArticleTeaser } from '../../domain/listing.js';
import { articlePath, textDirection } from './format.js';

function Ranking(props: { stories: ArticleTeaser[]; label: string; id: string }) {
  return (
    <section class="popular-window" aria-labelledby={props.id}>
      <h3 id={props.id} class="popular-window-heading">
        {props.label}
      </h3>
      <ol class="popular-list">
        {props.stories.map((s) => (
          <li lang={s.language} dir={textDirection(s.language)}>
            <a href={articlePath(s)}>{s.headline}</a>
            <span class="meta"> {s.provider.name}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * "Most popular": numbered lists of the most read stories of today and of this week, as
 * news sites run them beside their stories. Both are shown at once, with no script: side
 * by side where the rail is wide enough, one above the other where it is not. A window
 * nobody read in is left out, and with neither there is nothing at all (no empty box).
 */
export function PopularRail(props: { popular: PopularList; title?: string; id?: string }) {
  const { day, week } = props.popular;
  if (day.length === 0 && week.length === 0) return null;
  const id = props.id ?? 'popular-heading';
  return (
    <section class="rail-block popular" aria-labelledby={id}>
      <h2 id={id} class="quiet-heading">
        {props.title ?? 'Most popular'}
      </h2>
      <div class="popular-windows">
        {day.length > 0 && <Ranking stories={day} label="Today" id={`${id}-day`} />}
        {week.length > 0 && <Ranking stories={week} label="This week" id={`${id}-week`} />}
      </div>
    </section>
  );
}
