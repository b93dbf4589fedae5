import assert from 'node:assert/strict';
import { it } from 'node:test';
import { spaceCjkWords, wordsWithCjk } from './cjk-words.js';

it('splits Chinese and Japanese runs into words and leaves other scripts alone', () => {
  assert.equal(spaceCjkWords('国务院总理今天在北京发表讲话').trim().split(/\s+/).includes('北京'), true);
  assert.ok(spaceCjkWords('東京都は新しい防災計画を発表した').trim().split(/\s+/).includes('発表'));
  assert.equal(spaceCjkWords('The minister, café and نشر'), 'The minister, café and نشر');
});

it('gives each word of mixed text its offset, so highlights land on the right characters', () => {
  const text = 'NATO 峰会在北京举行 today';
  const words = [...wordsWithCjk(text, /[\p{L}\p{N}]+/gu)];
  for (const w of words) assert.equal(text.slice(w.index, w.index + w.word.length), w.word);
  assert.deepEqual(words.map((w) => w.word).filter((w) => w === '北京' || w === 'NATO' || w === 'today'), ['NATO', '北京', 'today']);
});
