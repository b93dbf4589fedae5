/**
 * Chinese and Japanese are written without spaces between words, and Korean words carry
 * their particles; a full-text tokenizer would take a whole run of such text as one "word",
 * so a search for 北京 could never find 中国总理今天在北京发表讲话. These functions split such
 * runs into words with ICU's dictionary segmenter (Intl.Segmenter), the same way at index
 * and at query time, and leave every other script as it is (each engine's own tokenizer and
 * stemmer still read it).
 */

/** A run of Han, kana or Hangul (with the long-vowel mark and iteration marks that belong to it). */
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆]+/gu;
const HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

// The word breaker's dictionary covers Chinese and Japanese whatever the locale; one instance serves all.
const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** Whether `text` has any Chinese, Japanese or Korean letter. */
export function hasCjk(text: string): boolean {
  return HAS_CJK.test(text);
}

/** The words of a CJK run, each with its offset in the run. */
function wordsOfRun(run: string): { word: string; index: number }[] {
  return [...segmenter.segment(run)].filter((s) => s.isWordLike).map((s) => ({ word: s.segment, index: s.index }));
}

/** `text` with a space between the words of every CJK run ("在北京发表" → "在 北京 发表"); other text unchanged. */
export function spaceCjkWords(text: string): string {
  if (!hasCjk(text)) return text;
  return text.replace(CJK_RUN, (run) => ` ${wordsOfRun(run).map((w) => w.word).join(' ')} `);
}

/**
 * The words of `text` with their offsets, as `pattern` (a global regex of word characters)
 * finds them, each CJK run within a match split into its words.
 */
export function* wordsWithCjk(text: string, pattern: RegExp): Generator<{ word: string; index: number }> {
  // Most text has no CJK letter at all: one test of the whole text spares one per word.
  const anyCjk = hasCjk(text);
  for (const m of text.matchAll(pattern)) {
    if (!anyCjk) {
      yield { word: m[0], index: m.index };
      continue;
    }
    if (!hasCjk(m[0])) {
      yield { word: m[0], index: m.index };
      continue;
    }
    let at = 0;
    for (const run of m[0].matchAll(CJK_RUN)) {
      if (run.index > at) yield { word: m[0].slice(at, run.index), index: m.index + at };
      for (const w of wordsOfRun(run[0])) yield { word: w.word, index: m.index + run.index + w.index };
      at = run.index + run[0].length;
    }
    if (at < m[0].length) yield { word: m[0].slice(at), index: m.index + at };
  }
}
