import { blockText } from './block-text.js';
import { isFurnitureTag, linkDensity, looksLikeFurniture, removeWhere } from './prune-furniture.js';

/** Switches for the pruning rules (all on by default); used to measure each rule's effect. */
export interface PruneOptions {
  furniture?: boolean;
  linkLists?: boolean;
  linkedParagraphs?: boolean;
  labels?: boolean;
  metaLines?: boolean;
}

const CONTAINER = /^(UL|OL|DL|DIV|SECTION|TABLE|ASIDE|HEADER|FOOTER)$/;
/** Blocks that hold a teaser link; headings are left alone (product and section names). */
const TEASER_BLOCK = /^(P|LI|DT|DD|DIV)$/;
const LEAF_BLOCK = /^(P|LI|H[1-6]|DT|DD|BLOCKQUOTE)$/;

/**
 * Lines that label furniture rather than tell the story: "Related: …", "Read more", "Don't miss",
 * "Follow us on …", "Subscribe …", "Click here …", copyright and rights notices.
 */
const LABEL_LINE = new RegExp(
  [
    String.raw`^(related( stories| articles| coverage| content| posts| links| reading)?\b|see (more|also)\b|read (more|also|next)\b|more:|also read\b|don[’']?t miss\b|must read\b|recommended\b|you (may|might) also like\b|trending\b|most (popular|read)\b|follow (us|him|her|them|me)\b|subscribe\b|sign up\b|join (us|our)\b|click here\b|get (the|our)\b.{0,40}\b(app|newsletter)\b|advertisement\b|sponsored\b|share (this|on|via)\b|comments?\b|(©|\(c\)|copyright\b)|all rights reserved\b|this (post|article|page) (may )?contains? affiliate)`,
    // Tag and topic lines, in the site's main languages: "Tags: …", "Etiquetas: …", "Теги: …".
    String.raw`^(tags?|topics?|filed under|categories|etiquetas|tem[aá]s|mots[- ]cl[ée]s|schlagw[öo]rter|stichw[öo]rter|теги|метки|الوسوم|كلمات مفتاحية)\s*[:：]`,
    // Newsletter prompts anywhere in a short line.
    String.raw`\bnewsletters?\b.{0,60}\b(sign up|subscribe|inbox|register)|\b(sign up|subscribe|register)\b.{0,60}\bnewsletters?\b|^(have|got) a (news )?tip\b`,
    // Follow prompts, image credits and membership appeals: "Follow Newsbeat on Instagram …",
    // "Follow AP’s full coverage of …", "(Image: © …)", "If you enjoyed this article, …".
    String.raw`^follow\b.{0,40}\b(on (twitter|x|facebook|instagram|tiktok|youtube|linkedin|threads|bluesky)|coverage)\b|^\((image|photo|picture|video|credit|source)s?\s*(credit)?\s*:|^if you (enjoyed|liked|value|appreciate|found)\b.{0,40}\b(article|story|journalism|reporting|content)`,
    // A copyright or rights line anywhere in a short line: "The contents of this site are ©2019 …".
    String.raw`©\s*\d{4}|\ball rights reserved\b`,
    // A teaser link labelled in brackets: "China furious at Macron [INSIGHT]".
    String.raw`\[(?:\p{Lu}{3,}\s?){1,2}\]\s*\|?\s*$`,
    // "Posted by", "Read also", "Comments" and share prompts in French, German, Spanish, Portuguese, Russian, Arabic.
    String.raw`^(publicado por|publicada por|postado por|publié par|publi[ée] le|veröffentlicht (von|am)|geschrieben von|опубликовано|автор:|نشر بواسطة|leia (também|mais)|veja (também|mais)|lea (también|más)|ver (también|más)|lire (aussi|plus|également)|à lire aussi|lesen sie (auch|mehr)|mehr zum thema|das könnte sie auch interessieren|читайте (также|еще|далее)|смотрите также|اقرأ (أيضا|أيضاً|المزيد)|отзывы|комментарии|коментарии|comentários|comentarios|commentaires|kommentare|التعليقات|compartilh(e|ar)|compart(e|ir)|partager|teilen|поделиться|inscreva-se|suscr[ií]bete|abonnez-vous|abonnieren|подпишитесь|اشترك)`,
  ].join('|'),
  'iu',
);

/** A line that is nothing but a date and time: "19.11.2019, 08:57", "Nov. 20, 2019 6:02 AM EST". */
const DATE_ONLY =
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4})(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s*[a-z]{2,4})?)?$/i;

/** Words of a by-line or time stamp line. */
const META_LINE = /^(by\b|posted\b|published\b|updated\b|last (updated|modified)\b|first published\b|created\b|modified\b)/i;
const DATE_LIKE =
  /\b(\d{1,2}[:.]\d{2}\s*(am|pm|a\.m\.|p\.m\.)?|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}|\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|\d+ (minutes?|hours?|days?) ago)\b/i;

/**
 * Removes page furniture that Readability left in an article body: blocks whose class says
 * furniture, lists and paragraphs that are mostly links (teasers, related stories), label lines
 * ("Related: …", "Follow us …", "©"), and by-line / time-stamp lines. Works in place.
 */
export function pruneContent(root: Element, options: PruneOptions = {}): void {
  if (options.furniture !== false) {
    // A class or id word alone is weak evidence ("advertisement" in
    // "m-advertisement-off-canvas--pusher" wraps whole stories): the block must also be short
    // or mostly links, and never hold most of the article's text.
    const total = textLength(root);
    removeWhere(root, (el) => {
      if (!looksLikeFurniture(el)) return false;
      const length = textLength(el);
      if (total > 0 && length > total / 2) return false;
      return isFurnitureTag(el) || length <= 300 || linkDensity(el) > 0.5;
    });
  }
  if (options.linkLists !== false) removeWhere(root, (el) => CONTAINER.test(el.tagName) && linkDensity(el) > 0.5);
  if (options.linkedParagraphs !== false)
    removeWhere(root, (el) => TEASER_BLOCK.test(el.tagName) && shortText(el, 200) && linkDensity(el) > 0.8 && !showsUrl(el));
  if (options.labels !== false) removeWhere(root, (el) => isLeafBlock(el) && shortText(el, 300) && LABEL_LINE.test(blockText(el)));
  if (options.metaLines !== false)
    removeWhere(root, (el) => {
      if (!isLeafBlock(el) || !shortText(el, 120)) return false;
      // "| UPDATED: 11:05, Tue, Nov 19, 2019": separators before the label do not hide it.
      const text = blockText(el).replace(/^[\s|•·–—-]+/, '');
      if (DATE_ONLY.test(text)) return true;
      return META_LINE.test(text) ? DATE_LIKE.test(text) || /^by\b/i.test(text) && text.split(/\s+/).length <= 8 : false;
    });
}

function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, '').length;
}

/** A link whose text is its address is a citation or a source, not a teaser. */
function showsUrl(el: Element): boolean {
  return /^(https?:\/\/|www\.)/i.test((el.textContent ?? '').trim());
}

function shortText(el: Element, max: number): boolean {
  return (el.textContent ?? '').trim().length <= max;
}

/** A block with no block children: a paragraph, or a div used as one. */
function isLeafBlock(el: Element): boolean {
  if (LEAF_BLOCK.test(el.tagName)) return true;
  if (el.tagName !== 'DIV' && el.tagName !== 'SPAN') return false;
  return !el.querySelector('p, div, li, ul, ol, h1, h2, h3, h4, h5, h6, table, blockquote');
}
