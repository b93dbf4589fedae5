import nlp from 'compromise';

const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[] | undefined> } }).one.lexicon;

/**
 * Whether a person's first name is usually a man's or a woman's, from compromise's name
 * lexicon; null when it does not say. Used only to match "she said" to the right person.
 */
export function genderOf(fullName: string): 'male' | 'female' | null {
  const first = fullName.split(/\s+/)[0]?.toLowerCase() ?? '';
  const raw = lexicon[first];
  const tags = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (tags.includes('FemaleName')) return 'female';
  if (tags.includes('MaleName')) return 'male';
  return null;
}
