/** Tabs over a queue's statuses, the current one marked; plain links, no script. */
export function QueueTabs(props: { base: string; statuses: readonly { value: string; label: string }[]; current: string }) {
  return (
    <nav aria-label="Status" class="queue-tabs">
      <ul>
        {props.statuses.map((s) => (
          <li>
            <a href={`${props.base}?status=${s.value}`} aria-current={s.value === props.current ? 'page' : undefined}>
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** "Next page" of a queue, by the id of the last item shown. */
export function QueuePager(props: { base: string; status: string; next: number | null }) {
  if (props.next === null) return null;
  return (
    <p class="pager">
      <a class="button secondary" href={`${props.base}?status=${props.status}&after=${props.next}`}>
        Next page
      </a>
    </p>
  );
}

/** Reads `?after=<id>` of a queue page; anything else starts at the beginning. */
export function afterParam(value: string | undefined): number | undefined {
  return value !== undefined && /^\d{1,10}$/.test(value) ? Number(value) : undefined;
}

/** A route's numeric id, or undefined. */
export function idParam(value: string | undefined): number | undefined {
  return value !== undefined && /^\d{1,10}$/.test(value) ? Number(value) : undefined;
}
