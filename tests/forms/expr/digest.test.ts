// The pure MD5, SHA-1 and SHA-256 behind digest(): the published test vectors (RFC 1321, FIPS 180),
// then Node's own hashes on texts across the padding edges and beyond ASCII.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digest } from '../../../src/forms/expr/digest';

const TWO_BLOCKS = 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq';

describe('digest', () => {
  it.each([
    ['SHA-256', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['SHA-256', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['SHA-256', TWO_BLOCKS, '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    ['SHA-1', 'abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['SHA-1', '', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['SHA-1', TWO_BLOCKS, '84983e441c3bd26ebaae4aa1f95129e5e54670f1'],
    ['MD5', '', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['MD5', 'abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['MD5', 'message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
  ])('%s(%j) is the published vector', (algorithm, text, hex) => {
    expect(digest(text, algorithm, 'hex')).toBe(hex);
    expect(digest(text, algorithm, 'base64')).toBe(Buffer.from(hex, 'hex').toString('base64'));
  });

  it('matches Node on every length around the block edges, and on UTF-8 text', () => {
    const texts = [...Array.from({ length: 130 }, (_, n) => 'x'.repeat(n)), 'héllo wörld', '😀 مرحبا 日本', 'a'.repeat(10_000)];
    for (const [ours, node] of [['MD5', 'md5'], ['SHA-1', 'sha1'], ['SHA-256', 'sha256']] as const) {
      for (const text of texts) expect(digest(text, ours, 'hex'), `${ours} of ${text.length}`).toBe(createHash(node).update(text, 'utf8').digest('hex'));
    }
  });

  it('gives an empty text for an algorithm or encoding it does not compute', () => {
    expect(digest('abc', 'SHA-512', 'hex')).toBe('');
    expect(digest('abc', 'sha-256', 'hex')).toBe('');
    expect(digest('abc', 'SHA-256', 'base32')).toBe('');
  });
});
