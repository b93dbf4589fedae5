import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tagEntities } from './tag-entities.js';

const names = (text: string) => tagEntities(text).entities.map((e) => `${e.type}:${e.name}`);

describe('tagEntities: boundaries and shapes of names', () => {
  it('never runs a name across the headline and the first paragraph', () => {
    const found = names('Man pleads guilty to threatening Omar\n\nA New York man pleaded guilty on Monday to threatening Rep. Ilhan Omar.');
    assert.ok(found.includes('place:New York'), `${found}`);
    assert.ok(!found.some((n) => /Omar A|Omar New/.test(n)), `${found}`);
  });

  it('keeps a middle initial inside the name', () => {
    const found = names('Officers arrested Elizabeth A. Burton, 32, after a traffic stop, said Lt. Matt Harris.');
    assert.ok(found.includes('person:Elizabeth A. Burton'), `${found}`);
    assert.ok(!found.some((n) => n.endsWith(':Elizabeth A') || n === 'person:Burton'), `${found}`);
  });

  it('does not take stock tickers or shouted table rows for organisations', () => {
    const found = names(
      'Shares of Home Depot (NYSE: HD) fell 5% while Japan’s Nikkei 225 (N225) rose.\n\nHD THE HOME DEPOT INC. 225.86 -12.99\n\nSierra Nevada Corporation (SNC) won a contract.',
    );
    assert.ok(found.includes('organisation:Home Depot') && found.includes('organisation:Sierra Nevada Corporation'), `${found}`);
    for (const ticker of ['HD', 'N225', 'NYSE', 'SNC', 'HD THE HOME DEPOT INC']) assert.ok(!found.includes(`organisation:${ticker}`), `${ticker} in ${found}`);
  });

  it('types companies as organisations, not places or people', () => {
    const found = names(
      'WeWork is being investigated. SoftBank CEO Masayoshi Son told WeWork executives to cut costs, and T-Mobile CEO John Legere is stepping down. Ascom, a global solutions provider, signed with beauty company Coty.',
    );
    for (const org of ['WeWork', 'SoftBank', 'T-Mobile', 'Ascom', 'Coty']) assert.ok(found.includes(`organisation:${org}`), `${org} in ${found}`);
    assert.ok(found.includes('person:Masayoshi Son') && found.includes('person:John Legere'), `${found}`);
    assert.ok(!found.some((n) => /^place:(WeWork|SoftBank)/.test(n)), `${found}`);
  });

  it('reads wire datelines as places and the agency as an organisation', () => {
    const found = names('HANOI, Vietnam (AP) — Defense Secretary Mark Esper spoke on Wednesday.\n\nBAAR, SWITZERLAND\n\nAscom announced a partnership.');
    for (const n of ['place:Hanoi', 'place:Vietnam', 'organisation:Associated Press', 'place:Baar', 'place:Switzerland', 'person:Mark Esper']) assert.ok(found.includes(n), `${n} in ${found}`);
    assert.ok(!found.includes('organisation:HANOI') && !found.includes('organisation:BAAR'), `${found}`);
    const titled = names('Dekalb, Ill. — Mike Glass threw for three touchdowns on Tuesday night.');
    assert.ok(titled.includes('place:Dekalb') && titled.includes('place:Illinois'), `${titled}`);
  });

  it('names a company before its product, not the product as a person', () => {
    const found = names('Google Stadia, Microsoft xCloud and Apple Arcade compete for players.');
    assert.deepEqual(found.filter((n) => n.startsWith('organisation:')).sort(), ['organisation:Apple', 'organisation:Google', 'organisation:Microsoft']);
    assert.ok(!found.some((n) => n.startsWith('person:')), `${found}`);
  });

  it('keeps brands that end in ’s, but not a named person’s possessive', () => {
    const found = names('Rival Lowe’s was also lower, and the People’s Daily said so. Michael McDonald joined; McDonald’s voice was clear.');
    assert.ok(found.includes("organisation:Lowe's") && found.includes("organisation:People's Daily"), `${found}`);
    assert.ok(!found.includes('person:Lowe') && !found.includes("organisation:McDonald's"), `${found}`);
  });

  it('reads the publisher from a page title’s suffix, not a section label', () => {
    const found = names('World community lashes out at US over settlements | Al Bawaba\n\nThe United Nations criticised the decision.');
    assert.ok(found.includes('organisation:Al Bawaba'), `${found}`);
    const section = names('The Guardian view on Hong Kong: a city on the brink | Editorial\n\nHong Kong is burning.');
    assert.ok(!section.includes('organisation:Editorial'), `${section}`);
  });

  it('resolves a well-known surname to the full name', () => {
    const found = names('Morrison listened in on President Trump’s call, the committee heard.');
    assert.ok(found.includes('person:Donald Trump'), `${found}`);
  });
});

