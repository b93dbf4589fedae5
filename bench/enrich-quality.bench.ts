/**
 * Enrichment quality on two hand-marked sets: the 30 short texts written for the first
 * benchmark (bench/testdata/enrich-eval.json; the rules were refined while looking at them)
 * and the dev set of real article openings (bench/testdata/enrich-dev.json), reported as its
 * tune and test halves; beside them, tune passages: written ones (enrich-written-tune.json)
 * and real article paragraphs marked for speakers only (enrich-real-tune.json). Entities are
 * compared by slug, so case and accents do not matter;
 * a type must match, and a person marked by surname alone is found by a full name ending in it.
 * Speaker accuracy is the share of marked quotes found with the marked speaker, by the same
 * rule (an unnamed speaker is right when no entity is given).
 */
import { readFileSync } from 'node:fs';
import { normalizeText } from '../src/clean/normalize-text.js';
import { slugify } from '../src/domain/article.js';
import { enrichArticle } from '../src/enrich/enrich-article.js';
import { splitSentences } from '../src/enrich/split-sentences.js';
import { stripDateline } from '../src/enrich/strip-dateline.js';
import type { Benchmark, BenchRow } from './benchmark.js';
import { findingsInArticles, type PassageFinding } from './enrich-in-article.js';

interface EvalText {
  id: string;
  split?: 'tune' | 'test' | 'check';
  language: string;
  headline?: string;
  text: string;
  people: string[];
  organisations: string[];
  places: string[];
  quotes: { text: string; speaker: string | null }[];
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const kinds = { person: 'people', organisation: 'organisations', place: 'places' } as const;
type Kind = keyof typeof kinds;

/** A marked quote (its first words) matches a found one when either slug starts the other. */
const sameQuote = (marked: string, found: string) => {
  const a = slugify(marked);
  const b = slugify(found);
  return a.length > 0 && b.length > 0 && (b.startsWith(a) || a.startsWith(b));
};
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

function f1Of(c: Counts): number {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/**
 * Whether a found name is the marked one. A person marked by surname alone (the text gives no
 * more) is also found by a full name that ends with it: "Rafael Nadal" for "Nadal".
 */
const sameName = (marked: string, found: string, person: boolean) => marked === found || (person && !marked.includes('-') && found.endsWith(`-${marked}`));

function compare(gold: string[], predicted: string[], into: Counts, misses: string[], id: string, person = false): void {
  const g = [...new Set(gold.map(slugify))];
  const p = [...new Set(predicted.map(slugify))];
  for (const x of p) {
    if (g.some((m) => sameName(m, x, person))) into.tp++;
    else (into.fp++, misses.push(`${id}: extra ${x}`));
  }
  for (const x of g) if (!p.some((f) => sameName(x, f, person))) (into.fn++, misses.push(`${id}: missed ${x}`));
}

/**
 * What is wrong with a summary, if anything: over 300 characters, a dateline left at its
 * start, cut at an initial or inside a number, or one sentence where two would fit.
 */
function summaryProblem(summary: string, text: string, language: string): string | null {
  if (summary.length > 301) return `is ${summary.length} characters`;
  if (stripDateline(summary) !== summary) return `starts with a dateline: "${summary.slice(0, 30)}"`;
  if (/(^|\s)\p{Lu}\.$/u.test(summary)) return `ends at an initial: "…${summary.slice(-30)}"`;
  const flat = text.replace(/\s+/g, ' ');
  const at = flat.indexOf(summary.replace(/…$/, ''));
  if (at >= 0 && /\d\.$/.test(summary) && /^\d/.test(flat.slice(at + summary.length))) return `ends inside a number: "…${summary.slice(-30)}"`;
  const sentences = splitSentences(stripDateline(text), language);
  const fits = sentences.length > 1 && sentences[0]!.length + 1 + sentences[1]!.length <= 300;
  if (fits && splitSentences(summary, language).length < 2) return 'has one sentence where two fit';
  return null;
}

/** A passage marked for quotes and speakers only. */
interface SpeakerPassage {
  id: string;
  split: 'tune' | 'test';
  text: string;
  quotes: { text: string; speaker: string | null }[];
}

/** Scores one set of texts (and passages marked for speakers): a table row and the errors. */
/** A headline and text as ingest hands them to the enrich stage: normalised as the clean stage does (no soft hyphens or control characters, single spaces, NFC). */
function asIngested(headline: string, text: string): { headline: string; text: string } {
  return { headline: normalizeText(headline), text: normalizeText(text) };
}

/** `inArticle`: the entities and quotes each text holds inside its whole article (enrich-in-article.ts), scored instead of the text's own. */
function score(name: string, texts: EvalText[], passages: SpeakerPassage[] = [], inArticle?: Map<string, PassageFinding>): { row: BenchRow; misses: string[] } {
  const counts: Record<Kind, Counts> = { person: zero(), organisation: zero(), place: zero() };
  const quotesFound = zero();
  let speakersRight = 0;
  // A quote shown under a name that is not its speaker's: worse for a reader than no name.
  let speakersWrong = 0;
  let languageRight = 0;
  const summaries = { ok: 0, sentences: 0, chars: 0 };
  const misses: string[] = [];
  const scoreQuotes = (id: string, marked: SpeakerPassage['quotes'], found: { text: string; speakerSlug: string | null; speakerName: string | null }[]) => {
    for (const q of found) if (marked.some((g) => sameQuote(g.text, q.text))) quotesFound.tp++;
    else quotesFound.fp++;
    for (const g of marked) {
      const q = found.find((p) => sameQuote(g.text, p.text));
      if (!q) {
        quotesFound.fn++;
        misses.push(`${id}: missed quote "${g.text.slice(0, 30)}"`);
        continue;
      }
      const right = g.speaker === null ? q.speakerSlug === null : q.speakerName !== null && sameName(slugify(g.speaker), slugify(q.speakerName), true);
      if (right) speakersRight++;
      else if (q.speakerName !== null) speakersWrong++;
      if (!right) misses.push(`${id}: quote "${g.text.slice(0, 24)}" given to ${q.speakerName ?? 'nobody'}, not ${g.speaker ?? 'an unnamed speaker'}`);
    }
  };
  for (const p of passages) scoreQuotes(`${p.id} passage`, p.quotes, enrichArticle(asIngested('', p.text)).quotes);
  for (const t of texts) {
    const alone = enrichArticle(asIngested(t.headline ?? '', t.text));
    const e = { ...alone, ...inArticle?.get(t.id) };
    if (e.language === t.language) languageRight++;
    const problem = summaryProblem(e.summary, t.text, e.language);
    if (problem) misses.push(`${t.id}: summary ${problem}`);
    else summaries.ok++;
    summaries.sentences += splitSentences(e.summary, e.language).length;
    summaries.chars += e.summary.length;
    for (const type of Object.keys(kinds) as Kind[]) {
      compare(t[kinds[type]], e.entities.filter((x) => x.type === type).map((x) => x.name), counts[type], misses, `${t.id} ${type}`, type === 'person');
    }
    scoreQuotes(t.id, t.quotes, e.quotes);
  }
  const all = (['tp', 'fp', 'fn'] as const).reduce((c, k) => ({ ...c, [k]: counts.person[k] + counts.organisation[k] + counts.place[k] }), zero());
  const precision = all.tp + all.fp === 0 ? 1 : all.tp / (all.tp + all.fp);
  const recall = all.tp + all.fn === 0 ? 1 : all.tp / (all.tp + all.fn);
  const goldQuotes = [...texts, ...passages].reduce((n, t) => n + t.quotes.length, 0);
  return {
    row: {
      set: name,
      texts: texts.length,
      // A set of speaker passages alone has no entities, language or summaries to score.
      'entity P': texts.length === 0 ? '-' : precision,
      'entity R': texts.length === 0 ? '-' : recall,
      'entity F1': texts.length === 0 ? '-' : f1Of(all),
      people: texts.length === 0 ? '-' : f1Of(counts.person),
      organisations: texts.length === 0 ? '-' : f1Of(counts.organisation),
      places: texts.length === 0 ? '-' : f1Of(counts.place),
      'quotes F1': f1Of(quotesFound),
      speakers: goldQuotes === 0 ? 1 : speakersRight / goldQuotes,
      'speakers n': `${speakersRight}/${goldQuotes}`,
      'wrong name': speakersWrong,
      language: texts.length === 0 ? '-' : languageRight / texts.length,
      'summaries ok': texts.length === 0 ? '-' : summaries.ok / texts.length,
      'summary sentences': texts.length === 0 ? '-' : summaries.sentences / texts.length,
      'summary chars': texts.length === 0 ? '-' : Math.round(summaries.chars / texts.length),
    },
    misses,
  };
}

const load = (file: string) =>
  JSON.parse(readFileSync(new URL(`testdata/${file}`, import.meta.url), 'utf8')) as { texts: EvalText[]; speakerPassages?: SpeakerPassage[] };

const benchmark: Benchmark = {
  name: 'Enrichment quality: entities, quotes and speakers on hand-marked texts',
  group: 'quality',
  async run() {
    const written = load('enrich-eval.json').texts;
    const { texts: dev, speakerPassages = [] } = load('enrich-dev.json');
    const half = <T extends { split?: string }>(items: T[], split: string) => items.filter((t) => t.split === split);
    const tune = score('dev set, tune half', half(dev, 'tune'), half(speakerPassages, 'tune'));
    const test = score('dev set, test half', half(dev, 'test'), half(speakerPassages, 'test'));
    // The test half as first marked, and the later passages of its articles marked afterwards.
    const later = (t: { id: string }) => t.id.includes('-more-');
    const testFirst = score('  test: first marking', half(dev, 'test').filter((t) => !later(t)), half(speakerPassages, 'test'));
    const testLater = score('  test: later passages', half(dev, 'test').filter(later));
    // The same passages read inside their whole article, as Gazette reads them (with the corpus).
    const inArticles = findingsInArticles(dev);
    const whole = inArticles && {
      tune: score('dev set, tune half, in article', half(dev, 'tune').filter((t) => inArticles.has(t.id)), [], inArticles),
      test: score('dev set, test half, in article', half(dev, 'test').filter((t) => inArticles.has(t.id)), [], inArticles),
    };
    const old = score('30 written texts', written);
    const writtenTexts = load('enrich-written-tune.json').texts;
    const writtenTune = score(`${writtenTexts.length} written tune passages`, writtenTexts);
    const realPassages = load('enrich-real-tune.json').speakerPassages ?? [];
    const realSpeakers = score(`${realPassages.length} real tune passages (speakers)`, [], realPassages);
    const realTexts = load('enrich-real-entities-tune.json').texts;
    const realEntities = score(`${realTexts.length} real tune passages (entities)`, realTexts);
    // Later paragraphs of tune-side pages: the tune part is fitted on, the check part held out.
    const orgTexts = load('enrich-real-orgs-tune.json').texts;
    const orgsTune = score(`${half(orgTexts, 'tune').length} real passages, tune part`, half(orgTexts, 'tune'));
    const orgsCheck = score(`${half(orgTexts, 'check').length} real passages, check part`, half(orgTexts, 'check'));
    // A second dev set, from pages no round before it had seen (enrich-fresh.json), split the same way.
    const fresh = load('enrich-fresh.json').texts;
    const freshTune = score('fresh set, tune half', half(fresh, 'tune'));
    const freshTest = score('fresh set, test half', half(fresh, 'test'));
    const verbose = process.env.BENCH_VERBOSE === '1';
    return {
      rows: [tune.row, test.row, testFirst.row, testLater.row, ...(whole ? [whole.tune.row, whole.test.row] : []), freshTune.row, freshTest.row, old.row, writtenTune.row, realSpeakers.row, realEntities.row, orgsTune.row, orgsCheck.row],
      notes: [
        'Summaries: ok = at most 300 characters, no dateline, not cut at an initial or inside a number, and two or three sentences when two fit.',
        'Dev set: real article openings marked before any output was looked at; rules are tuned on the tune half only, the test half is the figure to quote.',
        'In article: each dev-set passage scored on what Gazette finds in it when it enriches the passage\'s whole article from the corpus, as it does on ingest (the annotators had read the whole article); quotes are those of the passage, speaker passages left out.',
        'Entity scores are micro-averaged over names; people/organisations/places are F1 per type; speakers = marked quotes (in the texts and the speaker passages) found with the right speaker.',
        ...(verbose ? ['Tune-half errors:', ...tune.misses.map((m) => `  ${m}`), 'Fresh set, tune-half errors:', ...freshTune.misses.map((m) => `  ${m}`), 'Written-set errors:', ...old.misses.map((m) => `  ${m}`), 'Written tune passages errors:', ...writtenTune.misses.map((m) => `  ${m}`), 'Real tune passages (speakers) errors:', ...realSpeakers.misses.map((m) => `  ${m}`), 'Real tune passages (entities) errors:', ...realEntities.misses.map((m) => `  ${m}`), 'Real passages, tune part, errors:', ...orgsTune.misses.map((m) => `  ${m}`)] : ['(BENCH_VERBOSE=1 lists the tune half\'s errors.)']),
      ],
    };
  },
};

export default benchmark;
