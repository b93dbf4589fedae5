import { franc } from 'franc';

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
  const code = franc(sample, { only: candidates, minLength: 10 });
  return iso6393to1[code] ?? fallback;
}

/** "en-GB" → "en", "EN_us" → "en"; nonsense → undefined. */
function normalizeTag(tag: string | null | undefined): string | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}
