/**
 * Abbreviations that end with a full stop inside a sentence, in the languages Gazette
 * serves (compared without the stop, case-sensitively where case tells them apart).
 */
const ABBREVIATIONS = new Set(
  `Mr Mrs Ms Mx Dr Prof Rev Hon Lt Col Gen Maj Capt Cpt Sgt Cmdr Adm Gov Sen Rep Pres Amb Supt Det Insp Fr Sr Jr St Mt Ft
  Inc Corp Co Ltd Bros Plc No Nos vs etc al approx dept est fig Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
  Mon Tue Tues Wed Thu Thurs Fri Sat Sun Ave Blvd Rd ca cf e.g i.e a.m p.m U.S U.K U.N E.U D.C
  M Mme Mlle MM Me Pr Dr Sra Sr Srta Dra Av Lic Ing Arq Nr Hr Fr Bd bzw bspw ca Tel Str z.B u.a d.h usw vgl`.split(/\s+/),
);

/**
 * Splits text into sentences with `Intl.Segmenter` for the article's language, then joins
 * back the breaks it makes too eagerly: after an initial ("Patrick W. Smith"), a title or
 * other abbreviation ("Lt. Matt Harris", "Jan. 5", "z. B."), and before a lower-case word
 * or a digit. Decimals ("2.5%") are never split; "fell to 2." at a sentence end is.
 */
export function splitSentences(text: string, language = 'en'): string[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return [];
  const segmenter = segmenterFor(language);
  const sentences: string[] = [];
  for (const { segment } of segmenter.segment(flat)) {
    const previous = sentences[sentences.length - 1];
    if (previous !== undefined && joinsNext(previous, segment)) sentences[sentences.length - 1] = previous + segment;
    else sentences.push(segment);
  }
  return sentences.map((s) => s.trim()).filter(Boolean);
}

/**
 * Whether the stop that ends `before` ends a sentence, given the text after it: not after an
 * initial, a title or other abbreviation, nor before a lower-case word or a digit.
 */
export function endsSentence(before: string, after: string): boolean {
  return !joinsNext(before, after);
}

function joinsNext(sentence: string, next: string): boolean {
  const trimmed = sentence.trimEnd();
  if (!trimmed.endsWith('.')) return false;
  // The next piece starts in lower case or with a digit: the stop did not end a sentence.
  if (/^[\s"“'‘(]*[\p{Ll}\d]/u.test(next)) return true;
  const lastWord = /(?:^|[\s(])([\p{L}.]+)\.$/u.exec(trimmed)?.[1] ?? '';
  // A single letter: an initial ("Patrick W.", "M. Dupont") or part of one ("z. B.").
  if (/^\p{L}$/u.test(lastWord)) return true;
  return ABBREVIATIONS.has(lastWord) || ABBREVIATIONS.has(lastWord.replace(/\.$/, ''));
}

/** One segmenter per language, made on first use (making one costs more than using it). */
const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(safeLocale(language), { granularity: 'sentence' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

function safeLocale(language: string): string {
  try {
    return Intl.getCanonicalLocales(language)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
