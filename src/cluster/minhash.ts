/**
 * MinHash signatures over word shingles, and their LSH band keys (Broder 1997; Leskovec,
 * Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3). Pure and deterministic: the
 * same text always gives the same signature, on every machine, so signatures can be stored.
 */
import { letterRuns } from '../domain/letter-runs.js';

/** murmur3's 32-bit finaliser: a cheap, well-mixing hash of a 32-bit value. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over a string's UTF-16 code units. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Lower-case words of a text, punctuation dropped. */
export function words(text: string): string[] {
  return letterRuns(text.toLowerCase());
}

/** Hashes of the text's word n-grams (a set: repeats count once). */
export function shingleHashes(text: string, size: number): Set<number> {
  const tokens = words(text).map(hashString);
  const out = new Set<number>();
  if (tokens.length === 0) return out;
  const n = Math.min(size, tokens.length);
  for (let i = 0; i + n <= tokens.length; i++) {
    let h = 0x9747b28c;
    for (let k = 0; k < n; k++) h = mix32((h ^ tokens[i + k]!) + k);
    out.add(h);
  }
  return out;
}

const seedCache = new Map<number, Uint32Array>();
function seeds(count: number): Uint32Array {
  let s = seedCache.get(count);
  if (!s) {
    s = new Uint32Array(count);
    for (let i = 0; i < count; i++) s[i] = mix32(0x5bd1e995 + i * 0x9e3779b9);
    seedCache.set(count, s);
  }
  return s;
}

/** The MinHash signature: for each of `count` hash functions, the least hash of any shingle. */
export function minhashSignature(shingles: Iterable<number>, count: number): Uint32Array {
  const sig = new Uint32Array(count).fill(0xffffffff);
  const s = seeds(count);
  for (const x of shingles) {
    for (let i = 0; i < count; i++) {
      const h = mix32(x ^ s[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** The share of positions where two signatures agree: an unbiased estimate of Jaccard similarity. */
export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** One key per band ("3:9f2c01ab"): two articles sharing any key are compared. */
export function bandKeys(signature: Uint32Array, bands: number, rows: number): string[] {
  const keys: string[] = [];
  for (let b = 0; b < bands; b++) {
    let h = 0x1b873593 ^ b;
    for (let r = 0; r < rows; r++) h = mix32((h ^ (signature[b * rows + r] ?? 0)) + r);
    keys.push(`${b}:${h.toString(16).padStart(8, '0')}`);
  }
  return keys;
}

/** A signature as compact text for storage (base64 of its little-endian bytes). */
export function encodeSignature(signature: Uint32Array): string {
  const bytes = new Uint8Array(signature.length * 4);
  const view = new DataView(bytes.buffer);
  signature.forEach((v, i) => view.setUint32(i * 4, v, true));
  return Buffer.from(bytes).toString('base64');
}

/** Reads back what `encodeSignature` wrote. */
export function decodeSignature(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(Math.floor(bytes.length / 4));
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}
