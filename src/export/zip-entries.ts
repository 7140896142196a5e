// The bytes around each entry of a ZIP file whose sizes and CRC are known before its data, written
// in the local header (no data descriptor). fflate's streaming Zip always writes data descriptors,
// and a streaming reader can only find the end of such an entry by looking for a signature in its
// bytes, which a photo or a .docx may hold by chance: this layout is read by counting, never by
// guessing. The CRC and the deflating are fflate's; only the fixed-size headers are written here.
// No ZIP64: entries and the whole file stay under 4 GiB (bundles are capped well below).
import { ZipPassThrough } from 'fflate';

/** One entry as the central directory lists it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  compression: 0 | 8;
  crc: number;
  /** Bytes as written (after deflating). */
  compressedSize: number;
  /** Bytes of the content itself. */
  size: number;
  /** Where its local header starts in the file. */
  offset: number;
}

/** CRC-32 of some bytes, through fflate (its pass-through entry computes it as bytes go by). */
export function crc32(bytes: Uint8Array): number {
  const entry = new ZipPassThrough('');
  entry.ondata = () => undefined;
  entry.push(bytes, true);
  return entry.crc >>> 0;
}

/** MS-DOS date and time (two seconds resolution, years 1980 to 2107) of an instant, in UTC. */
function dosTime(date: Date): number {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107) - 1980;
  return ((year << 25) | ((date.getUTCMonth() + 1) << 21) | (date.getUTCDate() << 16) | (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1)) >>> 0;
}

const ascii = (name: string): Uint8Array => Uint8Array.from(name, (c) => {
  const code = c.charCodeAt(0);
  // Entry names here are fixed ASCII (bundle.json, files/<hex>); anything else is a bug.
  if (code > 0x7e || code < 0x20) throw new Error(`ZIP entry names must be ASCII: ${name}`);
  return code;
});

/** The shared part of a local header and a central directory record, from "version needed" on. */
function common(view: DataView, at: number, entry: ZipEntry, time: number, nameLength: number): void {
  view.setUint16(at, 20, true); // version needed: 2.0
  view.setUint16(at + 2, 0, true); // flags: sizes are in this header, names ASCII
  view.setUint16(at + 4, entry.compression, true);
  view.setUint32(at + 6, time, true);
  view.setUint32(at + 10, entry.crc >>> 0, true);
  view.setUint32(at + 14, entry.compressedSize, true);
  view.setUint32(at + 18, entry.size, true);
  view.setUint16(at + 22, nameLength, true);
  view.setUint16(at + 24, 0, true); // no extra field
}

/** The local header that precedes an entry's bytes. */
export function localHeader(entry: ZipEntry, modified: Date): Uint8Array<ArrayBuffer> {
  const name = ascii(entry.name);
  const out = new Uint8Array(30 + name.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x04034b50, true);
  common(view, 4, entry, dosTime(modified), name.length);
  out.set(name, 30);
  return out;
}

/** The central directory and its end record, after the last entry's bytes (which end at `end`). */
export function centralDirectory(entries: readonly ZipEntry[], end: number, modified: Date): Uint8Array<ArrayBuffer> {
  const names = entries.map((e) => ascii(e.name));
  const size = names.reduce((sum, n) => sum + 46 + n.length, 0);
  const out = new Uint8Array(size + 22);
  const view = new DataView(out.buffer);
  const time = dosTime(modified);
  let at = 0;
  entries.forEach((entry, i) => {
    const name = names[i]!;
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by: 2.0, MS-DOS attributes
    common(view, at + 6, entry, time, name.length);
    // comment length, disk, internal and external attributes: all zero
    view.setUint32(at + 42, entry.offset, true);
    out.set(name, at + 46);
    at += 46 + name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, size, true);
  view.setUint32(at + 16, end, true);
  return out;
}
