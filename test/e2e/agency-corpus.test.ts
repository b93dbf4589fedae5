import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { importFiles } from '../../src/cli/import.js';
import { createIngestService } from '../../src/pipeline/run-ingest.js';
import { readImportFile } from '../../src/pipeline/read-import-file.js';
import { seedTaxonomy } from '../../src/store/seed-taxonomy.js';
import type { Store } from '../../src/store/store.js';
import { openTestPostgresStore, skipPostgres } from '../support/postgres.js';
import { openTestSqliteStore } from '../support/sqlite.js';

/**
 * Every agency example document (IPTC ninjs, NewsML-G2, NewsML 1.2; see the README in
 * src/ingest/testdata/agency) imported as `gazette import` does, on both engines: each is
 * stored with the headline, date, start of the body, byline, lead picture, categories and
 * language stated here, or refused with the reason stated here.
 */
const corpus = fileURLToPath(new URL('../../src/ingest/testdata/agency/', import.meta.url));

interface Stored {
  headline: string;
  publishedAt: string;
  /** The start of the stored text. */
  body: string;
  byline: string | null;
  /** The end of the lead picture's URL, or null for none. */
  image: string | null;
  categories: string[];
  language: string;
  /** For a video or audio story, the element and rendition it plays ("video:<url>"). */
  player?: string;
}

