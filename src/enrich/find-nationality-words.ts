/**
 * Nationality adjectives of the languages that write them in lower case ("le chancelier
 * allemand", "o presidente francês", "der französische Präsident"): each is a mention of its
 * country, as "German" is in English, where the capital makes it a name the tagger reads. The
 * forms are data (gazetteer-data/foreign-demonyms.json).
 */
import demonymData from './gazetteer-data/foreign-demonyms.json' with { type: 'json' };
import type { EntityType } from '../domain/entity.js';

const tables = new Map(
  Object.entries(demonymData)
    .filter(([language]) => language !== 'about')
    .map(([language, forms]) => [language, new Map(Object.entries(forms as Record<string, string>))]),
);

/** A word in lower case, or one opening with "US-" ("US-amerikanischen"). */
const WORD = /(?<![\p{L}\p{N}-])(?:\p{Ll}|US-)[\p{L}-]*(?![\p{L}\p{N}])/gu;

/** The countries the text's nationality adjectives name, where they stand; none in a language without a table. */
export function findNationalityWords(text: string, language: string): { name: string; type: EntityType; start: number; end: number }[] {
  const table = tables.get(language);
  if (!table) return [];
  const found: { name: string; type: EntityType; start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    const country = table.get(m[0].toLowerCase());
    if (country) found.push({ name: country, type: 'place', start: m.index, end: m.index + m[0].length });
  }
  return found;
}
