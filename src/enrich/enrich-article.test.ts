import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { cleanBody } from '../clean/clean-body.js';
import { normalizeText } from '../clean/normalize-text.js';
import { parseNinjs } from '../ingest/parse-ninjs.js';
import { parseTextArticle } from '../ingest/parse-text-article.js';
import { enrichArticle, MAX_ENTITIES, MAX_QUOTES } from './enrich-article.js';

const page = parseTextArticle(readFileSync(new URL('testdata/menafn-nato-article.txt', import.meta.url), 'utf8'));
const body = cleanBody({ html: page.html, text: page.text, baseUrl: null });
const sample = enrichArticle({ headline: page.headline, text: body.text });
const named = (type: string) => sample.entities.filter((e) => e.type === type).map((e) => e.name);

describe('enrichArticle on the sample MENAFN article', () => {
  it('finds the people by their full names, with titles as roles', () => {
    const people = named('person');
    for (const name of ['Mark Rutte', 'Friedrich Merz', 'Donald Trump', 'Vladimir Putin']) assert.ok(people.includes(name), `${name} in ${people}`);
    assert.ok(!people.some((p) => /Chancellor|President|Secretary|^Rutte$/.test(p)), `no titles or bare surnames: ${people}`);
    const byName = new Map(sample.entities.map((e) => [e.name, e]));
    assert.equal(byName.get('Friedrich Merz')?.role, 'German Chancellor');
    assert.equal(byName.get('Mark Rutte')?.role, 'Secretary General');
    // "Rutte" alone later in the text counts for Mark Rutte.
    assert.ok(byName.get('Mark Rutte')!.mentions >= 4);
  });

  it('finds the organisations and places, nationality adjectives linked to their country', () => {
    const orgs = named('organisation');
    assert.ok(orgs.includes('NATO') && orgs.includes('Kremlin'), `${orgs}`);
    const places = named('place');
    for (const name of ['Ukraine', 'Russia', 'Germany', 'Wiesbaden']) assert.ok(places.includes(name), `${name} in ${places}`);
    // Germany appears only as "German Chancellor".
    assert.ok(!body.text.includes('Germany'));
  });

  it('attributes the quote to Mark Rutte', () => {
    const quote = sample.quotes.find((q) => q.text.startsWith('We have never agreed that NATO membership for Ukraine would be part of a peace deal'));
    assert.equal(quote?.speakerSlug, 'mark-rutte');
    assert.equal(quote?.speakerName, 'Mark Rutte');
  });

  it('lands in world or politics, says English and summarises the first sentence', () => {
    assert.ok(['world', 'politics'].includes(sample.categories[0]!), `${sample.categories}`);
    assert.ok(sample.categories.includes('world') && sample.categories.includes('politics'));
    assert.equal(sample.language, 'en');
    assert.match(sample.summary, /^NATO has never promised Ukraine membership/);
  });
});

describe('entities and quotes beyond the sample', () => {
  const enrich = (text: string, headline = 'A story') => enrichArticle({ headline, text });

  it('handles said-first, colon and according-to attributions, and pronouns', () => {
    const e = enrich(
      'Christine Lagarde, the president of the European Central Bank, spoke in Frankfurt. "Inflation is coming down faster than we expected," said Lagarde. ' +
        'She added: “We will not declare victory too early, and we will watch the data.” ' +
        'Growth will recover next year, according to Philip Lane, who also said the outlook was uncertain.\n' +
        '“The second half of the year will be better for households,” according to Lane.',
    );
    assert.deepEqual(
      e.quotes.map((q) => q.speakerName),
      ['Christine Lagarde', 'Christine Lagarde', 'Philip Lane'],
    );
    assert.ok(e.entities.some((x) => x.name === 'European Central Bank' && x.type === 'organisation'));
    assert.ok(e.entities.some((x) => x.name === 'Frankfurt' && x.type === 'place'));
  });

  it('keeps an unresolved speaker’s words and ignores short scare quotes', () => {
    const e = enrich('The company called the plan "bold". “We expect the deal to close by the end of the year,” a spokesperson said.');
    assert.equal(e.quotes.length, 1);
    assert.equal(e.quotes[0]?.speakerSlug, null);
    assert.equal(e.quotes[0]?.speakerName, 'a spokesperson');
  });

  it('maps canonical names: U.S. is the United States, EU the European Union', () => {
    const e = enrich('The U.S. and the EU agreed on new tariffs on Tuesday. European officials said the deal would hold.');
    const names = e.entities.map((x) => x.name);
    assert.ok(names.includes('United States') && names.includes('European Union'), `${names}`);
  });

  it('detects a non-English text despite a wrong declared language', () => {
    const e = enrichArticle({ headline: 'Scholz in Berlin', text: '„Wir werden die Ukraine weiter unterstützen, solange es nötig ist“, sagte Bundeskanzler Olaf Scholz am Montag in Berlin.', declaredLanguage: 'en' });
    assert.equal(e.language, 'de');
    assert.equal(e.quotes[0]?.speakerName, 'Olaf Scholz');
  });
});

