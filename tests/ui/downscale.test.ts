import { describe, expect, it } from 'vitest';
import { downscaledSize, downscaledType, sizeParts } from '../../src/ui/downscale';

describe('downscaling a photo to max-pixels', () => {
  it.each([
    // [width, height, maxPixels, expected]
    [4000, 3000, 1024, { width: 1024, height: 768 }],
    [3000, 4000, 1024, { width: 768, height: 1024 }],
    [300, 300, 100, { width: 100, height: 100 }],
    [201, 100, 100, { width: 100, height: 50 }],
    [1999, 1000, 1000, { width: 1000, height: 500 }],
    // A long thin picture keeps at least one pixel across.
    [10_000, 3, 100, { width: 100, height: 1 }],
    [101, 100, 100, { width: 100, height: 99 }],
  ])('%i × %i to %i pixels', (width, height, max, expected) => {
    const size = downscaledSize({ width, height }, max);
    expect(size).toEqual(expected);
    expect(Math.max(size!.width, size!.height)).toBe(max);
  });

  it.each([
    [100, 80, 100],
    [80, 100, 100],
    [1, 1, 1],
    [640, 480, 20_000],
  ])('leaves %i × %i alone under %i pixels: never enlarged', (width, height, max) => {
    expect(downscaledSize({ width, height }, max)).toBeUndefined();
  });

  it('does nothing with a size or limit that is not a number of pixels', () => {
    expect(downscaledSize({ width: 500, height: 400 }, 0)).toBeUndefined();
    expect(downscaledSize({ width: 500, height: 400 }, Number.NaN)).toBeUndefined();
    expect(downscaledSize({ width: Number.NaN, height: 400 }, 100)).toBeUndefined();
    expect(downscaledSize({ width: 0, height: 400 }, 100)).toBeUndefined();
  });

  it('keeps a PNG lossless and writes anything else as JPEG', () => {
    expect(downscaledType('image/png')).toBe('image/png');
    expect(downscaledType('image/jpeg')).toBe('image/jpeg');
    expect(downscaledType('image/webp')).toBe('image/jpeg');
    expect(downscaledType('image/gif')).toBe('image/jpeg');
  });
});

describe('a file size in words', () => {
  it.each([
    [0, { value: 0, unit: 'bytes' }],
    [1023, { value: 1023, unit: 'bytes' }],
    [1024, { value: 1, unit: 'KB' }],
    [200 * 1024 + 300, { value: 200, unit: 'KB' }],
    [1024 * 1024, { value: 1, unit: 'MB' }],
    [2.45 * 1024 * 1024, { value: 2.5, unit: 'MB' }],
    [10 * 1024 * 1024, { value: 10, unit: 'MB' }],
  ])('%i bytes', (bytes, expected) => {
    expect(sizeParts(bytes)).toEqual(expected);
  });
});
