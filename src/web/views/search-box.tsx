/**
 * The search box of the masthead: a plain GET form to /search, so it works without
 * JavaScript; the label is for screen readers, the placeholder says what to type.
 */
export function SearchBox(props: { value?: string }) {
  return (
    <form class="search-box" role="search" action="/search" method="get">
      <label class="visually-hidden" for="search-q">
        Search stories
      </label>
      <input id="search-q" type="search" name="q" value={props.value ?? ''} placeholder="Search stories" maxlength={512} autocomplete="off" enterkeyhint="search" />
      <button type="submit">Search</button>
    </form>
  );
}
