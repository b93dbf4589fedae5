/**
 * A light stemmer for event terms: one inflectional or common derivational ending off a
 * word, so that reports worded differently still share their terms ("breathless",
 * "breathing", "breathe"; "allergy", "allergic"; "quarantined", "quarantine"). Light on
 * purpose: it never takes a word below MIN_STEM letters and strips a single ending, so two
 * unrelated words rarely meet (over-stemming would join different events). English, French,
 * German, Spanish and Portuguese; a word of another language is kept as written. Pure.
 */

/** Endings per language (accents folded), longest first so the longest that fits is taken. */
const ENDINGS: Record<string, readonly string[]> = {
  // English inflections go first (see englishStem); these are the derivational endings after them.
  en: byLength(['lessness', 'fulness', 'iveness', 'ousness', 'ation', 'ment', 'ness', 'less', 'ity', 'ous', 'ive', 'ic', 'al', 'er', 'ly']),
  fr: byLength(['issements', 'issement', 'atrices', 'ations', 'atrice', 'ateurs', 'ation', 'ateur', 'ments', 'ement', 'ites', 'ment', 'euse', 'eurs', 'ives', 'ique', 'ees', 'ite', 'eux', 'eur', 'ive', 'ee', 'es', 'er', 'e', 's', 'x']),
  de: byLength(['ungen', 'heiten', 'keiten', 'ischen', 'ische', 'isch', 'heit', 'keit', 'ung', 'ern', 'em', 'en', 'er', 'es', 'e', 's', 'n']),
  es: byLength(['amientos', 'imientos', 'amiento', 'imiento', 'aciones', 'uciones', 'acion', 'ucion', 'mente', 'istas', 'ista', 'idades', 'idad', 'ados', 'idos', 'ado', 'ido', 'ada', 'ida', 'es', 'os', 'as', 'o', 'a', 's', 'e']),
  pt: byLength(['amentos', 'imentos', 'amento', 'imento', 'acoes', 'ucoes', 'acao', 'ucao', 'mente', 'istas', 'ista', 'idades', 'idade', 'ados', 'idos', 'ado', 'ido', 'ada', 'ida', 'oes', 'ao', 'es', 'os', 'as', 'o', 'a', 's', 'e']),
};

/** No word is cut below this many letters ("news" and "data" stay whole). */
const MIN_STEM = 4;

function byLength(endings: string[]): string[] {
  return [...new Set(endings)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/** The word without `ending`, when it has that ending and keeps MIN_STEM letters; else undefined. */
function cut(word: string, ending: string): string | undefined {
  return word.length - ending.length >= MIN_STEM && word.endsWith(ending) ? word.slice(0, -ending.length) : undefined;
}

function stripOne(word: string, endings: readonly string[]): string {
  for (const ending of endings) {
    const stem = cut(word, ending);
    if (stem !== undefined) return stem;
  }
  return word;
}

/**
 * English: the plural or verb ending first ("studies" → "study", "quarantined" →
 * "quarantin"), then one derivational ending ("breathlessness" → "breath"), then a final
 * e, i or y ("breathe", "dizzy" and "dizzi-ness" meet).
 */
function englishStem(word: string): string {
  let w = word;
  if (w.endsWith('ies')) w = cut(w, 'ies') !== undefined ? `${w.slice(0, -3)}y` : w;
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = cut(w, 's') ?? w;
  w = cut(w, 'ing') ?? cut(w, 'ed') ?? w;
  w = stripOne(w, ENDINGS.en!);
  return /[eiy]$/.test(w) ? (cut(w, w.slice(-1)) ?? w) : w;
}

/** The stem of a lower-case word in the given language (English when none is given). */
export function lightStem(word: string, language?: string): string {
  const code = (language ?? 'en').slice(0, 2).toLowerCase();
  if (code === 'en') return englishStem(word);
  const endings = ENDINGS[code];
  if (!endings) return word;
  // "elección" and "elecciones", "eleição" and "eleições": accents folded, then one ending off.
  return stripOne(word.normalize('NFD').replace(/\p{M}/gu, ''), endings);
}
