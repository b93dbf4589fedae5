import type { ArticleTeaser } from '../../domain/listing.js';
import type { PopularWindow } from '../../domain/popularity.js';
import { articlePath, textDirection } from './format.js';

const windowLabel: Record<PopularWindow, string> = { '24h': 'today', '7d': 'this week' };

/**
 * "Most popular": a numbered list of the most read stories, as news sites run it beside
 * their stories. Nothing at all when no story has been read yet (no empty box).
 */
export function PopularRail(props: { stories: ArticleTeaser[]; window: PopularWindow; title?: string; id?: string }) {
  if (props.stories.length === 0) return null;
  const id = props.id ?? 'popular-heading';
  return (
    <section class="rail-block popular" aria-labelledby={id}>
      <h2 id={id} class="quiet-heading">
        {props.title ?? 'Most popular'} <span class="heading-note">{windowLabel[props.window]}</span>
      </h2>
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
