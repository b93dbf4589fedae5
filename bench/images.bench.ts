/**
 * The image endpoint: one picture at one width, the first request (fetch from the provider,
 * decode, resize, encode, write to disk) and cached requests under load, next to a bare
 * node:http server sending the same bytes from memory, in the same run. Image serving reads
 * no article and no listing, so its cost does not depend on the archive's size: it is
 * measured at one size only.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Benchmark, BenchRow } from './benchmark.js';
import { againstBareRows, CONNECTIONS, DURATION_S, measureAgainstBare, rawGet, startServer } from './http-load.js';

const WIDTH = 640;
const FIRST_REQUESTS = 12;
const ACCEPT: Record<string, string> = { avif: 'image/avif,image/webp,*/*', webp: 'image/webp,*/*', jpeg: 'image/jpeg,*/*' };

/** A 2400×1600 photo-like JPEG (a gradient under fine noise, as a camera's sensor gives): an agency picture's usual size. */
async function agencyPhoto(): Promise<Buffer> {
  const gradient = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1600"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="#1d4e89"/><stop offset="1" stop-color="#f4a259"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="1700" cy="500" r="300" fill="#ffe8a3"/><rect y="1100" width="100%" height="500" fill="#2b2d42"/></svg>`);
  const noise = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 18 } } }).png().toBuffer();
  return sharp(gradient).composite([{ input: noise, blend: 'overlay' }]).jpeg({ quality: 85 }).toBuffer();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const bench: Benchmark = {
  name: 'Image endpoint: one picture at one width, first request and cached',
  group: 'speed',
  async run() {
    const photo = await agencyPhoto();
    // The provider: serves the same photo under any name, so every first request is a new picture.
    const provider = createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': photo.length }).end(photo));
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    const providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'gazette-bench-images-'));
    const gazette = await startServer('./servers/serve-images.ts', { BENCH_DATA_DIR: dataDir });
    const sign = async (source: string) => (await gazette.ask<{ path: string }>({ sign: source, width: WIDTH })).path;
    try {
      const rows: BenchRow[] = [];
      let n = 0;
      for (const format of ['avif', 'webp', 'jpeg']) {
        const times: number[] = [];
        const before = await gazette.ask<{ cpuMicros: number }>('cpu');
        let bytes = 0;
        for (let i = 0; i < FIRST_REQUESTS; i++) {
          const path = await sign(`${providerUrl}/photo-${++n}.jpg`);
          const started = process.hrtime.bigint();
          const response = await rawGet(gazette.url + path, { accept: ACCEPT[format]! });
          times.push(Number(process.hrtime.bigint() - started) / 1e6);
          if (response.status !== 200) throw new Error(`first request answered ${response.status}`);
          bytes = response.body.length;
        }
        const after = await gazette.ask<{ cpuMicros: number }>('cpu');
        times.sort((a, b) => a - b);
        rows.push({
          case: `first request, ${format} (${Math.round(bytes / 1024)} KB)`,
          'req/s': '',
          'p50 ms': Number(percentile(times, 50).toFixed(1)),
          'p99 ms': Number(percentile(times, 99).toFixed(1)),
          requests: FIRST_REQUESTS,
          'CPU µs/req': Math.round((after.cpuMicros - before.cpuMicros) / FIRST_REQUESTS),
        });
      }
      const cachedPath = await sign(`${providerUrl}/photo-1.jpg`);
      const { measured, baseline, response } = await measureAgainstBare(gazette, cachedPath, { accept: ACCEPT.avif! });
      rows.push(...againstBareRows('case', `cached, avif (${Math.round(response.body.length / 1024)} KB)`, measured, baseline));
      return {
        rows,
        notes: [
          `A ${Math.round(photo.length / 1024)} KB 2400×1600 JPEG from a loopback provider, resized to ${WIDTH} px; first requests one at a time (${FIRST_REQUESTS} pictures per format), cached ones under ${CONNECTIONS} connections for ${DURATION_S} s.`,
          'Image serving reads neither articles nor listings: its cost is the same at 10k, 100k or 1M articles, so it is measured at one archive size.',
        ],
      };
    } finally {
      await gazette.stop();
      provider.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
export default bench;