const expected: Record<string, { stored: Stored } | { refused: RegExp }> = {
  "newsml-g2/LISTING_10_Abstract_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml": { refused: /concept item/ },
  "newsml-g2/LISTING_11_Person_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml": { refused: /concept item/ },
  "newsml-g2/LISTING_12_Knowledge_Item_for_Access_Codes.xml": { refused: /knowledge item/ },
  "newsml-g2/LISTING_13_Complete_Catalog_Item.xml": { refused: /catalog item/ },
  "newsml-g2/LISTING_14_Event_sent_as_a_Concept_Item.xml": { refused: /concept item/ },
  "newsml-g2/LISTING_15_Two_Related_Events_in_a_Knowledge_Item.xml": { refused: /knowledge item/ },
  "newsml-g2/LISTING_16_A_Set_of_Events_carried_in_a_News_Item.xml": { refused: /set of events/ },
  "newsml-g2/LISTING_17_Planning_Item_a_CCL.xml": { refused: /planning item/ },
  "newsml-g2/LISTING_18_Planning_Item_at_PCL.xml": { refused: /planning item/ },
  "newsml-g2/LISTING_19_Planning_Item_with_delivery_at_CCL.xml": { refused: /planning item/ },
  "newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml": { refused: /no body text/ },
  "newsml-g2/LISTING_20_Planning_Item_with_delivery_at_PCL.xml": { refused: /planning item/ },
  "newsml-g2/LISTING_21_A_complete_sample_SportsML-G2_document.xml": { refused: /application\/sportsml\+xml/ },
  "newsml-g2/LISTING_22_Sports_story_in_NewsML-G2NITF.xml": { stored: { headline: "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.", publishedAt: "2016-10-19T16:15:00.000Z", body: "(Sports Network) - A pair of teams comin", byline: "Sports Network", image: null, categories: ["sport"], language: "en" } },
  "newsml-g2/LISTING_23_SportsML-G2_Package.xml": { refused: /package item/ },
  "newsml-g2/LISTING_24_News_Message_conveying_a_complete_News_Package.xml": { refused: /NewsML-G2 newsItem is empty/ },
  "newsml-g2/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml": { refused: /fragment \(<contentSet>\)/ },
  "newsml-g2/LISTING_26_Embedded_photo_metadata_fields_mapped_to_NewsML-G2.xml": { stored: { headline: "A firefighter walks past the remains of a military jet that crashed into homes in the University City neighborhood of San Bernardino", publishedAt: "2008-12-09T01:30:00.000Z", body: "A firefighter in a flameproof suit walks", byline: null, image: "081208/USA-CRASH-MILITARY_001_HI.jpg", categories: ["conflict","disasters","education"], language: "en" } },
  "newsml-g2/LISTING_27_Company_Financial_Information.xml": { stored: { headline: "Acme Widgets announces annual results", publishedAt: "2016-10-19T13:15:00.000Z", body: "Acme Widgets (XTSE:AWG), a leader in the", byline: null, image: null, categories: [], language: "en" } },
  "newsml-g2/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml": { refused: /fragment \(<contentMeta>\)/ },
  "newsml-g2/LISTING_29_Hop_History.xml": { refused: /NewsML-G2 text item carries metadata only: no headline and no content/ },
  "newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml": { stored: { headline: "Fed to halt QE to avert \"bubble\"", publishedAt: "2016-11-21T20:21:06.000Z", body: "(New York, NY - October 21) Et, sent lup", byline: "Meredith Jameson, Staff Reporter", image: null, categories: ["economy","business"], language: "en" } },
  "newsml-g2/LISTING_3A_Photo_in_NewsML-G2_(URI_sibling_attributes).xml": { stored: { headline: "Variety Of Recessionary Forces Leave Las Vegas Economy Scarred", publishedAt: "2010-10-20T20:58:00.000Z", body: "A general view of part of downtown, incl", byline: null, image: null, categories: ["economy","world"], language: "en" } },
  "newsml-g2/LISTING_3_Photo_in_NewsML-G2.xml": { stored: { headline: "Variety Of Recessionary Forces Leave Las Vegas Economy Scarred", publishedAt: "2010-10-20T20:58:00.000Z", body: "A general view of part of downtown, incl", byline: null, image: null, categories: ["economy","world"], language: "en" } },
  "newsml-g2/LISTING_4_Multiple_Renditions_of_a_Video_in_NewsML-G2.xml": { stored: { headline: "Amir Hussein Abdullahian, Iranian foreign ministry's undersecretary for Arab and African affairs", publishedAt: "2014-01-30T13:29:38.000Z", body: "Amir Hussein Abdullahian, Iranian foreign ministry's undersecretary for Arab and African affairs - Panos Moumtzis (man)", byline: null, image: null, categories: ["world"], language: "en", player: "video:http://components.afp.com/5ba0d14a64f.1280x720.mp4" } },
  "newsml-g2/LISTING_5_Multi-part_Video_in_NewsML-G2.xml": { stored: { headline: "Loriot retrospective", publishedAt: "2008-11-06T10:22:28.000Z", body: "Yesterday evening (November 5) an exhibi", byline: null, image: null, categories: ["culture"], language: "en" } },
  "newsml-g2/LISTING_6_Simple_NewsML-G2_Package.xml": { refused: /package item/ },
  "newsml-g2/LISTING_7_Group_Set_example_showing_Hierarchical_Package_Structure.xml": { refused: /fragment \(<groupSet>\)/ },
  "newsml-g2/LISTING_8_Group_Set_example_showing_an_ALT_Package_Mode.xml": { refused: /fragment \(<groupSet>\)/ },
  "newsml-g2/LISTING_9_Group_Set_example_showing_a_SEQ_Package_Mode.xml": { refused: /fragment \(<groupSet>\)/ },
  "newsml-g2/View.xml": { refused: /empty/ },
  "newsml-g2/ap_metadata_example.xml": { refused: /NewsML-G2 video item carries metadata only \(3 subjects\): no headline and no content/ },
  "newsml-g2/facet-example-2.xml": { refused: /NewsML-G2 text item carries metadata only \(1 subject\): no headline and no content/ },
  "newsml-g2/facet-example-3.xml": { refused: /NewsML-G2 text item has content but no headline/ },
  "newsml-g2/facet-example.xml": { refused: /NewsML-G2 text item carries metadata only \(1 subject\): no headline and no content/ },
  "ninjs/1.4/businesswire-newsml-20130515006361.json": { stored: { headline: "Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most Powerful Rack Workstations", publishedAt: "2013-05-16T04:01:00.000Z", body: "Dell today announced an expanded and str", byline: null, image: "ia/newsItemId/en/369394/4/0025lf.jpg", categories: ["technology"], language: "en" } },
  "ninjs/1.4/businesswire-newsml-20130605006126.json": { stored: { headline: "Cambrios被Gartner評選為「最酷供應商」", publishedAt: "2013-06-05T21:00:00.000Z", body: "(美國商業資訊)--為透明及軟性導體市場提供銀奈米線解決方案的領導廠商Cambr", byline: null, image: null, categories: ["technology","business"], language: "zh" } },
  "ninjs/1.4/businesswire-newsml-20130612006110.json": { stored: { headline: "APP发布“2020 可持续发展路线图”第三次工作进展报告，并将继续落实森林保护政策", publishedAt: "2013-06-12T15:29:00.000Z", body: "亚洲浆纸业有限公司（Asia Pulp & Paper, 以下简称 \n APP）", byline: null, image: null, categories: ["business","energy","environment"], language: "zh" } },
  "ninjs/1.4/businesswire-newsml-20130731006140.json": { stored: { headline: "Lunch Taking a Toll? Let Applebee’s® Industrial Strength Lunch Decoy Stand In", publishedAt: "2013-07-31T15:32:00.000Z", body: "With more Applebee’s® Lunch Combos than ", byline: null, image: "ItemId/en/377719/5/Applebees-640.jpg", categories: ["lifestyle","business"], language: "en" } },
  "ninjs/1.4/ninjs-1-4-examples.json": { refused: /needs a body or a description/ },
  "ninjs/1.4/ninjsExComplex1.json": { stored: { headline: "Captain of wrecked cruise ship on trial in Italy", publishedAt: "2013-07-09T10:37:00.000Z", body: "GROSSETO, Italy (AP) -- The trial of the", byline: "Paulo Santalucia and Frances d'Emilio", image: "-dc8d-4923-bebd-e3b904edbb3a-big.jpg", categories: ["crime-law","world"], language: "en" } },
  "ninjs/1.4/ninjsExComplex2.json": { stored: { headline: "Captain of wrecked cruise ship on trial in Italy", publishedAt: "2013-07-09T10:39:00.000Z", body: "GROSSETO, Italy (AP) -- The trial of the", byline: "Paulo Santalucia and Frances d'Emilio", image: "-dc8d-4923-bebd-e3b904edbb3a-big.jpg", categories: ["crime-law","world"], language: "en" } },
  "ninjs/1.4/ninjsExMediumText1.json": { stored: { headline: "Captain of wrecked cruise ship on trial in Italy", publishedAt: "2013-07-09T10:37:00.000Z", body: "GROSSETO, Italy (AP) -- The trial of the", byline: "Paulo Santalucia and Frances d'Emilio", image: null, categories: ["crime-law","world"], language: "en" } },
  "ninjs/1.4/ninjsExSimplePhoto1.json": { stored: { headline: "Costa Concordia cruise ship", publishedAt: "2013-07-08T08:12:00.000Z", body: "The Costa Concordia cruise ship lies on ", byline: "Paulo Santalucia", image: "-dc8d-4923-bebd-e3b904edbb3a-big.jpg", categories: [], language: "en" } },
  "ninjs/1.4/ninjsExSimpleText1.json": { stored: { headline: "Captain of wrecked cruise ship on trial in Italy", publishedAt: "2013-07-09T10:37:00.000Z", body: "GROSSETO, Italy (AP) -- The trial of the", byline: "Paulo Santalucia and Frances d'Emilio", image: null, categories: ["crime-law","world"], language: "en" } },
  "ninjs/2.1/SIPA_image_2.json": { stored: { headline: "Italy: Italy Demonstration of the workers congresses and conferences", publishedAt: "2020-10-27T15:35:19.000Z", body: "Demonstration of the workers of congress", byline: "Insidefoto", image: "XX&Expires=1621756446&Signature=XXXX", categories: ["politics"], language: "en" } },
  "ninjs/2.1/ap_audio.json": { stored: { headline: "Next up in impeachment hearings: A parade of key witnesses", publishedAt: "2019-11-14T16:17:53.000Z", body: "House Speaker Nancy Pelosi says the pres", byline: null, image: null, categories: ["politics"], language: "en" } },
  "ninjs/2.1/ap_image.json": { stored: { headline: "Turkey Islamic State", publishedAt: "2019-11-15T13:39:59.000Z", body: "FILE - In this Monday, Nov. 11, 2019 fil", byline: null, image: "Preview!mt~photo!fmt~JPEG%20Baseline", categories: ["world","politics"], language: "en" } },
  "ninjs/2.1/ap_video.json": { stored: { headline: "House leaders double down on impeachment positions", publishedAt: "2019-11-14T18:50:56.000Z", body: "As the Trump impeachment hearings go pub", byline: null, image: "Preview!mt~video!fmt~JPEG%20Baseline", categories: ["crime-law","conflict","politics"], language: "en" } },
  "ninjs/2.1/businesswire-newsml-20130605006126.json": { stored: { headline: "Cambrios被Gartner評選為「最酷供應商」", publishedAt: "2013-06-05T21:00:00.000Z", body: "(美國商業資訊)--為透明及軟性導體市場提供銀奈米線解決方案的領導廠商Cambr", byline: null, image: null, categories: ["technology","business"], language: "zh" } },
  "ninjs/2.1/businesswire-newsml-20130731006140.json": { stored: { headline: "Lunch Taking a Toll? Let Applebee’s® Industrial Strength Lunch Decoy Stand In", publishedAt: "2013-07-31T15:32:00.000Z", body: "With more Applebee’s® Lunch Combos than ", byline: null, image: "ItemId/en/377719/5/Applebees-640.jpg", categories: ["lifestyle","business"], language: "en" } },
  "ninjs/2.1/dpa_text.json": { stored: { headline: "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?", publishedAt: "2019-05-10T14:02:28.000Z", body: "Für Lucien Favre war es «der größte Skan", byline: "Christian Hollmann, dpa", image: null, categories: ["sport"], language: "de" } },
  "ninjs/2.1/imageEncodedRights.json": { stored: { headline: "MotoGP - Spain - Valentino Rossi", publishedAt: "2013-07-08T08:12:00.000Z", body: "Valentino Rossi (46) of Italy and Petron", byline: "John Smith", image: "7876bf1ce7ac31a85c7/2.59562475.jpg?1", categories: ["sport","world"], language: "en" } },
  "ninjs/2.1/imageLinkedRights.json": { stored: { headline: "MotoGP - Spain - Valentino Rossi", publishedAt: "2013-07-08T08:12:00.000Z", body: "Valentino Rossi (46) of Italy and Petron", byline: "John Smith", image: "7876bf1ce7ac31a85c7/2.59562475.jpg?1", categories: ["sport","world"], language: "en" } },
  "ninjs/2.1/ninjsExSimpleText_2.json": { stored: { headline: "Captain of wrecked cruise ship on trial in Italy", publishedAt: "2013-07-09T10:37:00.000Z", body: "GROSSETO, Italy (AP) -- The trial of the", byline: "Paulo Santalucia and Frances d'Emilio", image: null, categories: ["crime-law","world"], language: "en" } },
  "ninjs/2.1/ntb_text.json": { stored: { headline: "Google har kjøpt giganttomt i Skien", publishedAt: "2019-08-09T09:30:04.000Z", body: "IT-giganten Google har kjøpt en tomt på ", byline: "NTB", image: null, categories: ["technology","business","energy"], language: "no" } },
  "ninjs/2.1/schema-extension/extension-example.json": { stored: { headline: "Militärövning i jätteformat hålls 2023", publishedAt: "2021-05-26T11:40:18.000Z", body: "Pandemin satte stopp för den stora inter", byline: null, image: "ning-a0f2d045/a001_NormalPreview.jpg", categories: ["conflict"], language: "sv" } },
  "ninjs/2.1/schema-extension/extension-schema.json": { refused: /JSON Schema/ },
  "ninjs/2.1/tt_text_image_2.json": { stored: { headline: "Militärövning i jätteformat hålls 2023", publishedAt: "2021-05-26T11:40:18.000Z", body: "Pandemin satte stopp för den stora inter", byline: null, image: "ning-a0f2d045/a001_NormalPreview.jpg", categories: ["conflict"], language: "sv" } },
  "ninjs/NewsML/businesswire-newsml-20130515006361.xml": { stored: { headline: "Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most Powerful Rack Workstations", publishedAt: "2013-05-16T04:01:00.000Z", body: "Offering powerful workstation performanc", byline: null, image: "dia/newsItemId/en/369395/4/00095.jpg", categories: ["technology","press-releases","education"], language: "en" } },
  "ninjs/NewsML/businesswire-newsml-20130605006126.xml": { stored: { headline: "Cambrios被Gartner評選為「最酷供應商」", publishedAt: "2013-06-05T21:00:00.000Z", body: "(美國商業資訊)--為透明及軟性導體市場提供銀奈米線解決方案的領導廠商Cambr", byline: null, image: null, categories: ["technology","business","press-releases"], language: "zh" } },
  "ninjs/NewsML/businesswire-newsml-20130612006110.xml": { stored: { headline: "APP发布“2020 可持续发展路线图”第三次工作进展报告，并将继续落实森林保护政策", publishedAt: "2013-06-12T15:29:00.000Z", body: "旗下浆纸厂将于2013年8月全面停止接收天然林木材\n\n亚洲浆纸业有限公司（Asi", byline: null, image: null, categories: ["business","energy","environment"], language: "zh" } },
  "ninjs/NewsML/businesswire-newsml-20130731006140.xml": { stored: { headline: "Lunch Taking a Toll? Let Applebee’s® Industrial Strength Lunch Decoy Stand In", publishedAt: "2013-07-31T15:32:00.000Z", body: "With a Year’s Worth of Lunch Combos Star", byline: null, image: "ItemId/en/377719/5/Applebees-640.jpg", categories: ["lifestyle","business","press-releases"], language: "en" } },
};

