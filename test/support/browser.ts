import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, or CHROMIUM_PATH. Tests never download a browser. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Why browser tests are skipped here, or false when they run. In CI a missing browser is a failure. */
export const skipBrowser: string | false =
  existsSync(chromiumPath) || process.env.CI ? false : `browser tests skipped: no Chromium at ${chromiumPath} (apt-get install chromium)`;

/** Launches headless Chromium with flags that work on a closed, sandboxed machine. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}