describe('entities in languages whose capitals are not names', () => {
  /** An agency example from the corpus, read as import reads it, and enriched. */
  function agencyStory(file: string) {
    const read = parseNinjs(JSON.parse(readFileSync(new URL(`../ingest/testdata/agency/ninjs/2.1/${file}`, import.meta.url), 'utf8')));
    assert.equal(read.kind, 'accepted');
    const item = (read as Extract<typeof read, { kind: 'accepted' }>).items[0]!;
    const text = cleanBody({ html: item.html, text: item.text, baseUrl: null }).text;
    return enrichArticle({ headline: item.headline, text, declaredLanguage: item.language });
  }

  it('keeps German nouns out of the entities (dpa): no "Dezember" as a place, only names it can vouch for', () => {
    const story = agencyStory('dpa_text.json');
    assert.equal(story.language, 'de');
    const names = story.entities.map((e) => `${e.type}:${e.name}`);
    // Every name a careful reader would mark in this fact-check, by the type they would give it.
    const reader = new Set(['person:Lucien Favre', 'person:Felix Zwayer', 'person:Julian Weigl', 'person:Daniel Caligiuri', 'person:Guido Winkmann', 'person:Markus Merk', 'person:Lutz Michael Fröhlich', 'person:Christian Hollmann', 'organisation:DFB', 'organisation:FC Schalke', 'organisation:Borussia Dortmund', 'organisation:BVB', 'organisation:dpa', 'place:Berlin', 'place:Dortmund', 'place:Gelsenkirchen']);
    assert.deepEqual(names.filter((n) => !reader.has(n)), [], 'nothing a reader would not mark');
    for (const name of ['person:Felix Zwayer', 'person:Lucien Favre', 'person:Julian Weigl', 'organisation:DFB']) assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
  });

  it('tags Swedish as before (TT): capitals there are names, and nothing else is tagged', () => {
    const story = agencyStory('tt_text_image_2.json');
    assert.equal(story.language, 'sv');
    const names = story.entities.map((e) => `${e.type}:${e.name}`);
    const reader = new Set(['person:Jonas Svensson', 'organisation:TT', 'organisation:Försvarsmakten', 'organisation:Sydöstran', 'place:Finland', 'place:Sverige', 'place:Sweden', 'place:Gotland']);
    assert.deepEqual(names.filter((n) => !reader.has(n)), [], 'nothing a reader would not mark');
    for (const name of ['person:Jonas Svensson', 'place:Finland']) assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
  });
});

describe('enrichArticle on a body no article has', () => {
  it('reads the first 100,000 characters of a body packed with names, and keeps at most 200 entities and quotes', () => {
    // About 900 KB: twenty thousand people, each quoted. Matching later mentions to earlier
    // names grows faster than the text; read whole, this took over twenty seconds.
    const text = Array.from({ length: 20_000 }, (_, i) => `"We will win the vote in district ${i}," said Councillor Maria Quintero${i}.`).join('\n\n');
    const enriched = enrichArticle({ headline: 'Council candidates speak', text: `${text}\n\nThe last word went to Vera Lindqvist.` });
    assert.equal(enriched.entities.length, MAX_ENTITIES);
    assert.equal(enriched.quotes.length, MAX_QUOTES);
    assert.ok(enriched.entities.every((e) => Number(/\d+$/.exec(e.name)?.[0] ?? 0) < 2_000), 'only names of the first part');
    assert.ok(!enriched.entities.some((e) => e.name === 'Vera Lindqvist'), 'the end of the body was not read');
    const kept = new Set(enriched.entities.map((e) => e.slug));
    assert.ok(enriched.quotes.every((q) => q.speakerSlug === null || kept.has(q.speakerSlug)), 'a quote names only a kept entity');
    assert.match(enriched.summary, /district 0/);
  });
});

describe('enrichArticle on text the clean stage normalised', () => {
  it('reads words a soft hyphen split as whole words', () => {
    const found = enrichArticle({ headline: 'Participations de l’\u00c9tat', text: normalizeText('«Il n’y a pas de sujet, nous n’avons pas de dossier précis», ajoute un \u00adproche de Pierre Moscovici.') });
    assert.deepEqual(found.quotes.map((q) => [q.speakerName, q.speakerSlug]), [['un proche', null]]);
  });
});
