import { formatCursor, type ListingPage } from '../../domain/listing.js';

/** "Newer stories" / "Older stories" links of a listing page; nothing when there is one page. */
export function Pagination(props: { basePath: string; listing: ListingPage }) {
  const { older, newer } = props.listing;
  if (!older && !newer) return null;
  return (
    <nav class="pagination" aria-label="More stories">
      {newer && (
        <a rel="prev" href={`${props.basePath}?after=${formatCursor(newer)}`}>
          ← Newer stories
        </a>
      )}
      {older && (
        <a rel="next" href={`${props.basePath}?before=${formatCursor(older)}`}>
          Older stories →
        </a>
      )}
    </nav>
  );
}
