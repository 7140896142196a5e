// Version 2 of the offline bundle (docs/attachments.md): a ZIP holding `bundle.json` first (the
// envelope and its files index, deflated), then each file once as `files/<sha256>`, stored (photos
// do not shrink). Written as Blob parts that point at the kept files, so making one reads each
// file once for its CRC and never holds more than that one file; read as a stream with fflate's
// Unzip, each file handed to a receiver as it arrives and checked against its sha256 and size.
// Shared by the device and the server (Blob, WebCrypto and fflate only).
import { deflateSync, strToU8, strFromU8, Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { checkZipEnvelope, MAX_BUNDLE_BYTES, refused, type BundleFile, type BundleRefusal, type BundleZipEnvelope } from './bundle';
import { checkFilesIndex, filesNamed, missingFile } from './bundle-files';
import { centralDirectory, crc32, localHeader, type ZipEntry } from './zip-entries';

/** Where the envelope is: always the first entry, so a reader knows which files to expect. */
export const ENVELOPE_ENTRY = 'bundle.json';
/** The entry holding the file of this sha256. */
export const fileEntry = (sha256: string) => `files/${sha256}`;
/**
 * The largest ZIP bundle read or written: 2 GiB. Files stream to disk on the server and one at a
 * time on a device, so memory is not the bound; this stays well under the 4 GiB of a ZIP without
 * ZIP64 and of a file on a FAT32 USB stick, and holds a team's week of photos (10,000 of 200 KB).
 */
export const MAX_ZIP_BUNDLE_BYTES = 2 * 1024 * 1024 * 1024;
/** A ZIP without ZIP64 counts at most 65,535 entries; one is the envelope. */
export const MAX_ZIP_BUNDLE_FILES = 65_534;
/** The first bytes of a ZIP file (a local header); a JSON bundle starts with `{`. */
export const isZipStart = (head: Uint8Array) => head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;

/** Builds a version 2 bundle file: the envelope now, then each file of its index in order. */
export interface BundleZipWriter {
  /** Adds the file of this sha256 (the next of the index); reads its bytes once, for the CRC. */
  addFile(sha256: string, blob: Blob): Promise<void>;
  /** The finished file, once every file of the index was added. */
  finish(): Blob;
}

/** Starts a version 2 bundle whose `bundle.json` is `envelope`. */
export function zipBundleWriter(envelope: BundleZipEnvelope, modified: Date): BundleZipWriter {
  const parts: BlobPart[] = [];
  const entries: ZipEntry[] = [];
  const expected = envelope.files.map((f) => f.sha256);
  let offset = 0;
  const add = (name: string, compression: 0 | 8, crc: number, size: number, data: Uint8Array<ArrayBuffer> | Blob) => {
    const entry: ZipEntry = { name, compression, crc, size, compressedSize: data instanceof Blob ? data.size : data.length, offset };
    const header = localHeader(entry, modified);
    parts.push(header, data);
    entries.push(entry);
    offset += header.length + entry.compressedSize;
    if (offset > MAX_ZIP_BUNDLE_BYTES) throw new RangeError(`A bundle holds at most ${MAX_ZIP_BUNDLE_BYTES / 1024 ** 3} GB.`);
  };
  if (envelope.files.length > MAX_ZIP_BUNDLE_FILES) throw new RangeError(`A bundle holds at most ${MAX_ZIP_BUNDLE_FILES} files.`);
  const json = strToU8(JSON.stringify(envelope));
  add(ENVELOPE_ENTRY, 8, crc32(json), json.length, deflateSync(json, { level: 6 }));
  return {
    async addFile(sha256, blob) {
      const file = envelope.files[entries.length - 1];
      if (file?.sha256 !== sha256 || file.size !== blob.size) throw new Error(`Bundle files must come in index order with their sizes (${sha256.slice(0, 12)}…).`);
      add(fileEntry(sha256), 0, crc32(new Uint8Array(await blob.arrayBuffer())), blob.size, blob);
    },
    finish() {
      if (entries.length !== expected.length + 1) throw new Error('Every file of the index must be added before the bundle is finished.');
      parts.push(centralDirectory(entries, offset, modified));
      return new Blob(parts, { type: 'application/zip' });
    },
  };
}

/** Where a reader puts one file's bytes, and how it tells whether they hash to the file's sha256. */
export interface FileReceiver {
  /** The next bytes of the file, in order; awaited before more are read. */
  write(chunk: Uint8Array): void | Promise<void>;
  /** Every byte given (the size was checked): whether they hash to the sha256 of the file. */
  end(): Promise<boolean>;
  /** The read stopped partway through this file: drop what it holds. */
  abort(): Promise<void>;
}

export type ZipBundleRead = { ok: true; bundle: BundleZipEnvelope } | BundleRefusal;

type Event = { kind: 'entry'; file: UnzipFile } | { kind: 'data'; chunk: Uint8Array; final: boolean } | { kind: 'error'; error: Error };

const notZip = () =>
  refused('not-zip', 'This file is damaged or incomplete: it is not a readable ZIP bundle (it may have been cut short while copying). Export it again from the device.');
const malformed = (what: string) => refused('malformed', `This bundle is malformed: ${what}.`, what);

/** The bytes of a Blob in order, a piece at a time (the device reads a chosen file this way). */
export async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
  } finally {
    reader.releaseLock();
  }
}

/**
 * Reads a version 2 bundle from its bytes in order. The envelope is checked (format, version,
 * checksum, files index against the manifests) before any file is read; each file then goes to
 * the receiver `receive` gives for it, which says whether its bytes hash to its sha256, and its
 * size is counted. Any fault refuses the whole file: the caller keeps nothing it received.
 */
