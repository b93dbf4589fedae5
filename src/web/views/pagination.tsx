/** Previous / next links for a paginated listing; nothing when there is one page. */
export function Pagination(props: { basePath: string; page: number; pageSize: number; total: number }) {
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages <= 1) return null;
  const href = (page: number) => (page === 1 ? props.basePath : `${props.basePath}?page=${page}`);
  return (
    <nav class="pagination" aria-label="Pages">
      {props.page > 1 && (
        <a rel="prev" href={href(props.page - 1)}>
          ← Newer
        </a>
      )}
      <span>
        Page {props.page} of {pages}
      </span>
      {props.page < pages && (
        <a rel="next" href={href(props.page + 1)}>
          Older →
        </a>
      )}
    </nav>
  );
}
