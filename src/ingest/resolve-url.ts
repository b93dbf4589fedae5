/**
 * Resolves a possibly relative link against a base (xml:base already applied, then the feed's
 * own URL, RFC 3986 §5). Returns the link as given when there is no usable base, and null for
 * an empty link.
 */
export function resolveUrl(link: string | null | undefined, base: string | null | undefined): string | null {
  const trimmed = link?.trim();
  if (!trimmed) return null;
  try {
    return new URL(trimmed, base ?? undefined).href;
  } catch {
    return trimmed;
  }
}
