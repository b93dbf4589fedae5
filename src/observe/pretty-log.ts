import { inspect } from 'node:util';

const levelNames: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const levelColours: Record<number, string> = { 10: '90', 20: '36', 30: '32', 40: '33', 50: '31', 60: '35' };
/** pino's own fields, shown in the line's head or not at all. */
const HEAD_FIELDS = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'v', 'err']);

/**
 * One pino JSON line as a line for people: time, level, message, then the fields as
 * key=value, and an error's stack below it. Request lines read like a server log:
 * "12:03:07.412 INFO  GET /article/3/x 200 1.4 ms  reqId=… route=…".
 */
export function formatLogLine(json: string, colours = false): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.replace(/\n$/, '');
  }
  const level = Number(entry.level);
  const time = typeof entry.time === 'number' ? new Date(entry.time).toISOString().slice(11, 23) : '';
  const name = (levelNames[level] ?? String(entry.level)).padEnd(5);
  const paint = (code: string, text: string) => (colours ? `\x1b[${code}m${text}\x1b[0m` : text);
  const fields = { ...entry };
  let message = String(entry.msg ?? '');
  if (message === 'request' && typeof entry.method === 'string') {
    message = `${entry.method} ${String(entry.url)} ${String(entry.status)} ${String(entry.ms)} ms`;
    for (const k of ['method', 'url', 'status', 'ms']) delete fields[k];
  }
  const rest = Object.entries(fields)
    .filter(([k, v]) => !HEAD_FIELDS.has(k) && v !== undefined)
    .map(([k, v]) => `${paint('90', `${k}=`)}${typeof v === 'string' ? (/\s/.test(v) ? JSON.stringify(v) : v) : inspect(v, { breakLength: Infinity, depth: 3, colors: false })}`)
    .join(' ');
  const err = entry.err as { stack?: string; message?: string } | undefined;
  const stack = err ? `\n    ${(err.stack ?? err.message ?? '').split('\n').join('\n    ')}` : '';
  return `${paint('90', time)} ${paint(levelColours[level] ?? '0', name)} ${message}${rest ? `  ${rest}` : ''}${stack}`;
}

/** A pino destination that writes readable lines to `out` (a terminal, usually). */
export function prettyLogStream(out: { write(chunk: string): unknown }, options: { colours?: boolean } = {}): { write(chunk: string): void } {
  return {
    write(chunk) {
      for (const line of chunk.split('\n')) if (line) out.write(`${formatLogLine(line, options.colours)}\n`);
    },
  };
}