describe('tagEntities: other languages', () => {
  it('French', () => {
    const found = names('Le président français Emmanuel Macron a reçu mardi à Paris le chancelier allemand Friedrich Merz. Selon l’Élysée, les deux dirigeants ont parlé de l’Ukraine.');
    for (const n of ['person:Emmanuel Macron', 'person:Friedrich Merz', 'place:Paris', 'place:Ukraine', 'organisation:Elysee']) assert.ok(found.includes(n), `${n} in ${found}`);
  });

  it('German: sentence-opening articles are not names', () => {
    const found = names('Die Bundesregierung in Berlin hat am Montag neue Hilfen beschlossen. Finanzminister Lars Klingbeil sagte, die Europäische Zentralbank in Frankfurt sei informiert.');
    for (const n of ['place:Berlin', 'place:Frankfurt', 'person:Lars Klingbeil', 'organisation:European Central Bank']) assert.ok(found.includes(n), `${n} in ${found}`);
    assert.ok(!found.some((n) => /:Die\b/.test(n)), `${found}`);
  });

  it('Spanish and Portuguese', () => {
    const es = names('El presidente del Gobierno, Pedro Sánchez, viajó el martes a Bruselas para reunirse con la Comisión Europea.');
    for (const n of ['person:Pedro Sánchez', 'place:Brussels', 'organisation:European Commission']) assert.ok(es.includes(n), `${n} in ${es}`);
    const pt = names('O presidente Luiz Inácio Lula da Silva recebeu em Brasília o diretor da Petrobras.');
    for (const n of ['person:Luiz Inácio Lula da Silva', 'place:Brasília']) assert.ok(pt.includes(n), `${n} in ${pt}`);
  });

  it('Arabic script: gazetteer names, nationality adjectives and people after a title', () => {
    const found = names(
      'قال الرئيس المصري عبد الفتاح السيسي في القاهرة إن مصر ستواصل دعم غزة. وأكد وزير الخارجية الأمريكي أنتوني بلينكن أن الولايات المتحدة تعمل مع الأمم المتحدة.',
    );
    for (const n of ['person:Abdel Fattah al-Sisi', 'place:Egypt', 'place:Cairo', 'place:Gaza', 'person:أنتوني بلينكن', 'place:United States', 'organisation:United Nations']) {
      assert.ok(found.includes(n), `${n} in ${found}`);
    }
    assert.ok(!found.some((n) => /وزير|الرئيس/.test(n)), `titles are not names: ${found}`);
  });

  it('Arabic script: organisations by the noun that heads their name', () => {
    const found = names(
      'وقال المرصد الوطني لحقوق العمال، وهو هيئة معارضة مقرها باريس، إن مقاتلين من لواء الفجر وكتائب شهداء الوادي سيطروا على المستودعات، في حين دعا الائتلاف الوطني المعارض إلى الهدوء. وبحسب المرصد فقد اغتنم المقاتلون أسلحة. وأكدت جهات معارضة ذلك.',
    );
    for (const n of ['organisation:المرصد الوطني لحقوق العمال', 'organisation:لواء الفجر', 'organisation:كتائب شهداء الوادي', 'organisation:الائتلاف الوطني', 'place:Paris']) {
      assert.ok(found.includes(n), `${n} in ${found}`);
    }
    // (A head with no name after it, "هيئة معارضة" (an opposition body), and unnamed sources are no one.)
    assert.ok(!found.some((n) => /هيئة|جهات|المرصد فقد/.test(n)), `no body without a name: ${found}`);
  });
});
