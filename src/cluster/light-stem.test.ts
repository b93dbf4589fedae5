import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventTerms, quantityTerm } from './event-terms.js';
import { lightStem } from './light-stem.js';
import { sameName } from './event-similarity.js';

describe('lightStem', () => {
  it('gives the forms of one English word one stem', () => {
    for (const group of [
      ['breathe', 'breathing', 'breathless', 'breathlessness'],
      ['allergy', 'allergic'],
      ['quarantine', 'quarantined'],
      ['dizzy', 'dizziness'],
      ['study', 'studies'],
      ['layoff', 'layoffs'],
    ]) {
      assert.equal(new Set(group.map((w) => lightStem(w, 'en'))).size, 1, group.join(', '));
    }
  });

  it('keeps short words whole and different words apart', () => {
    assert.equal(lightStem('news', 'en'), 'news');
    assert.equal(lightStem('data', 'en'), 'data');
    assert.notEqual(lightStem('plane', 'en'), lightStem('planet', 'en'));
  });

  it('stems French, German, Spanish and Portuguese by their own endings, and leaves other languages alone', () => {
    assert.equal(lightStem('manifestations', 'fr'), lightStem('manifestation', 'fr'));
    assert.equal(lightStem('regierungen', 'de'), lightStem('regierung', 'de'));
    assert.equal(lightStem('elecciones', 'es-ES'), lightStem('elección', 'es'));
    assert.equal(lightStem('eleições', 'pt-BR'), lightStem('eleição', 'pt'));
    assert.equal(lightStem('wybory', 'pl'), 'wybory');
  });
});

describe('event terms', () => {
  it('counts a quantity written with separators as one number', () => {
    assert.equal(quantityTerm('4,000'), '4000');
    assert.equal(quantityTerm('4.000'), '4000');
    assert.equal(quantityTerm('1,200,000'), '1200000');
    assert.equal(quantityTerm('8.8'), '8.8');
    assert.equal(quantityTerm('8,8'), '8.8');
    const terms = eventTerms('Deal worth $8.8 billion', 'The 4,000 jobs stay.', 'en');
    assert.equal(terms.get('8.8'), 2, 'the headline counts double');
    assert.equal(terms.get('4000'), 1);
    assert.equal(terms.has('000'), false);
  });

  it('stems in the article\'s language', () => {
    assert.deepEqual([...eventTerms('', 'Quarantined villagers', 'en').keys()].sort(), [...eventTerms('', 'quarantine villager', 'en').keys()].sort());
  });
});

describe('sameName', () => {
  it('matches a person by surname and an organisation by its first words, not by initials', () => {
    assert.ok(sameName('owen-dempsey', 'dempsey'));
    assert.ok(sameName('bmj-case-reports', 'bmj-case'));
    assert.ok(sameName('emirates', 'emirates'));
    assert.equal(sameName('owen-dempsey', 'owen-smith'), false);
    assert.equal(sameName('us-army', 'us'), false, 'too short to stand for a name');
    assert.equal(sameName('dempseyville', 'dempsey'), false);
  });
});
