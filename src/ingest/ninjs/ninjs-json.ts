/** Small readers of untrusted JSON shared by the ninjs modules. */

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An array of objects, or an object map's values (ninjs 1.x `associations`, `renditions`). */
export function objects(value: unknown): Json[] {
  if (Array.isArray(value)) return value.filter(isObject);
  if (isObject(value)) return Object.entries(value).filter(([, v]) => isObject(v)).map(([name, v]) => ({ name, ...(v as Json) }));
  return [];
}

export function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : null;
}

/**
 * The same value with every property name in lower case, at every depth: ninjs 1.x and 2.x
 * write `versioncreated`, 3.x `versionCreated`, and agencies mix them. Values are untouched.
 */
export function lowerKeys(value: unknown, depth = 0): unknown {
  if (depth > 32) return value;
  if (Array.isArray(value)) return value.map((v) => lowerKeys(v, depth + 1));
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    const lower = key.toLowerCase();
    // A 3.x name beside its 2.x twin: the first one sent wins, as a JSON reader would keep one.
    if (!(lower in out)) out[lower] = lowerKeys(v, depth + 1);
  }
  return out;
}

export function httpUrl(value: string | null): value is string {
  return !!value && /^https?:\/\//i.test(value);
}
