/**
 * Writes the charset fixtures: the same small RSS feed encoded in each charset Gazette must
 * read, with the charset declared in the XML declaration (or not at all, for UTF-16 with a
 * BOM). Run with `npx tsx src/ingest/testdata/make-charset-fixtures.ts`; the output is
 * committed, so tests read real bytes.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { charsetSamples } from './make-charset-fixtures-data.js';

const here = join(dirname(fileURLToPath(import.meta.url)), 'charsets');


function feed(charset: string | null, headline: string): string {
  const decl = charset ? `<?xml version="1.0" encoding="${charset}"?>\n` : '<?xml version="1.0"?>\n';
  return `${decl}<rss version="2.0"><channel><title>${headline}</title><link>https://charset.example/</link>
<item><title>${headline}</title><link>https://charset.example/1</link><description>${headline}.</description></item>
</channel></rss>
`;
}

for (const [charset, headline] of Object.entries(charsetSamples)) {
  writeFileSync(join(here, `${charset}.xml`), iconv.encode(feed(charset, headline), charset));
}
const utf8 = charsetSamples['utf-8']!;
writeFileSync(join(here, 'utf-8-bom.xml'), iconv.encode(feed(null, utf8), 'utf-8', { addBOM: true }));
writeFileSync(join(here, 'utf-8-undeclared.xml'), iconv.encode(feed(null, utf8), 'utf-8'));
writeFileSync(join(here, 'utf-16le-bom.xml'), iconv.encode(feed('utf-16', utf8), 'utf-16le', { addBOM: true }));
writeFileSync(join(here, 'utf-16be-bom.xml'), iconv.encode(feed('utf-16', utf8), 'utf-16be', { addBOM: true }));
writeFileSync(join(here, 'utf-16le-no-bom.xml'), iconv.encode(feed('utf-16', utf8), 'utf-16le'));
// Declared nowhere in the document: only the HTTP header names the charset.
writeFileSync(join(here, 'windows-1256-header-only.xml'), iconv.encode(feed(null, charsetSamples['windows-1256']!), 'windows-1256'));
// The document says ISO-8859-1 but a transcoding server sent UTF-8 and said so in the header.
writeFileSync(join(here, 'utf-8-declared-latin1.xml'), iconv.encode(feed('iso-8859-1', charsetSamples['iso-8859-1']!), 'utf-8'));
// Undeclared windows-1252 bytes (not valid UTF-8): read as windows-1252.
writeFileSync(join(here, 'windows-1252-undeclared.xml'), iconv.encode(feed(null, charsetSamples['windows-1252']!), 'windows-1252'));
// An HTML article page whose only charset is a <meta> tag.
writeFileSync(
  join(here, 'koi8-r-meta.html'),
  iconv.encode(`<html><head><meta charset="koi8-r"><title>${charsetSamples['koi8-r']}</title></head><body><p>${charsetSamples['koi8-r']}</p></body></html>`, 'koi8-r'),
);
