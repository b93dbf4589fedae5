/**
 * franc's `francAll(text, { only, minLength: 10 })`, answer for answer, at a fraction of the
 * cost. franc compares the text's trigrams with each candidate language's model in turn, one
 * object lookup per trigram and language (about 40,000 per article for the Latin script);
 * here the models of one script and candidate list are merged once per process into one
 * table, so each trigram of the text is looked up once and adds its distance to every
 * language that has it. Scripts with a single language, and every other case franc answers
 * without trigrams, are left to franc itself.
 */
import { francAll } from 'franc';
import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';

/** As in franc: the text is cut to this length, and a trigram missing from a model costs this much. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;
const MIN_LENGTH = 10;

/** One script's candidate models merged: for each trigram, the languages that have it and its rank there. */
interface MergedModels {
  languages: string[];
  /** trigram (as `trigramCode` gives it) → pairs of (language index, rank), flattened. */
  ranks: Map<number, number[]>;
}

/**
 * Three UTF-16 code units as one exact number, so counting needs no substring per trigram.
 * Code units below 1024 (Latin, Greek and Cyrillic letters, spaces) pack into 30 bits: a
 * small integer, which a Map hashes several times faster than a larger number. Others take
 * the exact form above 2^48, which no packed code reaches.
 */
function trigramCode(a: number, b: number, c: number): number {
  if ((a | b | c) < 1024) return (a << 20) | (b << 10) | c;
  return 0x1000000000000 + a * 0x100000000 + b * 0x10000 + c;
}

const merged = new Map<string, MergedModels>();

function mergedModels(script: string, only: readonly string[]): MergedModels {
  const key = `${script}\u0000${only.join(',')}`;
  let models = merged.get(key);
  if (models) return models;
  // The languages in franc's order (its data's), so that equal distances sort as franc sorts them.
  const languages = Object.keys(data[script]!).filter((name) => only.length === 0 || only.includes(name));
  const ranks = new Map<number, number[]>();
  languages.forEach((name, index) => {
    const model = data[script]![name]!.split('|');
    // franc keeps the first rank of a trigram listed twice.
    const seen = new Set<string>();
    model.forEach((trigram, rank) => {
      // (An entry of another length could never equal a text's trigram.)
      if (seen.has(trigram) || trigram.length !== 3) return;
      seen.add(trigram);
      const code = trigramCode(trigram.charCodeAt(0), trigram.charCodeAt(1), trigram.charCodeAt(2));
      let list = ranks.get(code);
      if (!list) ranks.set(code, (list = []));
      list.push(index, rank);
    });
  });
  models = { languages, ranks };
  merged.set(key, models);
  return models;
}

/** Languages ranked by closeness to the text, best first, with franc's scores (1 best, 0 worst). */
export function rankLanguages(value: string, only: readonly string[]): [string, number][] {
  if (!value || value.length < MIN_LENGTH) return francAll(value, { only: [...only], minLength: MIN_LENGTH });
  const sample = value.slice(0, MAX_LENGTH);
  const script = topScript(sample);
  if (!script || !Object.hasOwn(data, script)) return francAll(value, { only: [...only], minLength: MIN_LENGTH });
  const { languages, ranks } = mergedModels(script, only);
  if (languages.length === 0) return francAll(value, { only: [...only], minLength: MIN_LENGTH });

  const counts = trigramCounts(sample);
  // Every trigram costs MAX_DIFFERENCE in a model that lacks it; those a model has cost the
  // difference of counts and rank instead (franc's formula, kept as it is).
  const distances = new Array<number>(languages.length).fill(counts.size * MAX_DIFFERENCE);
  for (const [trigram, count] of counts) {
    const list = ranks.get(trigram);
    if (!list) continue;
    for (let i = 0; i < list.length; i += 2) distances[list[i]!]! += Math.abs(count - list[i + 1]! - 1) - MAX_DIFFERENCE;
  }
  const ranked: [string, number][] = languages.map((name, i) => [name, distances[i]!]);
  ranked.sort((a, b) => a[1] - b[1]);
  const min = ranked[0]![1];
  const max = sample.length * MAX_DIFFERENCE - min;
  for (const entry of ranked) entry[1] = 1 - (entry[1] - min) / max || 0;
  return ranked;
}

/** The script whose characters are most frequent in the text (franc's getTopScript). */
function topScript(value: string): string | undefined {
  // Most text is mostly Latin: the scripts' character classes are disjoint, so when Latin holds
  // over half the characters no other script can match its share, and the other 29 patterns
  // (about two thirds of this function's time) need not run.
  if (shareOf(value, 'Latin') > 0.5) return 'Latin';
  let topCount = -1;
  let top: string | undefined;
  for (const script in expressions) {
    if (!Object.hasOwn(expressions, script)) continue;
    const count = shareOf(value, script);
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  }
  return top;
}

/** The share of the text's characters in a script, as franc counts it. */
function shareOf(value: string, script: string): number {
  return (value.match(expressions[script]!)?.length ?? 0) / value.length || 0;
}

/** How often each trigram occurs in the text as franc cleans it (trigram-utils' asDictionary). */
function trigramCounts(value: string): Map<number, number> {
  const cleaned = ` ${value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `;
  const counts = new Map<number, number>();
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const trigram = trigramCode(cleaned.charCodeAt(i), cleaned.charCodeAt(i + 1), cleaned.charCodeAt(i + 2));
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return counts;
}
