import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config.js';
import { openImages } from '../../src/images/open-images.js';

/** A fixed signing key, so a test can write the image URLs it expects. */
export const TEST_IMAGE_SECRET = 'test-image-secret-0123456789abcdef-0123';

/**
 * The real image endpoint for an app under test (`buildApp({ images })`), with its disk
 * store in a temporary folder and the default widths; `drop` removes the folder.
 */
export async function openTestImages() {
  const dataDir = mkdtempSync(join(tmpdir(), 'gazette-test-images-'));
  const config = loadConfig({ DATA_DIR: dataDir, IMAGE_SECRET: TEST_IMAGE_SECRET });
  const opened = await openImages(config);
  return { images: { service: opened.service, secret: opened.secret }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
}
