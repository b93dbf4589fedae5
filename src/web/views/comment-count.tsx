import type { ArticleTeaser } from '../../domain/listing.js';
import { articlePath } from './format.js';

/** " · 3 comments" after a teaser's meta line, linking to them; nothing when there are none. */
export function CommentCount(props: { article: ArticleTeaser }) {
  const n = props.article.commentCount ?? 0;
  if (n === 0) return null;
  return (
    <>
      {' · '}
      <a class="comment-count" href={`${articlePath(props.article)}#comments`}>
        {n === 1 ? '1 comment' : `${n.toLocaleString('en')} comments`}
      </a>
    </>
  );
}
