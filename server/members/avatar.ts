import sharp, { type Metadata } from 'sharp';
import { badRequest, HttpError } from '../http/errors.js';

/** What a member may upload: the formats every phone and browser makes. GIF, SVG, HEIC, TIFF and the rest are refused. */
export const AVATAR_UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** The largest upload, in bytes: a phone's full-size photo fits, a video or a RAW file does not. */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
/**
 * The most pixels a picture may have (a 40-megapixel camera's photo). A few bytes of PNG or JPEG can claim
 * 60 000 × 60 000 pixels; decoding that would take gigabytes, so the header is read first and such a file refused.
 */
export const AVATAR_MAX_PIXELS = 40_000_000;
/** Width and height of every stored picture: twice the largest shown size, for sharp screens. */
export const AVATAR_SIZE = 256;
/** What is stored and served, whatever came in. */
export const AVATAR_CONTENT_TYPE = 'image/webp';

// libvips can read dozens of formats (SVG, PDF, TIFF, HEIF …), each a parser exposed to whatever a member uploads.
// Only the three accepted ones may run, whatever the bytes claim to be; this module is the only user of sharp in
// the server, so the process-wide switch is safe. Each picture is read once, so libvips' operation cache would only
// keep members' photos in memory for nothing.
sharp.block({ operation: ['VipsForeignLoad'] });
sharp.unblock({ operation: ['VipsForeignLoadJpegBuffer', 'VipsForeignLoadPngBuffer', 'VipsForeignLoadWebpBuffer'] });
sharp.cache(false);

const DECODED_FORMATS = new Set(['jpeg', 'png', 'webp']);

export const unsupportedAvatarType = () => new HttpError(415, 'unsupported_media_type', 'Kies een foto in JPEG-, PNG- of WebP-formaat.');
export const avatarTooLarge = () => new HttpError(413, 'too_large', `Deze foto is te groot: kies er een van hoogstens ${AVATAR_MAX_BYTES / 1024 / 1024} MB.`);
const unreadable = () => badRequest('image_unreadable', 'Dit bestand is geen foto die we kunnen lezen. Kies een JPEG-, PNG- of WebP-bestand.');

/**
 * The picture as Plein keeps it: turned upright by its EXIF orientation, cut to the centre square, scaled to
 * 256 × 256 and written anew as WebP. Writing it anew is what removes the metadata: sharp copies none unless asked
 * (no EXIF with GPS position, camera or time, no XMP, no ICC profile, no comments), and only pixels survive, so
 * nothing hidden in the upload (a script, a second file appended) reaches other members.
 *
 * Throws the API's 400 for anything that is not one still JPEG, PNG or WebP picture of at most AVATAR_MAX_PIXELS.
 */
export async function processAvatar(input: Buffer): Promise<Buffer> {
  if (input.length === 0) throw badRequest('image_missing', 'Kies eerst een foto.');
  let metadata: Metadata;
  try {
    // Reads the header only; the pixel limit is checked below, so that an oversized picture gets its own message.
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw unreadable();
  }
  if (!DECODED_FORMATS.has(metadata.format) || !metadata.width || !metadata.height) throw unreadable();
  if (metadata.width * metadata.height > AVATAR_MAX_PIXELS) {
    throw badRequest('image_too_many_pixels', `Deze foto heeft te veel pixels (meer dan ${AVATAR_MAX_PIXELS / 1_000_000} megapixel). Verklein hem en probeer het opnieuw.`);
  }
  // An animated WebP would lose all but its first frame without a word: say so instead.
  if ((metadata.pages ?? 1) > 1) throw badRequest('image_animated', 'Een bewegende afbeelding kan geen profielfoto zijn. Kies een stilstaande foto.');
  try {
    // failOn 'error': a picture libvips cannot decode is refused; a mere warning (common in phone JPEGs) is not.
    return await sharp(input, { failOn: 'error', limitInputPixels: AVATAR_MAX_PIXELS })
      .autoOrient()
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover', position: 'centre' })
      .webp({ quality: 80 })
      .toBuffer();
  } catch {
    throw unreadable();
  }
}
