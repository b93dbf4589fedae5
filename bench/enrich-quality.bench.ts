/**
 * Enrichment quality on a hand-marked evaluation set (bench/testdata/enrich-eval.json):
 * precision, recall and F1 of people, organisations and places (names compared by slug,
 * so case and accents do not matter), of quote detection, and of quote attribution (a
 * quote counts when found with the right speaker). Also language detection accuracy.
 */
import { readFileSync } from 'node:fs';
import { slugify } from '../src/domain/article.js';
import { enrichArticle } from '../src/enrich/enrich-article.js';
import type { Benchmark, BenchRow } from './benchmark.js';

interface EvalText {
  id: string;
  language: string;
  text: string;
  people: string[];
  organisations: string[];
  places: string[];
  quotes: { text: string; speaker: string }[];
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const quoteKey = (text: string) => slugify(text).slice(0, 40);

function row(name: string, c: Counts): BenchRow {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { measure: name, tp: c.tp, fp: c.fp, fn: c.fn, precision, recall, f1 };
}

function compare(gold: string[], predicted: string[], into: Counts, misses: string[], id: string): void {
  const g = new Set(gold.map(slugify));
  const p = new Set(predicted.map(slugify));
  for (const x of p) {
    if (g.has(x)) into.tp++;
    else (into.fp++, misses.push(`${id}: extra ${x}`));
  }
  for (const x of g) if (!p.has(x)) (into.fn++, misses.push(`${id}: missed ${x}`));
}

const benchmark: Benchmark = {
  name: 'Enrichment quality: entities, quotes and speakers on 30 hand-marked texts',
  group: 'quality',
  async run() {
    const data = JSON.parse(readFileSync(new URL('testdata/enrich-eval.json', import.meta.url), 'utf8')) as { texts: EvalText[] };
    const kinds = { person: 'people', organisation: 'organisations', place: 'places' } as const;
    const counts = { person: { tp: 0, fp: 0, fn: 0 }, organisation: { tp: 0, fp: 0, fn: 0 }, place: { tp: 0, fp: 0, fn: 0 } };
    const all: Counts = { tp: 0, fp: 0, fn: 0 };
    const quotesFound: Counts = { tp: 0, fp: 0, fn: 0 };
    const attributed: Counts = { tp: 0, fp: 0, fn: 0 };
    const misses: string[] = [];
    let languageRight = 0;
    for (const t of data.texts) {
      // The headline is left empty: the texts are bodies, and a made-up headline would add names.
      const e = enrichArticle({ headline: '', text: t.text });
      if (e.language === t.language) languageRight++;
      for (const [type, field] of Object.entries(kinds) as [keyof typeof kinds, (typeof kinds)[keyof typeof kinds]][]) {
        const before = { ...counts[type] };
        compare(t[field], e.entities.filter((x) => x.type === type).map((x) => x.name), counts[type], misses, `${t.id} ${type}`);
        all.tp += counts[type].tp - before.tp;
        all.fp += counts[type].fp - before.fp;
        all.fn += counts[type].fn - before.fn;
      }
      const predicted = new Map(e.quotes.map((q) => [quoteKey(q.text), q]));
      const gold = new Map(t.quotes.map((q) => [quoteKey(q.text), q]));
      for (const [key, q] of predicted) {
        const g = gold.get(key);
        if (!g) {
          quotesFound.fp++;
          attributed.fp++;
          misses.push(`${t.id}: extra quote "${q.text.slice(0, 30)}"`);
          continue;
        }
        quotesFound.tp++;
        if (q.speakerName && slugify(q.speakerName) === slugify(g.speaker)) attributed.tp++;
        else (attributed.fp++, attributed.fn++, misses.push(`${t.id}: quote given to ${q.speakerName ?? 'nobody'}, not ${g.speaker}`));
      }
      for (const [key, g] of gold) if (!predicted.has(key)) (quotesFound.fn++, attributed.fn++, misses.push(`${t.id}: missed quote "${g.text.slice(0, 30)}"`));
    }
    return {
      rows: [
        row('people', counts.person),
        row('organisations', counts.organisation),
        row('places', counts.place),
        row('all entities', all),
        row('quotes found', quotesFound),
        row('quotes with right speaker', attributed),
        { measure: 'language', tp: languageRight, fp: data.texts.length - languageRight, fn: 0, precision: languageRight / data.texts.length, recall: languageRight / data.texts.length, f1: languageRight / data.texts.length },
      ],
      notes: [`${data.texts.length} texts. Errors:`, ...misses.map((m) => `  ${m}`)],
    };
  },
};

export default benchmark;
