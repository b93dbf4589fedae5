import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitSentences } from './split-sentences.js';
import { stripDateline } from './strip-dateline.js';
import { summarize } from './summarize.js';

describe('splitSentences', () => {
  it('does not end a sentence at an initial, a title, an abbreviation or a decimal', () => {
    assert.deepEqual(splitSentences('Officers arrested Patrick W. Smith on Monday, said Lt. Matt Harris. Output fell to 2.5% in Jan. and rose in Feb. again. He left.'), [
      'Officers arrested Patrick W. Smith on Monday, said Lt. Matt Harris.',
      'Output fell to 2.5% in Jan. and rose in Feb. again.',
      'He left.',
    ]);
  });

  it('ends a sentence after a number that closes it', () => {
    assert.deepEqual(splitSentences('The index fell to 2. Then it rose.'), ['The index fell to 2.', 'Then it rose.']);
  });

  it('works for French, German and Arabic', () => {
    assert.deepEqual(splitSentences('Le prix a augmenté de 2,5 %. M. Dupont a réagi.', 'fr'), ['Le prix a augmenté de 2,5 %.', 'M. Dupont a réagi.']);
    assert.deepEqual(splitSentences('Er sagte z. B. nichts. Dann ging er.', 'de'), ['Er sagte z. B. nichts.', 'Dann ging er.']);
    assert.deepEqual(splitSentences('قال الرئيس إن الوضع صعب. وأضاف أن الحل قريب.', 'ar'), ['قال الرئيس إن الوضع صعب.', 'وأضاف أن الحل قريب.']);
  });
});

describe('stripDateline', () => {
  it('removes wire datelines of every usual shape', () => {
    for (const [text, story] of [
      ['NEW DELHI: India’s growth slowed.', 'India’s growth slowed.'],
      ['LONDON (Reuters) - Britain’s economy shrank.', 'Britain’s economy shrank.'],
      ['HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper spoke.', 'U.S. Defense Secretary Mark Esper spoke.'],
      ['(MENAFN) NATO has never promised membership.', 'NATO has never promised membership.'],
      ['BAAR, SWITZERLAND\n\nAscom announced a partnership.', 'Ascom announced a partnership.'],
      ['Hong Kong (CNN Business) A muddled view weighs on investors.', 'A muddled view weighs on investors.'],
      ['Washington, DC, United States: Getting to the Moon is hard.', 'Getting to the Moon is hard.'],
    ]) assert.equal(stripDateline(text!), story);
  });

  it('keeps a company and its ticker, and a label that is not a place', () => {
    assert.equal(stripDateline('Apple (AAPL) shares rose 2% on Monday.'), 'Apple (AAPL) shares rose 2% on Monday.');
    assert.equal(stripDateline('Note: the story was updated.'), 'Note: the story was updated.');
  });
});

describe('summarize', () => {
  it('takes two or three sentences within 300 characters, without the dateline', () => {
    const summary = summarize(
      'NEW DELHI: India’s growth fell to 5.4 per cent in the July–September quarter, the slowest in seven quarters. Analysts had expected 6.5 per cent. The rupee weakened against the dollar. Markets fell sharply in the afternoon.',
    );
    assert.equal(summary, 'India’s growth fell to 5.4 per cent in the July–September quarter, the slowest in seven quarters. Analysts had expected 6.5 per cent. The rupee weakened against the dollar.');
  });

  it('stops before a sentence that would pass the limit', () => {
    const long = `${'Word '.repeat(60).trim()}.`;
    const summary = summarize(`Officers arrested Patrick W. Smith on Monday. ${long}`);
    assert.equal(summary, 'Officers arrested Patrick W. Smith on Monday.');
  });

  it('cuts a first sentence longer than the limit at a word', () => {
    const summary = summarize(`${'Lengthy '.repeat(60)}end.`);
    assert.ok(summary.length <= 300 && summary.endsWith('Lengthy…'), summary);
  });
});
