import type { EntityType } from '../domain/entity.js';
import { knownOrganisation, knownPerson, knownPlace, placeOfDemonym } from './gazetteer.js';

/** A name found in Arabic script, with its offsets in the text. */
export interface ArabicName {
  name: string;
  type: EntityType;
  start: number;
  end: number;
}

/** Titles after which a person's name follows (their complements and nisbas are skipped). */
const TITLES = new Set(['الرئيس', 'رئيس', 'وزير', 'وزيرة', 'الملك', 'الأمير', 'الشيخ', 'السيد', 'السيدة', 'المتحدث', 'المتحدثة', 'الأمين', 'المستشار', 'السفير', 'النائب', 'القائد', 'الجنرال', 'الدكتور', 'المدير', 'الرئيسة']);
/** Verbs of speech after which a name may follow directly: "وقال محمد العلي". */
const SPEECH = new Set(['قال', 'وقال', 'قالت', 'وقالت', 'أضاف', 'وأضاف', 'أضافت', 'وأضافت', 'صرح', 'وصرح', 'أكد', 'وأكد', 'أكدت', 'وأكدت']);
/** Words that join the parts of a name: "عبد الفتاح", "محمد بن سلمان", "أبو مازن". */
const NAME_JOINERS = new Set(['عبد', 'بن', 'بنت', 'أبو', 'أبي', 'ابن']);
/** Words that never start a name after a title or verb (nor go on an organisation's): "أكدت جهات سورية" (Syrian bodies confirmed). */
const NOT_NAMES = new Set(['جهات', 'مصادر', 'مصدر', 'مسؤول', 'مسؤولون', 'ناشطون', 'شهود', 'إن', 'إنه', 'إنها', 'أن', 'في', 'من', 'إلى', 'على', 'عن', 'مع', 'هذا', 'هذه', 'التي', 'الذي', 'لقد', 'قد', 'كان', 'كانت', 'باسم', 'العام', 'لـ', 'ل', 'و', 'أيضا', 'أمس', 'اليوم']);
/**
 * Nouns that head an organisation's name, which goes on with the words that define it:
 * "جبهة النصرة" (the Nusra Front), "المرصد السوري لحقوق الإنسان" (the Syrian Observatory for
 * Human Rights), "كتائب شهداء القلمون". Fronts, brigades and battalions, forces and units,
 * parties and movements, armies, observatories, coalitions, councils, ministries, bodies,
 * organisations, associations, companies, banks and universities.
 */
const ORGANISATION_HEADS = new Set([
  'جبهة', 'لواء', 'كتيبة', 'كتائب', 'قوات', 'وحدات', 'حزب', 'حركة', 'جيش', 'الجيش', 'المرصد', 'مرصد', 'الائتلاف', 'ائتلاف',
  'مجلس', 'المجلس', 'وزارة', 'هيئة', 'منظمة', 'جمعية', 'شركة', 'بنك', 'مصرف', 'جامعة', 'اتحاد', 'الاتحاد', 'تنظيم',
]);
/** Words that describe an organisation without naming it: "المعارض" (the opposition), "الحكومية". */
const NOT_ORGANISATION_WORDS = new Set(['المعارض', 'المعارضة', 'الحكومي', 'الحكومية', 'الرسمي', 'الرسمية', 'السابق', 'السابقة', 'الجديد', 'الجديدة', 'المسلح', 'المقاتلة', 'التابعة', 'التابع']);

/** One-letter proclitics that attach to a name: و (and), ب (in), ل (to), ف (so), ك (like). */
const PROCLITIC = /^[وبلفك](?=ال|[^\s])/u;

const ARABIC_WORD = /[\u0621-\u064A\u0660-\u0669\u066E-\u06D3\u06FA-\u06FF]+/gu;

interface Token {
  text: string;
  start: number;
  end: number;
  /** Punctuation or a line break separates this word from the one before. */
  apart: boolean;
}

/**
 * People, organisations and places in Arabic script, which has no capitals to go by: names
 * the gazetteer knows (also behind a one-letter proclitic, "بالقاهرة"), nationality
 * adjectives ("الرئيس الفرنسي" counts for France), and people named after a title or a
 * verb of speech ("الرئيس المصري عبد الفتاح السيسي", "وقال محمد العلي").
 */
