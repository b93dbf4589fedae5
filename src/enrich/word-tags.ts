import wordTagData from './gazetteer-data/word-tags.json' with { type: 'json' };

/**
 * compromise's lexicon, kept as data (scripts/build-word-tags.mjs): the tagger needs only
 * the lexicon, and loading compromise for it cost each enriching thread about 40 MB.
 */
const lexicon = new Map<string, readonly string[]>(wordTagData.words.map(([word, set]) => [word as string, wordTagData.tagSets[set as number]!]));
const none: readonly string[] = Object.freeze([]);

/** compromise's lexicon tags of a word ("FemaleName", "Actor", "Plural"…), empty when unknown. */
export function tagsOf(word: string): readonly string[] {
  return lexicon.get(word.toLowerCase()) ?? none;
}

const NAME_LIKE = ['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Place', 'City', 'Country', 'Region', 'Organization', 'ProperNoun', 'SportsTeam'];

/**
 * A noun the lexicon knows only as a word for people by what they do, or as a plural
 * ("Developer", "Critics", "Officials"): a capital on it before a name marks a role or a
 * sentence start, not part of the name. (First names that are also words, "Mark", "Rose",
 * "Dean", are not such nouns.)
 */
export function isRoleNoun(word: string): boolean {
  const tags = tagsOf(word);
  return (tags.includes('Actor') || tags.includes('Plural')) && !tags.some((t) => NAME_LIKE.includes(t));
}
