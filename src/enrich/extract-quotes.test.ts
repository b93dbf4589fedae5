import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractQuotes } from './extract-quotes.js';
import { tagEntities } from './tag-entities.js';

function quotesOf(text: string) {
  const { entities, mentions } = tagEntities(text);
  return extractQuotes(text, mentions, entities).map((q) => [q.text.slice(0, 24), q.speakerName]);
}

describe('extractQuotes: speakers', () => {
  it('gives a continuation quote the speaker of its attribution', () => {
    const text =
      'Chargers coach Anthony Lynn said the loss hurt.\n\n“We talked all along about everything we wanted,” Lynn said. “Yes, we needed to win this game today and we did not.”';
    assert.deepEqual(quotesOf(text), [
      ['We talked all along abou', 'Anthony Lynn'],
      ['Yes, we needed to win th', 'Anthony Lynn'],
    ]);
  });

  it('carries the speaker into the next paragraph only when nothing else stands between', () => {
    const text =
      '“This is a stock that had been getting clobbered for years,” Matt Maley said on Monday. “It was down for four straight years in a row.”\n\nAnalysts at the bank disagreed with him entirely. “It is far too early to call a bottom here,” one of them wrote.';
    const quotes = quotesOf(text);
    assert.deepEqual(quotes[1], ['It was down for four str', 'Matt Maley']);
    assert.notEqual(quotes[2]![1], 'Matt Maley');
  });

  it('resolves a pronoun to the last named person it fits', () => {
    const text =
      'Michelle Hege runs the agency. Her partner, David Daniels, was in Spokane.\n\n“The proof is in the pudding, as always,” she said.';
    assert.deepEqual(quotesOf(text), [['The proof is in the pudd', 'Michelle Hege']]);
  });

  it('never makes the person threatened the speaker', () => {
    const text =
      'Patrick Carlineo Jr. admitted he had threatened Rep. Ilhan Omar. “I will put a bullet in her skull,” he told the FBI agent on the phone.';
    assert.deepEqual(quotesOf(text), [['I will put a bullet in h', 'Patrick Carlineo Jr']]);
  });

  it('reads “Name: quote” headlines and a long apposition before the verb', () => {
    assert.deepEqual(quotesOf('Anthony Lynn: “We needed to win this game”'), [['We needed to win this ga', 'Anthony Lynn']]);
    const text =
      '“The third requirement, liquid water, is hard to find,” study lead author Lucas Paganini, a planetary scientist at NASA’s Goddard Space Flight Center in Greenbelt, Maryland, said in a statement.';
    assert.deepEqual(quotesOf(text), [['The third requirement, l', 'Lucas Paganini']]);
  });

  it('takes the name next to the verb over an organisation named further off', () => {
    const text = 'Later, in remarks at the Communist Party headquarters in Hanoi, Esper said, “We strongly oppose violations of international law by China.”';
    assert.deepEqual(quotesOf(text), [['We strongly oppose viola', 'Esper']]);
    assert.deepEqual(quotesOf('Noem later tweeted that the epidemic “needs to be a dinner table conversation.”'), [['needs to be a dinner tab', 'Noem']]);
  });

  it('gives “said the actor” to the person last quoted', () => {
    const text =
      '“We lost the baby this weekend, and it hurts,” James Van Der Beek said.\n\n“You never know why these things happen to people,” said the actor. “It makes you more human.”';
    assert.deepEqual(quotesOf(text), [
      ['We lost the baby this we', 'James Van Der Beek'],
      ['You never know why these', 'James Van Der Beek'],
      ['It makes you more human.', 'James Van Der Beek'],
    ]);
  });

  it('reads quotes whose opening and closing marks differ', () => {
    const text = '“Our third quarter results reflected broad-based growth," chief executive Craig Menear said in the release.';
    assert.deepEqual(quotesOf(text), [['Our third quarter result', 'Craig Menear']]);
  });

  it('accepts tweeted as a verb of speech', () => {
    assert.deepEqual(quotesOf('“Meth is a serious problem in our state,” Kristi Noem tweeted Monday night.'), [['Meth is a serious proble', 'Kristi Noem']]);
  });
});
