import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityMention } from '../domain/entity.js';
import { clusterOptions, defaultClusterOptions } from './cluster-options.js';
import { buildEventProfile, decodeProfile, encodeProfile, entityKey, frequencyKeys, idf, termKey, type DocumentFrequencies, type EventProfile } from './event-profile.js';
import { abbreviates, chooseEventCluster, entityOverlap, eventSimilarity, placesDisagree, sameName, termCosine, timeFactor } from './event-similarity.js';
import { eventTerms, numbersInDigits, termOf } from './event-terms.js';

const options = { ...defaultClusterOptions.event, windowHours: defaultClusterOptions.windowHours };
const at = new Date('2019-11-20T09:00:00Z');
const hours = (h: number) => new Date(at.getTime() + h * 3_600_000);
const person = (slug: string): EntityMention => ({ slug, name: slug, type: 'person', mentions: 1, role: null });
const org = (slug: string): EntityMention => ({ slug, name: slug, type: 'organisation', mentions: 1, role: null });
const place = (slug: string): EntityMention => ({ slug, name: slug, type: 'place', mentions: 1, role: null });

/** Frequencies of an archive where everyday news words are common and names are rare. */
const archive: DocumentFrequencies = {
  docs: 10_000,
  df: new Map([
    ...['order', 'jet', 'plane', 'airline', 'deal', 'price', 'share', 'company', 'sale', 'billion', 'list', 'carrier', 'market', 'index', 'stock', 'trading', 'fell', 'rose'].map((t) => [termKey(t), 1500] as const),
    ...['boeing', 'emirate', 'dubai'].map((t) => [termKey(t), 40] as const),
    ...['nikkei', 'kospi', 'hang', 'seng', 'shanghai', 'composite'].map((t) => [termKey(t), 300] as const),
    [entityKey('united-states'), 3000],
    [entityKey('boeing'), 40],
    [entityKey('emirates'), 20],
    [entityKey('japan'), 800],
  ]),
};

function profileOf(headline: string, body: string, entities: EntityMention[], when: Date): EventProfile {
  return buildEventProfile(eventTerms(headline, body), entities, when, archive, defaultClusterOptions.event).profile;
}

// One event, two agencies: Emirates' Dreamliner order at the Dubai Air Show.
const wire = profileOf(
  'Emirates orders 30 Boeing 787 jets at Dubai Air Show',
  "Dubai's flagship carrier Emirates finalized a deal to purchase 30 of Boeing's 787-9 Dreamliner jets, executives announced Wednesday at the Dubai Air Show. The deal reduces a prior commitment of 777X jets by 30 to 126. The order is valued at $8.8 billion at list prices.",
  [org('emirates'), org('boeing'), place('dubai')],
  at,
);
const rewrite = profileOf(
  'Emirates trims 777X order, buys 30 Dreamliners for $8.8 billion',
  'Boeing won a much-needed order on Wednesday as Emirates finalised a purchase of 30 787-9 Dreamliners, valued at $8.8 billion at list prices. The Dubai carrier will cut its 777X commitment by 30 aircraft to 126.',
  [org('boeing'), org('emirates'), place('dubai')],
  hours(3),
);
// Same topic, another event: the next day's order by another airline at the same show.
const nextDay = profileOf(
  'Air Arabia orders 120 Airbus jets at Dubai Air Show',
  'Air Arabia agreed on Thursday to buy 120 Airbus A320neo family jets worth $14 billion at list prices, the largest order of the Dubai Air Show. The Sharjah-based low-cost carrier includes the long-range A321XLR.',
  [org('air-arabia'), org('airbus'), place('dubai'), place('sharjah')],
  hours(24),
);
// Daily market reports: the same template and names every day.
const tuesday = profileOf(
  'Asian markets mixed on trade pessimism',
  "Japan's Nikkei 225 declined 0.3%, while South Korea's Kospi fell 0.5%. Hong Kong's Hang Seng index was last trading up about 1%, and China's Shanghai Composite rose 0.4%.",
  [place('japan'), place('hong-kong')],
  at,
);
const wednesday = profileOf(
  'Asian markets fall after tariff threat',
  "The Nikkei 225 in Tokyo lost 0.9% and the Kospi dropped 1.1%. Hong Kong's Hang Seng index fell 1.2%, dragged down by technology shares, and the Shanghai Composite was off 0.7%.",
  [place('japan'), place('hong-kong')],
  hours(24),
);

