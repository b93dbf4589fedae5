import type { Category } from '../../domain/category.js';
import type { Provider } from '../../domain/provider.js';
import type { MarkedText, SearchHit } from '../../domain/search.js';
import { articlePath, formatDateTime, textDirection } from './format.js';

/** Marked text as spans and <mark>s; every run is escaped by JSX. */
function Marked(props: { text: MarkedText }) {
  return <>{props.text.map((run) => (run.mark ? <mark>{run.text}</mark> : run.text))}</>;
}

/** A labelled control of the filter grid (a label by id, so the name is the label alone). */
function Field(props: { id: string; label: string; children: unknown }) {
  return (
    <div class="search-field">
      <label for={props.id}>{props.label}</label>
      {props.children}
    </div>
  );
}

/** A filter that is "Any" unless one of its options is chosen. */
function AnyOf(props: { id: string; name: string; label: string; options: { value: string; label: string }[]; chosen: string | undefined }) {
  return (
    <Field id={props.id} label={props.label}>
      <select id={props.id} name={props.name}>
        <option value="">Any</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.chosen}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** What the filter form shows as chosen. */
export interface SearchFormValues {
  q: string;
  category?: string;
  provider?: string;
  lang?: string;
  from?: string;
  to?: string;
}

/**
 * The search form of the results page: the query and its filters, all optional, in a GET
 * form (a results page is a link that can be shared). The filters fold away on a phone.
 */
export function SearchForm(props: { values: SearchFormValues; categories: Category[]; providers: Provider[]; languages: readonly { tag: string; name: string }[] }) {
  const v = props.values;
  const filtered = Boolean(v.category || v.provider || v.lang || v.from || v.to);
  return (
    <form class="search-form" role="search" action="/search" method="get">
      <div class="search-form-query">
        <label for="search-page-q">Search for</label>
        <input id="search-page-q" type="search" name="q" value={v.q} maxlength={512} autocomplete="off" enterkeyhint="search" />
        <button type="submit">Search</button>
      </div>
      <details class="search-filters" open={filtered}>
        <summary>Filters</summary>
        <div class="search-filter-grid">
          <AnyOf id="search-category" name="category" label="Category" options={props.categories.map((c) => ({ value: c.slug, label: c.name }))} chosen={v.category} />
          <AnyOf id="search-provider" name="provider" label="Provider" options={props.providers.map((p) => ({ value: p.slug, label: p.name }))} chosen={v.provider} />
          <AnyOf id="search-lang" name="lang" label="Language" options={props.languages.map((l) => ({ value: l.tag, label: l.name }))} chosen={v.lang} />
          <Field id="search-from" label="From">
            <input id="search-from" type="date" name="from" value={v.from ?? ''} />
          </Field>
          <Field id="search-to" label="To">
            <input id="search-to" type="date" name="to" value={v.to ?? ''} />
          </Field>
        </div>
      </details>
      <p class="search-help">
        Tip: <kbd>"exact phrase"</kbd>, <kbd>word*</kbd> for words beginning so, <kbd>-word</kbd> to leave out.
      </p>
    </form>
  );
}

/** Ranked results: headline and passage with the matched words marked, provider and time. */
export function SearchResults(props: { hits: SearchHit[]; emptyText: string }) {
  if (props.hits.length === 0) return <p class="empty search-empty">{props.emptyText}</p>;
  return (
    <ol class="article-list search-results">
      {props.hits.map((h) => (
        <li class="teaser" lang={h.article.language} dir={textDirection(h.article.language)}>
          <h2>
            <a href={articlePath(h.article)}>
              <Marked text={h.headline} />
            </a>
          </h2>
          <p class="meta">
            <a href={`/provider/${h.article.provider.slug}`}>{h.article.provider.name}</a> ·{' '}
            <time datetime={h.article.publishedAt.toISOString()}>{formatDateTime(h.article.publishedAt)}</time>
          </p>
          <p class="snippet">
            <Marked text={h.snippet} />
          </p>
        </li>
      ))}
    </ol>
  );
}
