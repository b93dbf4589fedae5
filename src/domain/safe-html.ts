/**
 * HTML that the sanitizer has produced. Only `clean/sanitize-html.ts` mints this type
 * (through `trustSanitizedHtml`), and only values of this type may be written raw into a page.
 */
declare const safeHtmlBrand: unique symbol;
export type SafeHtml = string & { readonly [safeHtmlBrand]: true };

/**
 * Marks a string as sanitized. Call it only on the output of the sanitizer, or on HTML read
 * back from the store, which only ever holds sanitizer output.
 */
export function trustSanitizedHtml(html: string): SafeHtml {
  return html as SafeHtml;
}
