import type { Context } from 'hono';

/** A posted form's fields as strings (a file or a repeated field reads as its first text value). */
export type FormFields = Record<string, string> & { all(name: string): string[] };

/**
 * Reads a posted form once: every value a string, cut at `maxChars` so an over-long field
 * fails validation with a message rather than costing memory, carriage returns normalised.
 */
export async function readForm(c: Context, maxChars = 20_000): Promise<FormFields> {
  const body = await c.req.parseBody({ all: true });
  const fields: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(body)) {
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string').map((v) => v.slice(0, maxChars).replace(/\r\n?/g, '\n'));
    lists[name] = values;
    fields[name] = values[0] ?? '';
  }
  return Object.assign(fields, { all: (name: string) => lists[name] ?? [] }) as FormFields;
}

/** A whole-number route parameter in the range of the database's ids, or undefined. */
export function idParam(c: Context, name = 'id'): number | undefined {
  const text = c.req.param(name) ?? '';
  return /^\d{1,10}$/.test(text) && Number(text) > 0 && Number(text) <= 2_147_483_647 ? Number(text) : undefined;
}
