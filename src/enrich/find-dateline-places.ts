import { knownPlace } from './gazetteer.js';
import { knownName } from './name-lexicon.js';

/** A place named by a dateline, with its offsets in the text. */
export interface DatelinePlace {
  name: string;
  start: number;
  end: number;
}

/**
 * The upper-case city (and region) that opens a wire story's line: "WASHINGTON (AP) —",
 * "HANOI, Vietnam (AP) —", "BAAR, SWITZERLAND", "MADRID —", "NEW DELHI:". Upper-case words
 * would otherwise pass for abbreviations of organisations.
 */
export function findDatelinePlaces(text: string): DatelinePlace[] {
  const places: DatelinePlace[] = [];
  const re = /(?:^|\n)[ \t]*(\p{Lu}[\p{Lu}'’.-]+(?: \p{Lu}[\p{Lu}'’.-]+){0,3})(?:,[ \t]*(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,3}))?[ \t]*(\([^)\n]{1,40}\)[ \t]*[-–—]|[-–—]{1,2}[ \t]|:[ \t]|\n|$)/gu;
  for (const m of text.matchAll(re)) {
    const city = m[1]!;
    // At least one word of three letters or more: "AP" or "US" alone is not a dateline.
    if (!/\p{Lu}{3}/u.test(city.replace(/[^\p{Lu}]/gu, ''))) continue;
    // A dash or an agency in brackets marks a dateline; before a colon or a line end
    // ("BREAKING NEWS:", "GIRLS BASKETBALL") only a known city or a region does.
    const marked = /^[(\-–—]/.test(m[3]!);
    if (!marked && !m[2] && !knownPlace(city)) continue;
    const cityStart = m.index + m[0].indexOf(city);
    places.push({ name: knownPlace(city) ?? titleCase(city), start: cityStart, end: cityStart + city.length });
    const region = m[2];
    if (region) {
      const regionStart = m.index + m[0].lastIndexOf(region);
      const known = knownPlace(region.replace(/\.$/, '')) ?? knownPlace(region);
      if (known || region === region.toUpperCase()) places.push({ name: known ?? titleCase(region), start: regionStart, end: regionStart + region.length });
    }
  }
  // Title case with a region and a dash: "Dekalb, Ill. —", "Greenbelt, Md. (AP) —".
  const titled = /(?:^|\n)[ \t]*(\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){0,2}),[ \t]*(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,2})[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?[-–—]{1,2}[ \t]/gu;
  for (const m of text.matchAll(titled)) {
    const [, city, region] = m;
    const regionName = knownPlace(region!) ?? knownPlace(region!.replace(/\.$/, ''));
    if (!regionName) continue;
    const cityStart = m.index + m[0].indexOf(city!);
    if (places.some((p) => p.start === cityStart)) continue;
    places.push({ name: knownPlace(city!) ?? city!, start: cityStart, end: cityStart + city!.length });
    const regionStart = m.index + m[0].indexOf(region!, m[0].indexOf(city!) + city!.length);
    places.push({ name: regionName, start: regionStart, end: regionStart + region!.length });
  }
  return places;
}

/**
 * The wire that carried a press release, credited between its dateline's date and the dash:
 * "BOSTON, March 4, 2025 /PRNewswire/ --", "RESTON, Va., Feb. 18, 2025 (GLOBE NEWSWIRE) --".
 * Written so, the credit is a distributor's name even when no list knows it. (A city, a comma and
 * a date must come first: "(Reuters) -" after a city alone is found as an ordinary name, and
 * "born in 1975 (New Mexico) --" inside a sentence is no credit.)
 */
export function findWireCredits(text: string): DatelinePlace[] {
  const credits: DatelinePlace[] = [];
  const re = /(?:^|\n)[ \t]*\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,3},[^\n]{0,40}?\d{1,4}[ \t]+(?:\/(\p{L}[\p{L} .&-]{1,30})\/|\((\p{L}[\p{L} .&-]{1,30})\))[ \t]*(?:--|[–—])/gu;
  for (const m of text.matchAll(re)) {
    const written = (m[1] ?? m[2]!).trim();
    const start = m.index + m[0].lastIndexOf(written);
    credits.push({ name: knownName(written)?.name ?? written, start, end: start + written.length });
  }
  return credits;
}

function titleCase(words: string): string {
  return words.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}
