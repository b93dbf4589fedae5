import type { Category } from './category.js';

/**
 * Gazette's fixed category taxonomy, each mapped to the IPTC Media Topic it belongs under
 * (top-level topic codes, http://cv.iptc.org/newscodes/mediatopic/). "Press releases" is a
 * genre, not a topic, so it has no code.
 */
export const taxonomy: readonly Category[] = Object.freeze([
  { slug: 'world', name: 'World', iptcCode: '11000000' },
  { slug: 'politics', name: 'Politics', iptcCode: '11000000' },
  { slug: 'conflict', name: 'Conflict & Defence', iptcCode: '16000000' },
  { slug: 'business', name: 'Business', iptcCode: '04000000' },
  { slug: 'economy', name: 'Economy', iptcCode: '04000000' },
  { slug: 'markets', name: 'Markets', iptcCode: '04000000' },
  { slug: 'crypto', name: 'Crypto', iptcCode: '04000000' },
  { slug: 'energy', name: 'Energy', iptcCode: '04000000' },
  { slug: 'market-research', name: 'Market Research', iptcCode: '04000000' },
  { slug: 'technology', name: 'Technology', iptcCode: '13000000' },
  { slug: 'science', name: 'Science', iptcCode: '13000000' },
  { slug: 'health', name: 'Health', iptcCode: '07000000' },
  { slug: 'environment', name: 'Environment', iptcCode: '06000000' },
  { slug: 'crime-law', name: 'Crime & Law', iptcCode: '02000000' },
  { slug: 'disasters', name: 'Disasters & Accidents', iptcCode: '03000000' },
  { slug: 'education', name: 'Education', iptcCode: '05000000' },
  { slug: 'culture', name: 'Arts & Culture', iptcCode: '01000000' },
  { slug: 'lifestyle', name: 'Lifestyle', iptcCode: '10000000' },
  { slug: 'sport', name: 'Sport', iptcCode: '15000000' },
  { slug: 'weather', name: 'Weather', iptcCode: '17000000' },
  { slug: 'press-releases', name: 'Press Releases', iptcCode: null },
]);

/** The slug of the taxonomy category whose slug or name matches a provider's term, if any. */
export function categoryForTerm(term: string): string | undefined {
  const t = term.trim().toLowerCase();
  return taxonomy.find((c) => c.slug === t || c.name.toLowerCase() === t)?.slug;
}
