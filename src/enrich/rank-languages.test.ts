import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { francAll } from 'franc';
import { rankLanguages } from './rank-languages.js';

const testdata = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const articles = [
  testdata('./testdata/menafn-nato-article.txt'),
  ...Object.values(JSON.parse(testdata('../clean/testdata/extraction/ground-truth.json')) as Record<string, { articleBody: string }>).map((p) => p.articleBody),
];
const samples = [
  'Die Bundesregierung hat am Montag in Berlin neue Regeln für den Strommarkt beschlossen, teilte das Ministerium mit.',
  'Le gouvernement a annoncé lundi une réforme des retraites, a indiqué le Premier ministre devant l’Assemblée nationale.',
  'El presidente del Gobierno anunció el lunes un nuevo plan de vivienda para los jóvenes de Madrid y Barcelona.',
  'O governo brasileiro anunciou nesta segunda-feira um novo pacote de investimentos em infraestrutura.',
  'De regering heeft maandag in Den Haag nieuwe maatregelen aangekondigd om de woningnood te bestrijden.',
  'Правительство России в понедельник объявило о новых мерах поддержки экономики и малого бизнеса.',
  'أعلنت الحكومة يوم الاثنين عن خطة جديدة لدعم الاقتصاد الوطني وتوفير فرص العمل للشباب في المدن.',
  'संसद ने सोमवार को नया विधेयक पारित किया, जिससे देश के किसानों को राहत मिलेगी।',
  '政府は月曜日、新しい経済対策を発表した。東京の市場は上昇した。',
  'הממשלה הודיעה ביום שני על תוכנית חדשה לסיוע לעסקים קטנים בישראל.',
  '1234567890 2024-01-01 12:00 +++ ---',
  'short one',
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.',
];
const only = ['eng', 'deu', 'fra', 'spa', 'por', 'ita', 'nld', 'swe', 'nob', 'dan', 'fin', 'pol', 'rus', 'ukr', 'arb', 'pes', 'heb', 'hin', 'mar', 'cmn', 'jpn', 'ind', 'tur'];

describe('rankLanguages', () => {
  it('answers exactly as franc, scores and order, for texts of every length and script', () => {
    const texts = [...samples, ...articles.flatMap((a) => [10, 40, 120, 500, 2047, 2048, 2049, 4000].map((n) => a.slice(0, n))), samples.join('\n')];
    for (const text of texts) {
      assert.deepEqual(rankLanguages(text, only), francAll(text, { only, minLength: 10 }), text.slice(0, 60));
    }
  });

  it('answers exactly as franc with no candidate list, and with candidates of another script', () => {
    for (const text of [...samples, ...articles]) {
      assert.deepEqual(rankLanguages(text, []), francAll(text, { minLength: 10 }));
      assert.deepEqual(rankLanguages(text, ['rus', 'ukr']), francAll(text, { only: ['rus', 'ukr'], minLength: 10 }));
    }
  });

  it('answers exactly as franc when two scripts share the text, on either side of half Latin', () => {
    const latin = 'The ministers met in Brussels on Monday and agreed on new rules. ';
    const cyrillic = 'Министры встретились в понедельник и договорились о новых правилах. ';
    for (const [l, c] of [[1, 0], [3, 2], [1, 1], [2, 3], [1, 4]] as const) {
      const text = latin.repeat(l) + cyrillic.repeat(c);
      assert.deepEqual(rankLanguages(text, only), francAll(text, { only, minLength: 10 }), `${l}:${c}`);
      assert.deepEqual(rankLanguages(text, []), francAll(text, { minLength: 10 }), `${l}:${c}, all`);
    }
  });
});
