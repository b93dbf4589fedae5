import { readFileSync } from 'node:fs';
import sharp, { type Sharp } from 'sharp';
import { publicAddressesOnly, type AddressPolicy } from '../../src/ingest/fetch/ssrf-guard.js';
import { startLocalServer } from './local-server.js';

/** A photo-like gradient with some detail, so encoders have real work. */
async function photo(width: number, height: number): Promise<Sharp> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#1d4e89"/><stop offset="1" stop-color="#f4a259"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width * 0.7}" cy="${height * 0.35}" r="${height * 0.18}" fill="#ffe8a3"/>
    <rect y="${height * 0.7}" width="100%" height="${height * 0.3}" fill="#2b2d42"/></svg>`;
  return sharp(Buffer.from(svg));
}

/**
 * A local picture server for the image tests: a JPEG (1600×900), a PNG with transparency
 * (800×600, a red disc on nothing), a WebP (1200×800), a 50-megapixel PNG bomb (6 KB on the wire), a web page, a
 * 404, a redirect to a private address and a body over the byte limit. Counts requests per path.
 */
export async function startImageServer() {
  const files: Record<string, { type: string; body: Buffer }> = {
    '/photo.jpg': { type: 'image/jpeg', body: await (await photo(1600, 900)).jpeg({ quality: 85 }).toBuffer() },
    '/graphic.png': { type: 'image/png', body: await sharp(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><circle cx="400" cy="300" r="200" fill="#a4161a"/></svg>')).png().toBuffer() },
    '/picture.webp': { type: 'image/webp', body: await (await photo(1200, 800)).webp().toBuffer() },
    '/bomb.png': { type: 'image/png', body: readFileSync(new URL('../../src/images/testdata/bomb-50-megapixels.png', import.meta.url)) },
    '/page.jpg': { type: 'text/html', body: Buffer.from('<!doctype html><title>Not a picture</title><p>Hello') },
    '/huge.jpg': { type: 'image/jpeg', body: Buffer.alloc(3 * 1024 * 1024, 0xff) },
  };
  const hits = new Map<string, number>();
  const server = await startLocalServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/to-private.jpg') {
      res.writeHead(302, { location: 'http://10.0.0.7/internal.jpg' });
      res.end();
      return;
    }
    const file = files[path];
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'content-length': String(file.body.length) });
    res.end(file.body);
  });
  return { ...server, hits, files };
}

/** The SSRF policy of these tests: the loopback test server is allowed, every other private address refused as in production. */
export const loopbackTestServerOnly: AddressPolicy = (address) => (address === '127.0.0.1' ? null : publicAddressesOnly(address));
