import { tagsOf } from './word-tags.js';

/**
 * Whether a person's first name is usually a man's or a woman's, from compromise's name
 * lexicon; null when it does not say. Used only to match "she said" to the right person.
 */
export function genderOf(fullName: string): 'male' | 'female' | null {
  const tags = tagsOf(fullName.split(/\s+/)[0] ?? '');
  if (tags.includes('FemaleName')) return 'female';
  if (tags.includes('MaleName')) return 'male';
  return null;
}
