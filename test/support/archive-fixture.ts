/**
 * A realistic archive built in bulk SQL, for the query-plan tests and the listing
 * benchmarks: providers, the taxonomy, entities (one of them hot), articles a minute apart
 * with ~2 KB bodies, one or two categories each, four entities each, quotes, 5 % of stories
 * re-sent by a second provider, one story of thousands of versions, and 1 % taken down.
 *
 * It loads the schema as it was before listings existed (migration 0005) and then
 * migrates, so the listing entries come from migration 0006's backfill: the same path a
 * real database upgraded from an older Gazette takes.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { taxonomy } from '../../src/domain/taxonomy.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { ARCHIVE_VOCABULARY } from './archive-vocabulary.js';

export interface ArchiveShape {
  articles: number;
  providers?: number;
  entities?: number;
  /**
   * Headlines and bodies drawn from a news vocabulary (ARCHIVE_VOCABULARY, Zipf-like: common,
   * middling and rare words, and two-word terms), so that search means something. Off by
   * default: the other archives keep their text.
   */
  searchText?: boolean;
  /**
   * Two stories in three get a measured lead picture with alt text, caption and credit, as
   * after the image job ran (for what feeds, the API and sitemaps write about pictures).
   */
  leadImages?: boolean;
}

/** What the benchmarks and tests need to know of the archive they got. */
export interface ArchiveFacts {
  articles: number;
  /** An entity named in one story in twenty and quoted in one in a hundred, as "NATO" is in a news archive. */
  hotEntitySlug: string;
  categorySlug: string;
  providerSlug: string;
  /** The head of the story with thousands of versions. */
  bigStoryHeadId: number;
  /** A published article in the middle of the archive. */
  sampleArticleId: number;
  /** With `searchText`: a word in most stories, one in about 4 %, one in few, and a two-word phrase of the vocabulary. */
  search?: { commonWord: string; middlingWord: string; rareWord: string; phrase: string };
}

const BODY_WORDS =
  'The alliance said on Tuesday that ministers would meet again next month to review the plan, which officials described as the most significant change to its defence posture in a decade. ';
const body = BODY_WORDS.repeat(11);
/**
 * The searchable archive's bodies are its lead (three sentences of the vocabulary) and a
 * shorter fixed passage, about 800 bytes in all: building a million full-text entries costs
 * in proportion to the text, and repeating one passage more adds no distinct word.
 */
const searchBody = BODY_WORDS.repeat(3);

