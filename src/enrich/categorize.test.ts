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

  it('prefers declared categories over the text', () => {
    assert.deepEqual(categorize(input({ headline: 'Striker scores twice in cup final', declared: ['Business'] })), ['business']);
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
