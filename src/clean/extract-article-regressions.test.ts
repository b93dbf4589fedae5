import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticle } from './extract-article.js';

const story = [
  'The city council voted on Tuesday to approve a budget of 1.2 billion euros after a debate that lasted late into the night.',
  'Mayor Ana Ruiz said the money would go first to schools, then to roads and to the new library in the old town, which has waited ten years.',
  'The opposition said the plan borrowed too much and promised to bring the matter back to the council in the spring, when the first figures are in.',
  'Residents who spoke at the meeting were divided, with some praising the library and others asking why bus fares would rise again next year.',
]
  .map((p) => `<p>${p}</p>`)
  .join('\n');

function page(body: string): string {
  return `<html lang="en"><head><title>Council approves budget</title></head><body>${body}</body></html>`;
}

describe('extractArticle: regressions', () => {
  it('keeps a story whose container has a furniture word in its class', () => {
    for (const cls of ['m-advertisement-off-canvas--pusher', 'paywall', 'l-sidebar-layout', 'js-share-root']) {
      const result = extractArticle(
        page(`<nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="${cls}"><div class="wrap"><h1>Council approves budget</h1>${story}</div></div>`),
        'https://city.example/news/budget',
      );
      assert.equal(result.kind, 'extracted', `${cls}: ${result.kind === 'rejected' ? result.reason : ''}`);
      if (result.kind !== 'extracted') continue;
      assert.match(result.text, /Mayor Ana Ruiz said/, cls);
      assert.match(result.text, /bus fares would rise/, cls);
    }
  });

  it('still drops a short block classed as furniture inside the story', () => {
    const result = extractArticle(
      page(`<article><h1>Council approves budget</h1>${story}<div class="newsletter-signup"><h3>The briefing</h3><p>Get our morning briefing.</p></div><div class="share-bar"><a href="#">Share</a> <a href="#">Tweet</a></div></article>`),
      'https://city.example/news/budget',
    );
    assert.equal(result.kind, 'extracted');
    if (result.kind !== 'extracted') return;
    assert.doesNotMatch(result.text, /morning briefing|Tweet/);
  });

  it('rejects a page with no article instead of returning its menu', () => {
    const links = Array.from({ length: 30 }, (_, i) => `<li><a href="/section/${i}">Section number ${i} of the site</a></li>`).join('');
    const result = extractArticle(page(`<div id="main"><ul class="menu">${links}</ul><p>Contact us</p></div>`), 'https://city.example/');
    assert.equal(result.kind, 'rejected');
    assert.match(result.kind === 'rejected' ? result.reason : '', /No article found/);
  });

  it('drops furniture lines in the site’s main languages', () => {
    const furniture = [
      'Publicado por Redação em 12/03/2024',
      'Leia também: Câmara aprova orçamento',
      'Отзывы',
      'Tags: budget, council, library',
      'Etiquetas: presupuesto, ayuntamiento',
      'Sign up for our newsletter and get the news in your inbox every morning',
      'Lesen Sie auch: Der Haushalt im Überblick',
      'The contents of this site are ©2024 City Publishing Corp.',
      'China furious at Macron for Hong Kong protest jibe [INSIGHT]',
      '| UPDATED: 11:05, Tue, Nov 19, 2019',
      '19.11.2019, 08:57',
      'Nov. 20, 2019 6:02 AM EST',
      'Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.',
      'Follow AP’s full coverage of the election at the link below',
      '(Image: © TNG Collaboration)',
      'If you enjoyed this article, join our members today.',
    ];
    const result = extractArticle(
      page(`<article><h1>Council approves budget</h1>${story}${furniture.map((f) => `<p>${f}</p>`).join('')}</article>`),
      'https://city.example/news/budget',
    );
    assert.equal(result.kind, 'extracted');
    if (result.kind !== 'extracted') return;
    for (const line of furniture) assert.ok(!result.text.includes(line), `kept: ${line}`);
    assert.match(result.text, /Residents who spoke/);
  });
});
