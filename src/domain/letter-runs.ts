/** One letter or digit of any script, tested only for characters outside ASCII. */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * The runs of letters and digits (Unicode `\p{L}` and `\p{N}`) of a text, in order: the same
 * list as `text.match(/[\p{L}\p{N}]+/gu) ?? []`. Clean (paragraph keys) and cluster (MinHash
 * words) split every ingested body this way, and a Unicode property class costs that regex
 * about 120 ns a character in V8; this scan decides ASCII characters by their code and tests
 * only the others against the class, two to three times faster on news text.
 */
export function letterRuns(text: string): string[] {
  const runs: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let width = 1;
    let inRun: boolean;
    if (code < 0x80) {
      inRun = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
    } else {
      // A surrogate pair is one character; a lone surrogate is neither letter nor digit.
      const point = text.codePointAt(i)!;
      if (point > 0xffff) width = 2;
      inRun = LETTER_OR_DIGIT.test(String.fromCodePoint(point));
    }
    if (inRun) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      runs.push(text.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) runs.push(text.slice(start));
  return runs;
}
