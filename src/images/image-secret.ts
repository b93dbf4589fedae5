import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The key image URLs are signed with: the configured one, else one made once and kept in
 * `dataDir/image-secret` (mode 600), so signed URLs in cached pages and CDNs stay valid across
 * restarts. Several nodes must share IMAGE_SECRET instead (each would make its own).
 */
export async function imageSecret(configured: string | undefined, dataDir: string): Promise<string> {
  if (configured) return configured;
  const file = join(dataDir, 'image-secret');
  const kept = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (kept.length >= 32) return kept;
  await mkdir(dataDir, { recursive: true });
  const made = randomBytes(32).toString('base64url');
  // `wx`: two processes starting at once keep the first one's key.
  await writeFile(file, `${made}\n`, { mode: 0o600, flag: 'wx' }).catch(() => undefined);
  return (await readFile(file, 'utf8')).trim();
}
