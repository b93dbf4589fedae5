import { readFileSync } from 'node:fs';
import type { Context } from 'hono';
import sharp from 'sharp';
import type { AppDeps } from '../deps.js';

/** Static files ship in the repository's public/ folder (three levels up from src/web/assets and dist/web/assets). */
const publicFile = (name: string) => readFileSync(new URL(`../../../public/${name}`, import.meta.url));
const faviconSvg = publicFile('favicon.svg');
const bytes = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.length);

/** The PNG sizes of the icon: 32 (favicon.ico), 180 (Apple touch icon), 192 and 512 (web app manifest). */
const ICON_SIZES = [32, 180, 192, 512] as const;
type IconSize = (typeof ICON_SIZES)[number];
const ONE_DAY = 'public, max-age=86400';

/** The SVG icon as PNGs, drawn once per process by sharp, on first use. */
const pngs = new Map<IconSize, Promise<Buffer>>();
function iconPng(size: IconSize): Promise<Buffer> {
  let png = pngs.get(size);
  if (!png) {
    png = sharp(faviconSvg, { density: Math.ceil((72 * size) / 64) }).resize(size, size).png().toBuffer();
    pngs.set(size, png);
  }
  return png;
}

/** GET /favicon.svg, /favicon.ico (a PNG, which every browser takes under that name) and /icons/icon-<size>.png. */
export function siteIcon() {
  return async (c: Context) => {
    c.header('Cache-Control', ONE_DAY);
    if (c.req.path === '/favicon.svg') return c.body(bytes(faviconSvg), 200, { 'Content-Type': 'image/svg+xml' });
    const size = c.req.path === '/favicon.ico' ? 32 : Number(/^\/icons\/icon-(\d+)\.png$/.exec(c.req.path)?.[1]);
    if (!ICON_SIZES.includes(size as IconSize)) return c.notFound();
    return c.body(bytes(await iconPng(size as IconSize)), 200, { 'Content-Type': 'image/png' });
  };
}

/** GET /manifest.webmanifest — the web app manifest (W3C Web Application Manifest): name, icons, colours. */
export function webManifest(deps: AppDeps) {
  const body = JSON.stringify({
    name: deps.config.siteName,
    short_name: deps.config.siteName.slice(0, 12),
    description: `News from ${deps.config.siteName}'s providers.`,
    lang: deps.config.site.locale,
    start_url: '/',
    scope: '/',
    display: 'minimal-ui',
    background_color: '#fdfcf9',
    theme_color: '#a4161a',
    icons: [
      { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
    ],
  });
  return (c: Context) => {
    c.header('Cache-Control', ONE_DAY);
    return c.body(body, 200, { 'Content-Type': 'application/manifest+json; charset=utf-8' });
  };
}