describe('event terms', () => {
  it('keeps names, numbers and content words, drops stop words, folds plurals', () => {
    const terms = eventTerms('Thousands of WeWork employees to be laid off', 'The layoffs are part of an effort to cut costs, said the company; 4,000 of its 12,000 employees are affected.');
    assert.equal(terms.get('wework'), 2, 'headline words count twice');
    assert.equal(terms.get(termOf('employees')!), 3);
    assert.equal(terms.get(termOf('employee')!), 3, 'one term in the singular and the plural');
    assert.equal(terms.get('layoff'), 1);
    assert.equal(terms.get('4000'), 1, '"4,000" is one number');
    assert.equal(terms.get('12000'), 1);
    assert.equal(terms.has('the'), false);
    assert.equal(terms.has('said'), false);
  });

  it('keeps two- to six-digit numbers and drops single digits', () => {
    assert.equal(termOf('787'), '787');
    assert.equal(termOf('2024'), '2024');
    assert.equal(termOf('3'), undefined);
    assert.equal(termOf('5551234567'), undefined);
  });

  it('reads English numbers from ten to ninety-nine in words as the digits another agency writes', () => {
    const words = eventTerms('China confirms third plague case', 'Twenty-eight people who had close contact with the 55-year-old were quarantined.', 'en');
    const digits = eventTerms('Hunter diagnosed with bubonic plague', 'Health officials said that 28 people in close contact with the hunter were quarantined.', 'en');
    assert.equal(words.get('28'), 1);
    assert.equal(digits.get('28'), 1);
    assert.equal(numbersInDigits('A Fifteen-year-old was among forty one people hurt'), 'A 15-year-old was among 41 people hurt');
    assert.equal(numbersInDigits('in the twenty-first century, a fifty-fifty chance, her eighteenth birthday'), 'in the twenty-first century, a fifty-fifty chance, her eighteenth birthday');
    assert.equal(numbersInDigits('Vingt-huit personnes', 'fr'), 'Vingt-huit personnes');
  });

  it('folds "cases" and "companies" but leaves "Congress", "virus" and "analysis" whole', () => {
    assert.equal(termOf('cases'), termOf('case'));
    assert.equal(termOf('companies'), termOf('company'));
    assert.equal(termOf('Congress'), 'congress');
    assert.equal(termOf('virus'), 'virus');
    assert.equal(termOf('analysis'), 'analysis');
  });
});

describe('event profiles', () => {
  it('weights rare terms above common ones, and keeps unit length', () => {
    const weights = new Map(wire.terms);
    assert.ok(weights.get(termOf('emirates')!)! > weights.get(termOf('orders')!)!, 'a rare name outweighs an everyday word');
    const length = Math.hypot(...wire.terms.map(([, w]) => w));
    assert.ok(Math.abs(length - 1) < 0.01);
    assert.ok(idf(archive, entityKey('emirates')) > idf(archive, entityKey('united-states')));
  });

  it('is found under its heaviest terms and rarest entities, a few of each', () => {
    const built = buildEventProfile(eventTerms('Emirates orders 30 Boeing 787 jets', 'Emirates ordered 30 Boeing 787-9 jets at the Dubai Air Show.'), [org('emirates'), org('boeing'), place('united-states')], at, archive, defaultClusterOptions.event);
    assert.ok(built.queryKeys.includes('t:787'));
    assert.ok(built.queryKeys.includes('e:emirates'));
    assert.ok(built.queryKeys.length <= defaultClusterOptions.event.queryTerms + defaultClusterOptions.event.queryEntities);
    assert.ok(built.indexKeys.length <= defaultClusterOptions.event.indexTerms + defaultClusterOptions.event.indexEntities);
    // Every term and entity counts towards the frequencies, however light.
    assert.ok(frequencyKeys(eventTerms('Emirates orders', 'jets'), [org('emirates')]).includes('e:emirates'));
  });

  it('round-trips through its stored text, and reads a damaged one as empty', () => {
    assert.deepEqual(decodeProfile(encodeProfile(wire)), wire);
    assert.deepEqual(decodeProfile('{"terms":'), { terms: [], entities: [], places: [], at: 0 });
    assert.equal(eventSimilarity(wire, decodeProfile('null'), options), 0);
  });
});

