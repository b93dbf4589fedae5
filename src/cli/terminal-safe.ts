/**
 * Makes a value from outside (a feed title, a URL, an item id, a reason quoting input) safe to
 * print: C0/C1 control characters — ESC above all, which starts terminal escape sequences —
 * line breaks, DEL and bidi controls are shown as `\x1B`-style escapes instead of acting on
 * the terminal or spoofing a line of output.
 */
export function terminalSafe(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    const code = ch.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}
