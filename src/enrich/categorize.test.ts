import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { categorize, mapTerm } from './categorize.js';

const input = (overrides: Partial<Parameters<typeof categorize>[0]>) => ({ headline: '', text: '', declared: [], entities: [], ...overrides });

describe('categorize', () => {
  it('maps provider terms: names, slugs, synonyms, IPTC Media Topic codes and paths', () => {
    assert.equal(mapTerm('World'), 'world');
    assert.equal(mapTerm('Stock Market'), 'markets');
    assert.equal(mapTerm('medtop:15000000'), 'sport');
    assert.equal(mapTerm('http://cv.iptc.org/newscodes/mediatopic/04000000'), 'business');
    assert.equal(mapTerm('News > Cryptocurrency'), 'crypto');
    assert.equal(mapTerm('Horoscopes'), undefined);
  });

  it('puts declared categories first, and adds only what the text says strongly', () => {
    assert.deepEqual(categorize(input({ headline: 'Striker scores twice in cup final', declared: ['Business'] })), ['business', 'sport']);
    assert.deepEqual(categorize(input({ headline: 'Quarterly results', text: 'The team met.', declared: ['Business'] })), ['business']);
  });

  it('reads the text with the rules of its language', () => {
    // German "war" is "was": English rules would call this football story a war.
    const german = 'Für den Trainer war es ein Skandal. Der Schiedsrichter entschied auf Elfmeter, das Spiel war danach entschieden, es war ein Handspiel.';
    assert.deepEqual(categorize(input({ headline: 'Faktencheck Derby-Elfmeter', text: german, language: 'de' })), ['sport']);
    assert.equal(categorize(input({ headline: 'Regeringen höjer försvarsbudgeten', text: 'Försvarsmakten får mer pengar till militärövningar.', language: 'sv' }))[0], 'conflict');
    assert.equal(categorize(input({ headline: 'Le gouvernement présente son budget', text: 'Le Premier ministre et le Parlement débattent, le ministre des Finances défend le gouvernement.', language: 'fr' }))[0], 'politics');
    assert.equal(categorize(input({ headline: 'El Real Madrid gana la final de la Copa', text: 'El equipo marcó dos goles en el partido.', language: 'es' }))[0], 'sport');
    assert.equal(categorize(input({ headline: 'المنتخب يفوز بالمباراة النهائية', text: 'سجل اللاعب هدفين في المباراة وفاز الفريق بالكأس.', language: 'ar' }))[0], 'sport');
    assert.equal(categorize(input({ headline: 'Renten stiger igjen', text: 'Norges Bank hever styringsrenten, og inflasjonen er høy.', language: 'nb' }))[0], 'economy');
    assert.equal(categorize(input({ headline: 'Folketinget vedtager ny finanslov', text: 'Regeringen og partierne i Folketinget blev enige.', language: 'da' }))[0], 'politics');
    // A language without rules gets nothing from the text (never English rules by mistake).
    assert.deepEqual(categorize(input({ headline: 'Wojna war war war', text: 'war war war war', language: 'pl' })), []);
  });

  it('maps the subject schemes agencies send', () => {
    assert.equal(mapTerm('04005000'), 'energy'); // NTB: a bare IPTC Subject Code
    assert.equal(mapTerm('http://tt.se/spec/subref/1.0/16000000'), 'conflict'); // TT's subject reference
    assert.equal(mapTerm('Government and politics'), 'politics'); // AP
    assert.equal(mapTerm('Restaurant/Bar'), 'lifestyle'); // Business Wire
    assert.equal(mapTerm('Wirtschaft'), 'economy');
  });

  it('assigns categories from the text when nothing declared maps', () => {
    const sport = categorize(input({ headline: 'Striker scores twice as City win the cup final', text: 'The team won the match after the coach changed the players at half time.', declared: ['Misc'] }));
    assert.equal(sport[0], 'sport');
    const research = categorize(input({ headline: 'Japan shrimp market to hit USD 7.8 billion by 2033', text: 'The market size is projected to reach USD 7.8 billion, a CAGR of 2.62% over the forecast period.' }));
    assert.equal(research[0], 'market-research');
  });

  it('falls back to the default categories, and to none', () => {
    assert.deepEqual(categorize(input({ headline: 'Hello' }), { defaultCategories: ['world'] }), ['world']);
    assert.deepEqual(categorize(input({ headline: 'Hello' })), []);
  });
});
