// A chosen file made ready to keep: refused when it cannot answer the question (wrong kind,
// empty, an image whose bytes are not its format: the server would refuse it too), and a photo
// larger than the question's max-pixels downscaled in the browser. Nothing is stored here.
import { bytesFit, typeFits, type MediaType } from '../forms/attachments';
import { DOWNSCALE_QUALITY, downscaledSize, downscaledType, type PixelSize } from './downscale';

/** Why a chosen file cannot answer the question; the widget says it in words. */
export type PrepareRefusal = 'empty' | 'wrong-type' | 'unreadable';

export type Prepared = { ok: true; blob: Blob } | { ok: false; refusal: PrepareRefusal };

/** The file, or its downscaled copy, ready for attachFile. */
export async function prepareFile(file: Blob, question: MediaType, maxPixels: number | undefined): Promise<Prepared> {
  if (file.size === 0) return { ok: false, refusal: 'empty' };
  const type = file.type || 'application/octet-stream';
  if (!typeFits(question, type)) return { ok: false, refusal: 'wrong-type' };
  if (!bytesFit(type, new Uint8Array(await file.slice(0, 16).arrayBuffer()))) return { ok: false, refusal: 'wrong-type' };
  if (question !== 'image' || maxPixels === undefined) return { ok: true, blob: file };
  try {
    const blob = await downscale(file, maxPixels);
    return { ok: true, blob };
  } catch {
    // Bytes that start like an image and do not decode: a cut or damaged file.
    return { ok: false, refusal: 'unreadable' };
  }
}

/** The photo with its longer side at most `maxPixels`, or the file itself when it already fits. */
async function downscale(file: Blob, maxPixels: number): Promise<Blob> {
  // The bitmap follows the photo's EXIF orientation, so width and height are as the photo is seen.
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const size = downscaledSize({ width: bitmap.width, height: bitmap.height }, maxPixels);
    if (!size) return file;
    return await draw(bitmap, size, downscaledType(file.type));
  } finally {
    bitmap.close();
  }
}

/** The bitmap drawn at `size` and encoded; OffscreenCanvas where there is one, a detached canvas otherwise. */
async function draw(bitmap: ImageBitmap, size: PixelSize, type: string): Promise<Blob> {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(size.width, size.height);
    paint(canvas.getContext('2d'), bitmap, size, type);
    return canvas.convertToBlob({ type, quality: DOWNSCALE_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  paint(canvas.getContext('2d'), bitmap, size, type);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the photo'))), type, DOWNSCALE_QUALITY));
}

function paint(context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null, bitmap: ImageBitmap, size: PixelSize, type: string): void {
  if (!context) throw new Error('No 2D canvas in this browser');
  // JPEG has no transparency: a transparent PNG or GIF turned JPEG gets white, not black.
  if (type === 'image/jpeg') {
    context.fillStyle = '#fff';
    context.fillRect(0, 0, size.width, size.height);
  }
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, size.width, size.height);
}