function documents(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? documents(path) : /\.(xml|json)$/.test(name) ? [path] : [];
  });
}

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`agency example documents on ${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`, { skip: engine === 'postgres' && skipPostgres }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      const opened = engine === 'sqlite' ? await openTestSqliteStore() : await openTestPostgresStore();
      store = opened.store;
      drop = opened.drop;
      await seedTaxonomy(store);
    });
    after(() => drop());

    it('states an outcome for every document in the corpus', () => {
      const files = documents(corpus).map((f) => f.slice(corpus.length)).sort();
      assert.deepEqual(files, Object.keys(expected).sort());
    });

    let n = 0;
    for (const [name, outcome] of Object.entries(expected)) {
      it(`${name}: ${'stored' in outcome ? 'stored' : 'refused'}`, async () => {
        // A provider per document: several documents are versions of one item.
        const provider = await store.providers.create({ slug: `agency-${n++}`, name: 'Agency' });
        const file = join(corpus, name);
        const result = await importFiles(createIngestService({ store }), provider, [file]);
        if ('refused' in outcome) {
          assert.equal(result.summary.articleIds.length, 0, 'nothing is stored');
          const reasons = [...result.failedFiles.map((f) => f.reason), ...result.rejectedItems.map((r) => r.reason)];
          assert.ok(reasons.length > 0, 'the refusal gives a reason');
          assert.match(reasons.join(' | '), outcome.refused);
          return;
        }
        const want = outcome.stored;
        assert.equal(result.summary.articleIds.length, 1, `stored one article (${JSON.stringify(result.rejectedItems)})`);
        const article = (await store.articles.findById(result.summary.articleIds[0]!))!;
        assert.equal(article.headline, want.headline);
        assert.equal(article.publishedAt.toISOString(), want.publishedAt);
        assert.ok(article.bodyText.startsWith(want.body), `body starts ${JSON.stringify(article.bodyText.slice(0, 60))}`);
        assert.equal(article.byline, want.byline);
        assert.deepEqual(article.categories, want.categories);
        assert.equal(article.language, want.language);
        assert.equal(article.status, 'published');
        if (want.player) {
          const [kind, src] = [want.player.slice(0, want.player.indexOf(':')), want.player.slice(want.player.indexOf(':') + 1)];
          assert.ok(article.bodyHtml.includes(`<${kind} controls preload="none" src="${src}"`), `plays ${src}: ${article.bodyHtml.slice(0, 200)}`);
        }
        assert.doesNotMatch(article.bodyHtml, /<script|<\?xml|<nitf|<h1/i, 'no markup of the source format reaches the page');
        const read = await readImportFile(file);
        const image = read.kind === 'items' ? read.items.find((i) => i.guid === article.guid)?.image ?? null : null;
        if (want.image === null) assert.equal(image, null);
        else assert.ok(image?.url.endsWith(want.image), `lead picture ${image?.url}`);
      });
    }
  });
}