export async function readZipBundle(chunks: AsyncIterable<Uint8Array>, receive: (file: BundleFile) => FileReceiver | Promise<FileReceiver>): Promise<ZipBundleRead> {
  const events: Event[] = [];
  const unzip = new Unzip((file) => {
    events.push({ kind: 'entry', file });
    file.ondata = (error, chunk, final) => events.push(error ? { kind: 'error', error } : { kind: 'data', chunk, final });
    file.start();
  });
  unzip.register(UnzipInflate);

  let envelope: BundleZipEnvelope | undefined;
  let json: Uint8Array[] | undefined;
  let jsonBytes = 0;
  let current: { file: BundleFile; receiver: FileReceiver; received: number } | undefined;
  let index = new Map<string, BundleFile>();
  const seen = new Set<string>();

  /** Handles one event; a refusal ends the read. */
  async function handle(event: Event): Promise<BundleRefusal | undefined> {
    if (event.kind === 'error') return malformed(`an entry cannot be read (${event.error.message})`);
    if (event.kind === 'entry') {
      const { name, compression, size, originalSize } = event.file;
      if (envelope === undefined) {
        if (json !== undefined || name !== ENVELOPE_ENTRY) return malformed(`its first entry must be ${ENVELOPE_ENTRY}, not ${name.slice(0, 80)}`);
        if (originalSize !== undefined && originalSize > MAX_BUNDLE_BYTES) return malformed(`${ENVELOPE_ENTRY} is over ${MAX_BUNDLE_BYTES / 1024 / 1024} MB`);
        json = [];
        return undefined;
      }
      const sha256 = /^files\/([0-9a-f]{64})$/.exec(name)?.[1];
      const file = sha256 === undefined ? undefined : index.get(sha256);
      if (sha256 === undefined || file === undefined) return malformed(`it holds an entry its index does not list (${name.slice(0, 80)})`);
      if (seen.has(sha256)) return malformed(`it holds ${name} twice`);
      // Counted, never searched for: a stored entry with its size up front (bundle-zip.ts writes no other kind).
      if (compression !== 0 || size === undefined || size !== file.size) return malformed(`${name} is not stored with its size`);
      seen.add(sha256);
      current = { file, receiver: await receive(file), received: 0 };
      return undefined;
    }
    if (envelope === undefined) {
      if (json === undefined) return notZip();
      jsonBytes += event.chunk.length;
      if (jsonBytes > MAX_BUNDLE_BYTES) return malformed(`${ENVELOPE_ENTRY} is over ${MAX_BUNDLE_BYTES / 1024 / 1024} MB`);
      json.push(event.chunk.slice());
      if (event.final) return readEnvelope();
      return undefined;
    }
    if (current === undefined) return notZip();
    current.received += event.chunk.length;
    if (current.received > current.file.size) return fileDamaged(current.file.sha256);
    if (event.chunk.length > 0) await current.receiver.write(event.chunk);
    return event.final ? finishFile() : undefined;
  }

  async function readEnvelope(): Promise<BundleRefusal | undefined> {
    const bytes = new Uint8Array(jsonBytes);
    let at = 0;
    for (const part of json ?? []) bytes.set(part, (at += part.length) - part.length);
    json = [];
    let value: unknown;
    try {
      value = JSON.parse(strFromU8(bytes));
    } catch {
      return refused('not-json', `This bundle is damaged: its ${ENVELOPE_ENTRY} is not readable JSON. Export it again from the device.`);
    }
    const checked = await checkZipEnvelope(value);
    if (!checked.ok) return checked;
    if (checked.bundle.files.length > MAX_ZIP_BUNDLE_FILES) return malformed(`it lists more than ${MAX_ZIP_BUNDLE_FILES} files`);
    const wrong = checkFilesIndex(checked.bundle.submissions, checked.bundle.files);
    if (wrong) return wrong;
    envelope = checked.bundle;
    index = new Map(envelope.files.map((f) => [f.sha256, f]));
    return undefined;
  }

  function fileDamaged(sha256: string): BundleRefusal {
    const name = filesNamed(envelope?.submissions ?? []).files.get(sha256)?.name ?? `${sha256.slice(0, 12)}…`;
    return refused('file-damaged', `This bundle is damaged: the file ${name} in it does not match its checksum, so nothing was imported. Export it again from the device.`, name);
  }

  async function finishFile(): Promise<BundleRefusal | undefined> {
    const done = current!;
    current = undefined;
    if (done.received !== done.file.size || !(await done.receiver.end())) return fileDamaged(done.file.sha256);
    return undefined;
  }

  /** Pushes bytes into the unzipper, then handles what they gave, in order. */
  async function feed(chunk: Uint8Array, final: boolean): Promise<BundleRefusal | undefined> {
    try {
      unzip.push(chunk, final);
    } catch {
      return notZip();
    }
    for (let event = events.shift(); event; event = events.shift()) {
      const refusal = await handle(event);
      if (refusal) return refusal;
    }
    return undefined;
  }

  let refusal: BundleRefusal | undefined;
  try {
    for await (const chunk of chunks) {
      refusal = await feed(chunk, false);
      if (refusal) break;
    }
    refusal ??= await feed(new Uint8Array(0), true);
  } catch (error) {
    // The source or a receiver failed (a client gone, a full disk): drop the file in progress.
    await current?.receiver.abort();
    throw error;
  }
  if (refusal === undefined && current !== undefined) refusal = notZip();
  if (refusal === undefined && envelope === undefined) refusal = notZip();
  if (refusal !== undefined) {
    await current?.receiver.abort();
    return refusal;
  }
  const absent = envelope!.files.find((f) => !seen.has(f.sha256));
  if (absent) return missingFile(filesNamed(envelope!.submissions).files.get(absent.sha256)!);
  return { ok: true, bundle: envelope! };
}