describe('event similarity', () => {
  it('joins a rewrite of the same event: new headline, reordered, cut', () => {
    assert.ok(termCosine(wire, rewrite) > 0.4, `cosine ${termCosine(wire, rewrite)}`);
    assert.ok(eventSimilarity(wire, rewrite, options) >= options.threshold);
  });

  it('keeps apart the next day\'s event on the same topic at the same place', () => {
    assert.ok(eventSimilarity(wire, nextDay, options) < options.threshold);
  });

  it('keeps apart daily market reports, though they share their template and names', () => {
    assert.ok(termCosine(tuesday, wednesday) > 0.3, 'the words are much the same');
    assert.ok(eventSimilarity(tuesday, wednesday, options) < options.threshold, 'a day apart, they are two events');
  });

  it('halves the score a time scale apart, and gives 0 beyond the window', () => {
    assert.equal(timeFactor(0, 24), 1);
    assert.equal(timeFactor(24, 24), 0.5);
    assert.equal(eventSimilarity(wire, { ...rewrite, at: hours(options.windowHours + 1).getTime() }, options), 0);
  });

  it('rates shared rare entities above shared common ones', () => {
    const a = { terms: [], places: [], at: 0, entities: [['kevin-king', 8], ['timothy-weeks', 8], ['united-states', 1.5]] } as EventProfile;
    const sameNames = { ...a, entities: [['kevin-king', 8], ['timothy-weeks', 8]] } as EventProfile;
    const onlyCountry = { ...a, entities: [['united-states', 1.5], ['mark-esper', 8]] } as EventProfile;
    assert.ok(entityOverlap(a, sameNames) > 0.8);
    assert.ok(entityOverlap(a, onlyCountry) < 0.1);
  });

  it('sees places in disagreement only when both name places and share none', () => {
    const p = (places: string[]) => ({ terms: [], entities: [], at: 0, places }) as EventProfile;
    assert.equal(placesDisagree(p(['madrid']), p(['manila'])), true);
    assert.equal(placesDisagree(p(['madrid', 'spain']), p(['spain'])), false);
    assert.equal(placesDisagree(p([]), p(['manila'])), false);
    assert.equal(placesDisagree(p(['new-york']), p(['new-york-city'])), false, 'one place, in short and in full');
  });

  it('matches a name with its abbreviation: a leading acronym or the initials of its words', () => {
    assert.ok(abbreviates('bmj', 'bmj-case-reports'), '"published in the journal BMJ" / "published in BMJ Case Reports"');
    assert.ok(abbreviates('ntsb', 'national-transportation-safety-board'));
    assert.ok(abbreviates('boe', 'bank-of-england'), 'with its small words');
    assert.ok(abbreviates('ecb', 'european-central-bank'));
    assert.ok(sameName('national-transportation-safety-board', 'ntsb'), 'either way round');
    assert.ok(!abbreviates('un', 'united-nations'), 'two letters are too few to tell');
    assert.ok(!abbreviates('lee', 'spike-lee'), 'a short surname is not an abbreviation');
    assert.ok(!abbreviates('abc', 'alpha-beta'), 'initials need a name of three words');
    assert.ok(!abbreviates('nba', 'national-football-league'));
    assert.ok(!sameName('lee', 'spike-lee'), 'a surname needs four letters');
  });

  it('counts an organisation named by its initials in one report and in full in the other as shared', () => {
    // "The NTSB sent a team to the crash site" / "The National Transportation Safety Board said …"
    const short = { terms: [], places: [], at: 0, entities: [['ntsb', 7], ['alaska-airlines', 7]] } as EventProfile;
    const full = { terms: [], places: [], at: 0, entities: [['national-transportation-safety-board', 7], ['alaska-airlines', 7]] } as EventProfile;
    assert.equal(entityOverlap(short, full), 1);
  });

  it('matches names through its index exactly as trying every pair of names would', () => {
    // The pairwise reading entityOverlap had before it indexed the parts of names.
    const pairwise = (a: EventProfile, b: EventProfile) => {
      const other = new Map(b.entities);
      let shared = 0;
      for (const [slug, w] of a.entities) {
        const match = other.has(slug) ? slug : [...other.keys()].find((o) => sameName(slug, o));
        if (match === undefined) continue;
        shared += (w + other.get(match)!) / 2;
        other.delete(match);
      }
      const total = (p: EventProfile) => p.entities.reduce((s, [, w]) => s + w, 0);
      const union = total(a) + total(b) - shared;
      return union > 0 ? shared / union : 0;
    };
    // Names from few words, so that many are parts, initials or first words of others.
    const words = ['bank', 'of', 'england', 'boe', 'national', 'safety', 'board', 'nsb', 'owen', 'dempsey', 'the', 'lee', 'royal', 'aberdeen', 'ab'];
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648), seed % n);
    const slug = () => Array.from({ length: 1 + next(4) }, () => words[next(words.length)]).join('-');
    // Another report names some of the same in other ways: a word fewer at either end, a word more, the initials.
    const otherWay = (name: string) => {
      const parts = name.split('-');
      const ways = [parts.slice(1), parts.slice(0, -1), [words[next(words.length)]!, ...parts], [...parts, words[next(words.length)]!], [parts.map((w) => w[0]).join('')]];
      return ways[next(ways.length)]!.join('-') || name;
    };
    const entities = (names: string[]) => [...new Map(names.map((name) => [name, 1 + next(9)] as [string, number]))];
    const profile = (names: string[]): EventProfile => ({ ...wire, entities: entities(names) });
    let byPart = 0;
    for (let i = 0; i < 2_000; i++) {
      const mine = Array.from({ length: 1 + next(8) }, slug);
      const theirs = [...mine.filter(() => next(2) === 0).map(otherWay), ...Array.from({ length: next(5) }, slug)];
      const [a, b] = [profile(mine), profile(theirs.sort(() => next(3) - 1))];
      assert.equal(entityOverlap(a, b), pairwise(a, b), JSON.stringify([a.entities, b.entities]));
      const named = b.entities.map(([s]) => s);
      if (a.entities.some(([s]) => !named.includes(s) && named.some((t) => sameName(s, t)))) byPart++;
    }
    assert.ok(byPart > 200, `enough pairs share a name written two ways to mean something (${byPart})`);
    // Two of theirs name it, one shorter and one longer: the first of them in their order counts.
    const bank = { ...wire, entities: [['bank-of-england', 4]] } as EventProfile;
    const shortFirst = { ...wire, entities: [['bank', 2], ['bank-of-england-plc', 8]] } as EventProfile;
    assert.equal(entityOverlap(bank, shortFirst), pairwise(bank, shortFirst));
    assert.equal(entityOverlap(bank, shortFirst), 3 / (4 + 10 - 3));
  });
});

describe('chooseEventCluster', () => {
  it('joins the best-scoring cluster, ties to the older one, and names clusters the article links', () => {
    const candidates = [
      { articleId: 7, clusterId: 7, profile: wire },
      { articleId: 9, clusterId: 3, profile: wire },
      { articleId: 12, clusterId: 12, profile: nextDay },
    ];
    const chosen = chooseEventCluster(rewrite, candidates, options);
    assert.equal(chosen?.clusterId, 3);
    assert.deepEqual(chosen?.linked, [7]);
    assert.deepEqual(chosen?.links.map((l) => l.articleId), [7, 9], 'the versions that carry the join and the merge, not the next day\'s report');
    assert.equal(chooseEventCluster(rewrite, [{ articleId: 12, clusterId: 12, profile: nextDay }], options), undefined);
    assert.equal(chooseEventCluster(rewrite, [], options), undefined);
  });

  it('refuses a merge threshold below the join threshold', () => {
    assert.throws(() => clusterOptions({ event: { ...defaultClusterOptions.event, threshold: 0.6, mergeThreshold: 0.5 } }), RangeError);
  });
});
