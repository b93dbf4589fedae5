import { isSuperdeskMediaId } from '../../domain/superdesk-destination.js';
import { inspectImage } from '../../images/read-image.js';

/** An asset upload read: the media id and the picture's bytes, or why it is refused (with its HTTP status). */
export type AssetUpload =
  | { kind: 'picture'; mediaId: string; bytes: Uint8Array; format: string }
  | { kind: 'refused'; status: 400 | 413 | 415; code: string; message: string };

/**
 * Reads Superdesk's multipart asset upload (superdesk-core `http_push.py`): `media_id`, and
 * `media`, the file itself or its base64 text (Eve's storage sends either); `mime_type` and
 * `filemeta` are informative only, as the type is told from the bytes. Only a picture Gazette
 * can show (by its magic bytes, decoded in full), within `maxBytes` and `maxPixels`, is taken.
 */
export async function readAssetUpload(body: Uint8Array, contentType: string | undefined, limits: { maxBytes: number; maxPixels: number }): Promise<AssetUpload> {
  if (!/^multipart\/form-data\b/i.test(contentType ?? '')) return refused(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the asset as multipart/form-data with media_id and media fields.');
  let form: FormData;
  try {
    form = await new Response(body as unknown as BodyInit, { headers: { 'content-type': contentType! } }).formData();
  } catch {
    return refused(400, 'BAD_REQUEST', 'The multipart body cannot be read.');
  }
  const mediaId = form.get('media_id');
  if (typeof mediaId !== 'string' || !isSuperdeskMediaId(mediaId.trim())) {
    return refused(400, 'VALIDATION_FAILED', 'media_id is missing or not a media id (letters, digits, "._~-" and "/" between parts, at most 512 characters).');
  }
  const media = form.get('media');
  if (media === null) return refused(400, 'VALIDATION_FAILED', 'The media field (the file) is missing.');
  const sent = typeof media === 'string' ? Buffer.from(media, 'utf8') : new Uint8Array(await media.arrayBuffer());
  // A file part holds the bytes; a text field (or a file of text) may hold them in base64.
  const candidates = [sent, ...(looksLikeBase64(sent) ? [Buffer.from(Buffer.from(sent).toString('latin1'), 'base64')] : [])];
  let reason = 'it is not a picture';
  for (const bytes of candidates) {
    if (bytes.length > limits.maxBytes) {
      return refused(413, 'PAYLOAD_TOO_LARGE', `The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; Gazette takes pictures of at most ${(limits.maxBytes / 1024 / 1024).toFixed(0)} MB.`);
    }
    const inspected = await inspectImage(bytes, limits.maxPixels);
    if (inspected.kind === 'image') return { kind: 'picture', mediaId: mediaId.trim(), bytes, format: inspected.format };
    reason = inspected.reason;
  }
  return refused(415, 'UNSUPPORTED_MEDIA_TYPE', `Gazette takes pictures only (JPEG, PNG, WebP, GIF, AVIF, HEIF, TIFF) and this file was refused: ${reason}.`);
}

function looksLikeBase64(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) {
    const b = bytes[i]!;
    const ok = (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b === 0x2b || b === 0x2f || b === 0x3d || b === 0x0a || b === 0x0d || b === 0x2d || b === 0x5f;
    if (!ok) return false;
  }
  return true;
}

function refused(status: 400 | 413 | 415, code: string, message: string): AssetUpload {
  return { kind: 'refused', status, code, message };
}
