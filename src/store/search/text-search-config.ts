/**
 * PostgreSQL text-search configurations by language: the stemmer and stop words each
 * language has in a stock server (`select cfgname from pg_ts_config`). A language with
 * none is indexed with `simple` (lower-cased words, no stemming).
 */
const CONFIG_BY_LANGUAGE: Readonly<Record<string, string>> = {
  ar: 'arabic', hy: 'armenian', eu: 'basque', ca: 'catalan', da: 'danish', nl: 'dutch', en: 'english',
  fi: 'finnish', fr: 'french', de: 'german', el: 'greek', hi: 'hindi', hu: 'hungarian', id: 'indonesian',
  ga: 'irish', it: 'italian', lt: 'lithuanian', ne: 'nepali', no: 'norwegian', nb: 'norwegian', nn: 'norwegian',
  pt: 'portuguese', ro: 'romanian', ru: 'russian', sr: 'serbian', es: 'spanish', sv: 'swedish', ta: 'tamil',
  tr: 'turkish', yi: 'yiddish',
};

/** The primary language subtags that have a configuration of their own. */
export const LANGUAGE_CODES: readonly string[] = Object.keys(CONFIG_BY_LANGUAGE);

/**
 * The configuration for a BCP 47 tag ("pt-BR" → portuguese), among those the server has
 * (`available`); `simple` otherwise.
 */
export function textSearchConfig(language: string, available: ReadonlySet<string>): string {
  const config = CONFIG_BY_LANGUAGE[language.toLowerCase().split('-')[0] ?? ''];
  return config && available.has(config) ? config : 'simple';
}
