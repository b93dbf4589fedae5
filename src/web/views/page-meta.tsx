/** What search engines and link previews read of a page, beyond its title. */
export interface PageMeta {
  /** "article" for a story, "website" for everything else (Open Graph og:type). */
  type: 'website' | 'article';
  /** An absolute image URL for previews (og:image, twitter:image). */
  image?: { url: string; alt: string };
  /** Story times and section, for og:article tags. */
  article?: { publishedTime: Date; modifiedTime: Date; section?: string; author?: string };
  /** Structured data for the page (schema.org), rendered as JSON-LD. */
  jsonLd?: object;
  /** Pages that must not be indexed (errors, deep pagination is fine to index). */
  noindex?: boolean;
}

/** JSON inside a script element: no "</script>", no HTML comment opener, no line separators JavaScript parsers trip on. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * Open Graph and Twitter card tags, and JSON-LD. JSON-LD is a data block, not a script: a
 * CSP without 'unsafe-inline' does not apply to it (HTML §4.12.1: a script element whose
 * type is not a JavaScript MIME type is never executed).
 */
export function PageMetaTags(props: { meta: PageMeta; title: string; description?: string; url?: string; siteName: string; locale: string }) {
  const { meta } = props;
  return (
    <>
      <meta property="og:site_name" content={props.siteName} />
      <meta property="og:type" content={meta.type} />
      <meta property="og:title" content={props.title} />
      {props.description && <meta property="og:description" content={props.description} />}
      {props.url && <meta property="og:url" content={props.url} />}
      <meta property="og:locale" content={props.locale.replace('-', '_')} />
      {meta.image && <meta property="og:image" content={meta.image.url} />}
      {meta.image && <meta property="og:image:alt" content={meta.image.alt} />}
      {meta.article && <meta property="article:published_time" content={meta.article.publishedTime.toISOString()} />}
      {meta.article && <meta property="article:modified_time" content={meta.article.modifiedTime.toISOString()} />}
      {meta.article?.section && <meta property="article:section" content={meta.article.section} />}
      <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={props.title} />
      {props.description && <meta name="twitter:description" content={props.description} />}
      {meta.image && <meta name="twitter:image" content={meta.image.url} />}
      {meta.noindex && <meta name="robots" content="noindex" />}
      {meta.jsonLd && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptSafeJson(meta.jsonLd) }} />}
    </>
  );
}
