import { rankLanguages } from './rank-languages.js';

/**
 * ISO 639-3 codes franc answers with, mapped to the two-letter BCP 47 tags (RFC 5646
 * §2.2.1 prefers the shortest ISO 639 code) Gazette stores. Only these languages are
 * considered: limiting franc to the languages news arrives in keeps it from calling short
 * English "Scots".
 */
const iso6393to1: Record<string, string> = {
  eng: 'en', deu: 'de', fra: 'fr', spa: 'es', por: 'pt', ita: 'it', nld: 'nl', swe: 'sv', nob: 'no', dan: 'da',
  fin: 'fi', pol: 'pl', ces: 'cs', slk: 'sk', hun: 'hu', ron: 'ro', bul: 'bg', ell: 'el', tur: 'tr', rus: 'ru',
  ukr: 'uk', bel: 'be', srp: 'sr', hrv: 'hr', slv: 'sl', lit: 'lt', lav: 'lv', est: 'et', arb: 'ar', pes: 'fa',
  urd: 'ur', heb: 'he', hin: 'hi', ben: 'bn', tam: 'ta', tel: 'te', mar: 'mr', cmn: 'zh', jpn: 'ja', kor: 'ko',
  vie: 'vi', tha: 'th', ind: 'id', zlm: 'ms', tgl: 'tl', swh: 'sw', amh: 'am', hau: 'ha', cat: 'ca', glg: 'gl',
  eus: 'eu', aze: 'az', kaz: 'kk', uzn: 'uz',
};
const candidates = Object.keys(iso6393to1);

/** Options of language detection. */
export interface DetectLanguageOptions {
  /** The provider's declared language, used when the text is too short to tell. */
  declared?: string | null;
  /** Texts shorter than this (in characters) keep the declared language. */
  minLength?: number;
  /** Used when there is neither enough text nor a declared language. */
  fallback?: string;
}

/** The language of a text as a BCP 47 primary tag ("en", "ar"), by trigram statistics. */
export function detectLanguage(text: string, options: DetectLanguageOptions = {}): string {
  const declared = normalizeTag(options.declared);
  const fallback = declared ?? options.fallback ?? 'en';
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  if (sample.replace(/\s+/g, ' ').trim().length < (options.minLength ?? 40)) return fallback;
  const ranked = rankLanguages(sample, candidates);
  const best = ranked[0];
  if (!best || best[0] === 'und') return fallback;
  // The provider's declared language stands unless the text clearly says otherwise: when it
  // scores close to the best guess (short texts, names, lorem ipsum), it is kept.
  if (declared) {
    const declaredScore = ranked.find(([code]) => iso6393to1[code] === declared)?.[1];
    if (declaredScore !== undefined && declaredScore >= best[1] * 0.9) return declared;
    // Text mostly in a script the guess does not use (Chinese read as Spanish) is no evidence.
    if (!latinScript(sample) && latinLanguages.has(iso6393to1[best[0]] ?? '')) return declared;
  }
  return iso6393to1[best[0]] ?? fallback;
}

/** Languages written in the Latin script, among those franc is asked about. */
const latinLanguages = new Set(['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'sv', 'no', 'da', 'fi', 'pl', 'cs', 'sk', 'hu', 'ro', 'tr', 'hr', 'sl', 'lt', 'lv', 'et', 'vi', 'id', 'ms', 'tl', 'sw', 'ha', 'ca', 'gl', 'eu', 'az', 'uz']);

/** Whether a text is written in Latin letters (three in four at least; names in Latin letters are common in any script). */
function latinScript(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const latin = letters.filter((l) => /\p{Script=Latin}/u.test(l)).length;
  return letters.length === 0 || latin * 4 >= letters.length * 3;
}

/** "en-GB" → "en", "EN_us" → "en"; nonsense → undefined. */
function normalizeTag(tag: string | null | undefined): string | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}