export function findArabicNames(text: string): ArabicName[] {
  if (!/[\u0621-\u064A]/u.test(text)) return [];
  const tokens: Token[] = [];
  for (const m of text.matchAll(ARABIC_WORD)) {
    // A comma, full stop or line break between two words ends any name running across them.
    const previous = tokens[tokens.length - 1];
    const apart = previous !== undefined && /[^\s]|\n/u.test(text.slice(previous.end, m.index));
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length, apart });
  }
  const found: ArabicName[] = [];
  let i = 0;
  while (i < tokens.length) {
    const known = knownAt(tokens, i);
    if (known) {
      found.push(known.name);
      i = known.next;
      continue;
    }
    const token = tokens[i]!.text;
    const organisation = organisationAt(tokens, i);
    if (organisation) {
      found.push(organisation.name);
      i = organisation.next;
      continue;
    }
    const cue = TITLES.has(token) || SPEECH.has(token);
    if (cue) {
      let k = i + 1;
      // Title complements and nisbas: "وزير الخارجية الأمريكي", "الرئيس المصري".
      if (TITLES.has(token)) {
        while (k < tokens.length && tokens[k]!.text.startsWith('ال') && !NAME_JOINERS.has(tokens[k]!.text)) {
          const place = placeOfDemonym(tokens[k]!.text);
          if (place) found.push({ name: place, type: 'place', start: tokens[k]!.start, end: tokens[k]!.end });
          k++;
        }
      }
      // After a verb, a title or an "al-" word is the start of a description, not a name.
      const next = tokens[k];
      const person = SPEECH.has(token) && next && (TITLES.has(next.text) || next.text.startsWith('ال')) ? undefined : nameAt(tokens, k);
      if (person) {
        found.push(person.name);
        i = person.next;
        continue;
      }
    }
    i++;
  }
  return found;
}

/** The longest gazetteer name starting at token `i` (up to five words). */
function knownAt(tokens: Token[], i: number): { name: ArabicName; next: number } | undefined {
  for (let n = Math.min(5, tokens.length - i); n >= 1; n--) {
    const words = tokens.slice(i, i + n);
    if (words.some((w, j) => j > 0 && w.apart)) continue;
    const phrase = words.map((w) => w.text).join(' ');
    const candidates = PROCLITIC.test(phrase) ? [phrase, phrase.slice(1)] : [phrase];
    for (const candidate of candidates) {
      const hit = lookUp(candidate);
      if (hit) return { name: { ...hit, start: words[0]!.start, end: words[n - 1]!.end }, next: i + n };
    }
  }
  return undefined;
}

function lookUp(phrase: string): { name: string; type: EntityType } | undefined {
  const org = knownOrganisation(phrase);
  if (org) return { name: org, type: 'organisation' };
  const place = knownPlace(phrase);
  if (place) return { name: place, type: 'place' };
  const person = knownPerson(phrase);
  if (person) return { name: person, type: 'person' };
  return undefined;
}

/** A person's name of two words, or three when joined ("عبد الفتاح السيسي"). */
function nameAt(tokens: Token[], k: number): { name: ArabicName; next: number } | undefined {
  const first = tokens[k];
  const second = tokens[k + 1];
  if (!first || !second || second.apart || NOT_NAMES.has(first.text) || NOT_NAMES.has(second.text)) return undefined;
  let end = k + 2;
  const third = tokens[k + 2];
  if ((NAME_JOINERS.has(first.text) || NAME_JOINERS.has(second.text)) && third && !third.apart && !NOT_NAMES.has(third.text)) end = k + 3;
  const words = tokens.slice(k, end);
  const name = words.map((w) => w.text).join(' ');
  return { name: { name: knownPerson(name) ?? name, type: 'person', start: words[0]!.start, end: words[words.length - 1]!.end }, next: end };
}

/**
 * An organisation headed by one of ORGANISATION_HEADS (behind a proclitic too, "وجبهة"): the
 * head, then the words that define it, up to four, ending in a definite one ("ال…"): nouns in
 * construct ("شهداء"), "al-" words and adjectives, and "لـ" + noun before a definite one
 * ("لحقوق الإنسان"). A head with no definite word after it names no one ("هيئة معارضة").
 */
function organisationAt(tokens: Token[], i: number): { name: ArabicName; next: number } | undefined {
  const head = tokens[i]!.text;
  const bare = ORGANISATION_HEADS.has(head) ? head : PROCLITIC.test(head) && ORGANISATION_HEADS.has(head.slice(1)) ? head.slice(1) : undefined;
  if (!bare) return undefined;
  // (At most one noun in construct before the first definite word, none after a definite
  // head: "المرصد السوري", not "المرصد فقد اغتنم …".)
  let last = -1;
  let construct = bare.startsWith('ال') ? 1 : 0;
  for (let k = i + 1; k < Math.min(tokens.length, i + 5); k++) {
    const word = tokens[k]!;
    if (word.apart || NOT_NAMES.has(word.text) || NOT_ORGANISATION_WORDS.has(word.text) || ORGANISATION_HEADS.has(word.text) || SPEECH.has(word.text)) break;
    if (word.text.startsWith('ال')) last = k;
    else if (last === -1 ? construct++ > 0 : !/^ل(?!ل)/u.test(word.text)) break;
  }
  if (last === -1) return undefined;
  const words = tokens.slice(i, last + 1);
  const written = [bare, ...words.slice(1).map((w) => w.text)].join(' ');
  const start = words[0]!.start + (bare === head ? 0 : 1);
  return { name: { name: knownOrganisation(written) ?? written, type: 'organisation', start, end: words[words.length - 1]!.end }, next: last + 1 };
}
