import type { ClusterOptions } from './cluster-options.js';
import { eventTerms } from './event-terms.js';
import { bandKeys, encodeSignature, minhashSignature, shingleHashes, words } from './minhash.js';

/** What clustering stores about one article's text. */
export interface Fingerprint {
  /** MinHash signature, bands × rows values. */
  signature: Uint32Array;
  /** LSH band keys; empty for texts too short to compare (they match by content hash only). */
  bandKeys: string[];
  /** The signature as stored text. */
  encoded: string;
  /** Content-term counts for the event-level match (headline words count double). */
  terms: Map<string, number>;
}

/** The near-duplicate fingerprint of an article: headline and body, shingled and MinHashed. */
export function fingerprint(headline: string, text: string, options: ClusterOptions, language?: string): Fingerprint {
  const count = options.bands * options.rows;
  // The body carries the story; the headline is often reworded, so it adds little either way.
  const body = `${headline}\n${text}`;
  const signature = minhashSignature(shingleHashes(body, options.shingleSize), count);
  const comparable = words(text).length >= options.minWords;
  return {
    signature,
    bandKeys: comparable ? bandKeys(signature, options.bands, options.rows) : [],
    encoded: encodeSignature(signature),
    terms: eventTerms(headline, text, language),
  };
}
