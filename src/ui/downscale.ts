// The arithmetic of downscaling a photo to a question's max-pixels (docs/attachments.md, Limits),
// kept apart from the canvas work so it is tested without a browser.

/** A picture's size in pixels. */
export interface PixelSize {
  width: number;
  height: number;
}

/**
 * The size a picture is brought to so its longer side is `maxPixels`, keeping its proportions;
 * undefined when it already fits (a picture is never enlarged). The shorter side is rounded and
 * never below one pixel, so a long thin picture stays a picture.
 */
export function downscaledSize(size: PixelSize, maxPixels: number): PixelSize | undefined {
  const longer = Math.max(size.width, size.height);
  // Comparisons with NaN are false: a size or limit that is not a number leaves the picture as it is.
  if (!(maxPixels >= 1) || !(longer > maxPixels) || !(Math.min(size.width, size.height) > 0)) return undefined;
  const scale = Math.floor(maxPixels) / longer;
  const side = (n: number) => Math.min(Math.floor(maxPixels), Math.max(1, Math.round(n * scale)));
  return { width: side(size.width), height: side(size.height) };
}

/** JPEG quality of a downscaled photo: small files, no visible loss on a phone's screen. */
export const DOWNSCALE_QUALITY = 0.85;

/**
 * The media type a downscaled picture is written in: a PNG stays PNG (screenshots, drawings:
 * lossless and often with transparency), anything else becomes JPEG, which every browser writes.
 */
export function downscaledType(type: string): 'image/png' | 'image/jpeg' {
  return type === 'image/png' ? 'image/png' : 'image/jpeg';
}

/** A file's size in the words a person reads: "820 KB", "2.4 MB" (1 MB = 1024 × 1024 bytes, as the limits are written). */
export function sizeParts(bytes: number): { value: number; unit: 'bytes' | 'KB' | 'MB' } {
  if (bytes < 1024) return { value: bytes, unit: 'bytes' };
  if (bytes < 1024 * 1024) return { value: Math.max(1, Math.round(bytes / 1024)), unit: 'KB' };
  return { value: Math.round((bytes / 1024 / 1024) * 10) / 10, unit: 'MB' };
}