/** Fills an unmigrated store with `shape.articles` articles and migrates it to the latest schema. */
export async function buildArchive(store: KyselyStore, shape: ArchiveShape): Promise<ArchiveFacts> {
  const n = shape.articles;
  const providers = shape.providers ?? 20;
  const entities = shape.entities ?? Math.max(2_000, Math.min(50_000, Math.round(n / 20)));
  const pg = store.engine === 'postgres';
  const db: Kysely<any> = store.db;
  await store.migrateTo('0005-source-hash-and-full-text');
  // A bulk build in one connection: a large page cache keeps the indexes being built in memory.
  if (!pg) await sql`pragma cache_size = -262144`.execute(db);

  const seq = (count: number): RawBuilder<unknown> =>
    pg
      ? sql`with seq(i) as (select generate_series(1, ${sql.lit(count)}))`
      : sql`with recursive seq(i) as (select 1 union all select i + 1 from seq where i < ${sql.lit(count)})`;
  // A time `minutesBefore` minutes before now, as each engine stores times.
  const nowSeconds = Math.floor(Date.now() / 1000);
  const at = (secondsExpr: RawBuilder<unknown>) =>
    pg ? sql`to_timestamp(${secondsExpr})` : sql`strftime('%Y-%m-%dT%H:%M:%fZ', ${secondsExpr}, 'unixepoch')`;
  const published = (offset: number) => at(sql`${sql.lit(nowSeconds - 3600)} - (${sql.lit(n)} - i) * 60 + ${sql.lit(offset)}`);
  const orIgnore = pg ? sql`` : sql`or ignore`;
  const onConflict = pg ? sql`on conflict do nothing` : sql``;

  await sql`${seq(providers)} insert into providers (slug, name, homepage, contact_email, disclaimer, created_at)
    select 'provider-' || i, 'Provider ' || i, null, null, 'Provider ' || i || ' supplies this story as is.', ${at(sql.lit(nowSeconds))} from seq`.execute(db);
  for (const c of taxonomy) {
    await db.insertInto('categories').values({ slug: c.slug, name: c.name, iptc_code: c.iptcCode }).execute();
  }
  const categoryValues = sql.join(taxonomy.map((c, i) => sql`(${sql.lit(i)}, ${sql.lit(c.slug)})`));
  await sql`${seq(entities)} insert into entities (slug, name, type)
    select case when i = 1 then 'nato' else 'entity-' || i end, case when i = 1 then 'NATO' else 'Entity ' || i end,
      case i % 3 when 0 then 'person' when 1 then 'organisation' else 'place' end from seq`.execute(db);

  const text = shape.searchText ? await searchableText(db) : undefined;
  const headline = text ? text.headline : sql`'Story number ' || i || ' on the alliance and the markets'`;
  const bodyText = text ? sql`${text.lead} || ${sql.lit(searchBody)} || i` : sql`${sql.lit(body)} || i`;
  await sql`${seq(n)} insert into articles (id, provider_id, guid, slug, source_url, headline, summary, body_html, body_text,
      byline, dateline, language, published_at, updated_at, ingested_at, status, content_hash, source_hash)
    select i, 1 + i % ${sql.lit(providers)}, 'guid-' || i, 'story-number-' || i, null,
      ${headline},
      'Ministers will meet again next month to review the plan, officials said on Tuesday, in story ' || i || '.',
      '<p>' || ${bodyText} || '</p>', ${bodyText}, null, null, 'en',
      ${published(0)}, ${published(0)}, ${published(30)},
      case when i % 100 = 7 then 'taken_down' else 'published' end, 'hash-' || i, '' from seq`.execute(db);
  if (pg) await sql`select setval(pg_get_serial_sequence('articles', 'id'), ${sql.lit(n)})`.execute(db);

  await sql`${seq(n)}, cats(k, slug) as (values ${categoryValues})
    insert into article_categories (article_id, category_slug, position)
    select i, slug, 0 from seq join cats on cats.k = (i * 7) % ${sql.lit(taxonomy.length)}
    union all
    select i, slug, 1 from seq join cats on cats.k = (i * 7 + 5) % ${sql.lit(taxonomy.length)} where i % 2 = 0`.execute(db);
  for (let k = 0; k < 4; k++) {
    // Four entities a story; one story in twenty names the hot entity first.
    const entity = k === 0 ? sql`case when i % 20 = 0 then 1 else 2 + (i * 31) % ${sql.lit(entities - 1)} end` : sql`2 + (i * 31 + ${sql.lit(k * 997)}) % ${sql.lit(entities - 1)}`;
    await sql`${seq(n)} insert ${orIgnore} into article_entities (article_id, entity_id, mentions, role)
      select i, ${entity}, ${sql.lit(4 - k)}, null from seq ${onConflict}`.execute(db);
  }
  await sql`${seq(n)} insert into quotes (article_id, position, text, speaker_entity_id, speaker_name)
    select i, 0, 'We will review the plan next month, in story ' || i,
      case when i % 20 = 0 then 1 else 2 + (i * 31) % ${sql.lit(entities - 1)} end, null from seq where i % 5 = 0`.execute(db);

  // One story in twenty is re-sent by the next provider; one story has thousands of versions.
  const bigHead = Math.floor(n / 2);
  const bigSize = Math.min(3000, Math.floor(n / 10));
  await sql`${seq(n)} insert into article_clusters (article_id, cluster_id, match, similarity, signature)
    select i, case when i > ${sql.lit(bigHead)} and i <= ${sql.lit(bigHead + bigSize)} then ${sql.lit(bigHead)}
      when i % 20 = 1 and i > 1 then i - 1 else i end,
      case when i % 20 = 1 or (i > ${sql.lit(bigHead)} and i <= ${sql.lit(bigHead + bigSize)}) then 'near' else 'first' end, 1, '' from seq`.execute(db);

  if (text) await db.schema.dropTable('fixture_vocabulary').execute();
  await store.migrate();
  if (shape.leadImages) {
    await sql`update articles set lead_image_url = 'https://images.example/story-' || id || '.jpg', lead_image_alt = 'Ministers at the table, story ' || id,
      lead_image_caption = 'Ministers meet to review the plan.', lead_image_credit = 'Provider Photo/Jane Doe', lead_image_status = 'ready',
      lead_image_width = 1600, lead_image_height = 900 where id % 3 <> 0`.execute(db);
  }
  if (pg) await sql`analyze`.execute(db);
  let sample = Math.floor(n * 0.37);
  if (sample % 100 === 7 || sample % 20 === 1) sample += 2;
  return {
    articles: n,
    hotEntitySlug: 'nato',
    categorySlug: taxonomy[0]!.slug,
    providerSlug: 'provider-3',
    bigStoryHeadId: bigHead,
    sampleArticleId: sample,
    ...(text && { search: { commonWord: ARCHIVE_VOCABULARY[0]!, middlingWord: ARCHIVE_VOCABULARY.at(-RARE_TERMS - 1)!, rareWord: ARCHIVE_VOCABULARY.at(-RARE_TERMS)!, phrase: 'interest rates' } }),
  };
}

