/**
 * The search box of the masthead: a plain GET form to /search, so it works without
 * JavaScript; the label is for screen readers, the placeholder says what to type.
 */
export function SearchBox(props: { value?: string; id?: string }) {
  // Two boxes can share a page (the masthead's, and the phone menu's): each input its own id.
  const id = props.id ?? 'search-q';
  return (
    <form class="search-box" role="search" action="/search" method="get">
      <label class="visually-hidden" for={id}>
        Search stories
      </label>
      <input id={id} type="search" name="q" value={props.value ?? ''} placeholder="Search stories" maxlength={512} autocomplete="off" enterkeyhint="search" />
      <button type="submit">Search</button>
    </form>
  );
}
