// digest(): MD5, SHA-1 and SHA-256 of a text's UTF-8 bytes, synchronously. The evaluator cannot
// await crypto.subtle, so these are small pure implementations (RFC 1321, FIPS 180-4), checked
// against their published test vectors in tests/forms/expr/digest.test.ts.

/** The algorithms digest() computes, by the names ODK uses. */
export const DIGEST_ALGORITHMS = ['MD5', 'SHA-1', 'SHA-256'] as const;
/** Algorithms the ODK spec names that Fieldbook does not compute (64-bit words): refused when written literally. */
export const UNSUPPORTED_DIGESTS = ['SHA-384', 'SHA-512'] as const;
/** How the hash is written out. */
export const DIGEST_ENCODINGS = ['base64', 'hex'] as const;

type Algorithm = (typeof DIGEST_ALGORITHMS)[number];

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));
const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** The message in 64-byte blocks: a 1 bit, zeros, then its length in bits (little-endian for MD5, big-endian for SHA). */
function padded(bytes: Uint8Array, littleEndian: boolean): DataView {
  const length = Math.ceil((bytes.length + 9) / 64) * 64;
  const out = new Uint8Array(length);
  out.set(bytes);
  out[bytes.length] = 0x80;
  const view = new DataView(out.buffer);
  const bits = bytes.length * 8;
  const [high, low] = [Math.floor(bits / 2 ** 32), bits >>> 0];
  if (littleEndian) {
    view.setUint32(length - 8, low, true);
    view.setUint32(length - 4, high, true);
  } else {
    view.setUint32(length - 8, high);
    view.setUint32(length - 4, low);
  }
  return view;
}

function wordsToBytes(words: Uint32Array, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(words.length * 4);
  const view = new DataView(out.buffer);
  words.forEach((w, i) => view.setUint32(i * 4, w, littleEndian));
  return out;
}

/** The first 32 bits of the fractional part of a number (how SHA-256's constants are defined). */
const fraction32 = (x: number): number => Math.floor((x - Math.floor(x)) * 2 ** 32) >>> 0;
// The first 64 primes (311 is the 64th).
const PRIMES = Array.from({ length: 312 }, (_, n) => n).filter((n) => n > 1 && Array.from({ length: n - 2 }, (_, i) => i + 2).every((d) => n % d !== 0));
const SHA256_K = new Uint32Array(PRIMES.slice(0, 64).map((p) => fraction32(Math.cbrt(p))));
const SHA256_H = new Uint32Array(PRIMES.slice(0, 8).map((p) => fraction32(Math.sqrt(p))));
const MD5_K = new Uint32Array(Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0));
const MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

function sha256(bytes: Uint8Array): Uint8Array {
  const view = padded(bytes, false);
  const h = SHA256_H.slice();
  const w = new Uint32Array(64);
  const v = new Uint32Array(8);
  for (let off = 0; off < view.byteLength; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const [x, y] = [w[i - 15]!, w[i - 2]!];
      w[i] = w[i - 16]! + (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) + w[i - 7]! + (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10));
    }
    v.set(h);
    for (let i = 0; i < 64; i++) {
      const [a, b, c, e, f, g] = [v[0]!, v[1]!, v[2]!, v[4]!, v[5]!, v[6]!];
      const t1 = v[7]! + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + SHA256_K[i]! + w[i]!;
      const t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      v.copyWithin(1, 0, 7); // h=g, g=f, f=e, e=d, d=c, c=b, b=a
      v[4] = v[4]! + t1;
      v[0] = t1 + t2;
    }
    for (let i = 0; i < 8; i++) h[i] = h[i]! + v[i]!;
  }
  return wordsToBytes(h, false);
}

function sha1(bytes: Uint8Array): Uint8Array {
  const view = padded(bytes, false);
  const h = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);
  const w = new Uint32Array(80);
  for (let off = 0; off < view.byteLength; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
    let [a, b, c, d, e] = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!];
    for (let i = 0; i < 80; i++) {
      const f = i < 20 ? (b & c) | (~b & d) : i < 40 || i >= 60 ? b ^ c ^ d : (b & c) | (b & d) | (c & d);
      const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const t = (rotl(a, 5) + f + e + k + w[i]!) | 0;
      [e, d, c, b, a] = [d, c, rotl(b, 30), a, t];
    }
    [a, b, c, d, e].forEach((x, i) => (h[i] = h[i]! + x));
  }
  return wordsToBytes(h, false);
}

function md5(bytes: Uint8Array): Uint8Array {
  const view = padded(bytes, true);
  const h = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);
  for (let off = 0; off < view.byteLength; off += 64) {
    let [a, b, c, d] = [h[0]!, h[1]!, h[2]!, h[3]!];
    for (let i = 0; i < 64; i++) {
      const round = i >> 4;
      const f = round === 0 ? (b & c) | (~b & d) : round === 1 ? (d & b) | (~d & c) : round === 2 ? b ^ c ^ d : c ^ (b | ~d);
      const g = round === 0 ? i : round === 1 ? (5 * i + 1) % 16 : round === 2 ? (3 * i + 5) % 16 : (7 * i) % 16;
      const sum = (a + f + MD5_K[i]! + view.getUint32(off + g * 4, true)) | 0;
      [a, d, c, b] = [d, c, b, (b + rotl(sum, MD5_S[round * 4 + (i & 3)]!)) | 0];
    }
    [a, b, c, d].forEach((x, i) => (h[i] = h[i]! + x));
  }
  return wordsToBytes(h, true);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [18, 12, 6, 0].map((s) => BASE64.charAt((n >> s) & 63));
    const kept = Math.min(4, bytes.length - i + 1);
    out += chars.slice(0, kept).join('') + '='.repeat(4 - kept);
  }
  return out;
}

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

const HASHES: Record<Algorithm, (bytes: Uint8Array) => Uint8Array> = { MD5: md5, 'SHA-1': sha1, 'SHA-256': sha256 };

/** digest(text, algorithm, encoding): the hash of the text's UTF-8 bytes, or '' for an algorithm or encoding it does not know. */
export function digest(text: string, algorithm: string, encoding = 'base64'): string {
  const hash = (HASHES as Record<string, ((bytes: Uint8Array) => Uint8Array) | undefined>)[algorithm];
  if (!hash || (encoding !== 'base64' && encoding !== 'hex')) return '';
  const bytes = hash(new TextEncoder().encode(text));
  return encoding === 'hex' ? toHex(bytes) : toBase64(bytes);
}