/**
 * SQL for a headline of three vocabulary terms and a lead of three eight-term sentences,
 * each term picked per (article, position) by a hash skewed towards the head of the list:
 * the index is V·r³ for r uniform in [0, 1), so term k is drawn with falling probability.
 * The list's last ten terms are rare: one story in 997 names one of them, in turn.
 * Needs `i` (the article number) in scope; reads the `fixture_vocabulary` table it fills.
 */
async function searchableText(db: Kysely<any>): Promise<{ headline: RawBuilder<unknown>; lead: RawBuilder<unknown> }> {
  await db.schema.createTable('fixture_vocabulary').addColumn('k', 'integer', (c) => c.primaryKey()).addColumn('word', 'text', (c) => c.notNull()).execute();
  await db.insertInto('fixture_vocabulary').values(ARCHIVE_VOCABULARY.map((word, k) => ({ k, word }))).execute();
  const P = 1_000_003;
  const V = ARCHIVE_VOCABULARY.length - RARE_TERMS;
  // Integer arithmetic only (the same on both engines): r·r/P·r/P·V/P stays inside 64 bits.
  // Positions step by P/φ, so the terms of one article spread over [0, P) instead of clustering.
  const term = (j: number) => {
    const r = sql`((i * 2654435761 + ${sql.lit(j * 618_034 + 12_345)}) % ${sql.lit(P)})`;
    return sql`(select word from fixture_vocabulary where k = ${r} * ${r} / ${sql.lit(P)} * ${r} / ${sql.lit(P)} * ${sql.lit(V)} / ${sql.lit(P)})`;
  };
  const words = (from: number, count: number) => sql.join(Array.from({ length: count }, (_, k) => term(from + k)), sql` || ' ' || `);
  const headline = sql`upper(substr(${term(0)}, 1, 1)) || substr(${term(0)}, 2) || ', ' || ${term(1)} || ' and ' || ${term(2)} || ': story ' || i`;
  const sentence = (from: number) => sql`'The ' || ${words(from, 8)} || '. '`;
  const rare = sql`case when i % 997 = 0 then 'Reported from ' || (select word from fixture_vocabulary where k = ${sql.lit(V)} + (i / 997) % ${sql.lit(RARE_TERMS)}) || '. ' else '' end`;
  return { headline, lead: sql`${sentence(3)} || ${sentence(11)} || ${sentence(19)} || ${rare}` };
}

/** How many of the vocabulary's last terms are rare. */
const RARE_TERMS = 10;
