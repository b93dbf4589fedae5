import { knownPlace } from './gazetteer.js';

/**
 * The opening of a story without its dateline: "NEW DELHI:", "LONDON (Reuters) -",
 * "WASHINGTON (AP) —", "HANOI, Vietnam (AP) —", "(MENAFN)", "BAAR, SWITZERLAND" on a line
 * of its own, "Washington, DC, United States:". A summary starts with the story, not with
 * where it was filed.
 */
export function stripDateline(text: string): string {
  const start = text.replace(/^\s+/, '');
  // An agency in brackets, after an optional place: "LONDON (Reuters) -", "(MENAFN)",
  // "Hong Kong (CNN Business)". A title-case word before brackets is a dateline only when
  // it is a known place or a dash follows ("Apple (AAPL) rose" keeps its company).
  const agency = /^(?:([\p{Lu}][\p{L}.'’ -]{0,40}?)((?:,\s*[\p{Lu}][\p{L}.'’ -]{0,30}){0,2})\s*)?\([\p{L}\p{N} .&/-]{2,30}\)\s*([-–—:]{1,2}\s*)?/u.exec(start);
  if (agency && agency[0].length < start.length) {
    const place = agency[1]?.trim() ?? '';
    if (!place || agency[3] || place === place.toUpperCase() || knownPlace(place)) return start.slice(agency[0].length);
  }
  const patterns = [
    // An upper-case place with a dash or colon: "MADRID —", "NEW DELHI:", "SANTA FE, N.M. —".
    /^\p{Lu}[\p{Lu}.'’ -]{1,40}(?:,\s*[\p{Lu}][\p{L}.'’ -]{0,30}){0,2}\s*(?:[-–—]{1,2}|:)\s+/u,
    // An upper-case place alone on its line: "BAAR, SWITZERLAND\n".
    /^\p{Lu}[\p{Lu}.'’ -]{1,40}(?:,\s*\p{Lu}[\p{Lu}.'’ -]{1,30}){0,2}[ \t]*\n\s*/u,
  ];
  for (const re of patterns) {
    const m = re.exec(start);
    if (m && m[0].length < start.length && /\p{Lu}{2}/u.test(m[0])) return start.slice(m[0].length);
  }
  // Title-case places before a colon, when the gazetteer knows the first: "Washington, DC, United States:".
  const titled = /^([\p{Lu}][\p{L}.'’ -]{1,30})(?:,\s*[\p{Lu}][\p{L}.'’ -]{0,30}){0,2}:\s+/u.exec(start);
  if (titled && knownPlace(titled[1]!.trim())) return start.slice(titled[0].length);
  return start;
}
