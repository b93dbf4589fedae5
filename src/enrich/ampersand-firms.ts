/**
 * Firms named by their partners, joined by an ampersand: "Pratt & Whitney", "Marks & Spencer",
 * "Rothschild & Co", "Cravath, Swaine & Moore". The name finder keeps a free-standing "&"
 * inside a span; here a span is kept whole when it names a firm, or split into the names on
 * each side ("London & Rome", "Terms & Conditions").
 */
import { isFamilyName, isLegalForm, knownOrganisation, looksLikeOrganisation } from './gazetteer.js';
import type { NameSpan, NameWord } from './find-name-spans.js';
import { MONTHS_AND_DAYS } from './name-cues.js';
import { NAME_TAGS, has, isCommonWord, isFirstName, joined, knownName } from './name-lexicon.js';

/**
 * Whether a span joined at "&" names a firm: one ampersand in a short name, with a person's
 * name or an abbreviation beside it ("Marks & Spencer", "Pratt & Whitney", "S & P") or a legal
 * form after it ("Rothschild & Co"), and not places or people listed ("London & Rome", "Trump &
 * Biden"). Ordinary words joined so are a site's menu or a phrase: "Terms & Conditions", "Arts &
 * Culture", "Rock & Roll".
 */
function namesFirm(words: NameWord[]): boolean {
  const at = words.findIndex((w) => w.text === '&');
  if (at < 1 || at === words.length - 1 || words.length > 6 || words.filter((w) => w.text === '&').length > 1) return false;
  const [left, right] = [words[at - 1]!.text, words[at + 1]!.text];
  const nameLike = (w: string) => isFamilyName(w) || isFirstName(w) || has(w, ...NAME_TAGS) || knownOrganisation(w) !== undefined || /^\p{Lu}{1,4}$/u.test(w);
  const partners = nameLike(left) || nameLike(right) || (isLegalForm(right) && !isCommonWord(left));
  return partners && !MONTHS_AND_DAYS.test(left) && !MONTHS_AND_DAYS.test(right) && looksLikeOrganisation(words.map((w) => w.text));
}

/** A span joined at "&" that names no firm is a name on each side ("London & Rome"). */
export function splitUnlessFirm(span: NameSpan): NameSpan[] {
  const at = span.words.findIndex((w) => w.text === '&');
  if (at < 0 || namesFirm(span.words)) return [span];
  const left = span.words.slice(0, at);
  const right = span.words.slice(at + 1);
  const amp = span.words[at]!;
  return [
    { ...span, words: left, after: ' ', nextWord: '&', possessive: false, following: ` ${amp.text} ${joined(right)}${span.following}`.slice(0, 100) },
    ...splitUnlessFirm({ ...span, words: right, sentenceStart: false, before: ' ', previousWord: '&', preceding: `${span.preceding}${joined(left)} & `.slice(-40) }),
  ].filter((s) => s.words.length > 0);
}

/**
 * "Cravath, Swaine & Moore": single names listed with commas before a name joined by an
 * ampersand are partners of one firm.
 */
export function joinedBeforeAmpersand(spans: NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    let j = i;
    const partner = (s: NameSpan) => s.words.length === 1 && /^,[ \t]+$/.test(s.after) && !s.possessive && (knownName(s.words[0]!.text) ?? { type: 'organisation' }).type === 'organisation' && !isCommonWord(s.words[0]!.text);
    while (j < spans.length - 1 && partner(spans[j]!) && spans[j + 1]!.words[0]!.start === spans[j]!.words[0]!.end + spans[j]!.after.length) j++;
    const firm = spans[j]!;
    if (j === i || !firm.words.some((w) => w.text === '&')) {
      out.push(spans[i]!);
      continue;
    }
    const partners = spans.slice(i, j).map((s) => ({ ...s.words[0]!, text: `${s.words[0]!.text},`, end: s.words[0]!.end + 1 }));
    const first = spans[i]!;
    out.push({ ...firm, words: [...partners, ...firm.words], sentenceStart: first.sentenceStart, before: first.before, previousWord: first.previousWord, preceding: first.preceding });
    i = j;
  }
  return out;
}
