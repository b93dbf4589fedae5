import nlp from 'compromise';

const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[] | undefined> } }).one.lexicon;

/** compromise's lexicon tags of a word ("FemaleName", "Actor", "Plural"…), empty when unknown. */
export function tagsOf(word: string): string[] {
  const raw = lexicon[word.toLowerCase()];
  return raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
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
