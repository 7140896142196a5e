// Attachment bytes on disk, each content once under its sha256 (`<dir>/ab/abcdef…`). A file is
// written to a temporary name in its final folder while it is hashed, flushed to disk, and
// renamed into place only when its bytes hash to the name: a reader never sees half a file.
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/** Bytes kept of a file's start, enough for every image signature `bytesFit` reads. */
export const HEAD_BYTES = 16;
/** Temporary files start with this; never a sha256, so never taken for a kept file. */
const TEMP_PREFIX = '.incoming-';
/** A temporary file older than this at start was left by a process that died mid-upload. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/** A file being received. */
export interface Incoming {
  /** Bytes written so far. */
  readonly size: number;
  /** The file's first bytes (up to HEAD_BYTES; fewer while fewer arrived). */
  readonly head: Uint8Array;
  /** Appends a chunk; one at a time (await each). */
  write(chunk: Uint8Array): Promise<void>;
  /** Keeps the file under its sha256 when the bytes hash to it (true); else removes it (false). */
  commit(): Promise<boolean>;
  /** Removes the temporary file; harmless after commit or a second time. */
  discard(): Promise<void>;
}

/** The attachments folder. */
export interface AttachmentFiles {
  readonly dir: string;
  /** Where the file of this sha256 is kept. */
  pathOf(sha256: string): string;
  /** Starts receiving a file whose bytes must hash to `sha256`. */
  incoming(sha256: string): Promise<Incoming>;
  /** Whether the file is on disk. */
  exists(sha256: string): Promise<boolean>;
  /** The kept file's bytes, streamed. */
  read(sha256: string): ReadStream;
  /** Stores bytes already in memory (a bundle's), through the same checks; false when they do not hash to `sha256`. */
  put(sha256: string, bytes: Uint8Array): Promise<boolean>;
  /** Removes temporary files left by a process that died mid-upload (older than an hour: another server may share the folder). */
  sweep(now?: number): Promise<number>;
}

const SHA256 = /^[0-9a-f]{64}$/;

function checkSha(sha256: string): string {
  // The name becomes a path: only ever 64 lowercase hex.
  if (!SHA256.test(sha256)) throw new Error('not a sha256');
  return sha256;
}

/** Flushes a folder's entries (a rename) to disk. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  for (let offset = 0; offset < chunk.length; ) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}

/** The attachments folder at `dir` (made when missing). */
export function attachmentFiles(dir: string): AttachmentFiles {
  const pathOf = (sha256: string) => join(dir, checkSha(sha256).slice(0, 2), sha256);

  async function incoming(sha256: string): Promise<Incoming> {
    const final = pathOf(sha256);
    const folder = join(dir, sha256.slice(0, 2));
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const temp = join(folder, `${TEMP_PREFIX}${sha256}-${randomBytes(8).toString('hex')}`);
    const handle = await open(temp, 'wx', 0o600);
    const hash: Hash = createHash('sha256');
    let size = 0;
    let head = new Uint8Array(0);
    let handleOpen = true;
    let gone = false;
    const close = async () => {
      if (!handleOpen) return;
      handleOpen = false;
      await handle.close();
    };
    const discard = async () => {
      await close().catch(() => undefined);
      if (gone) return;
      gone = true;
      await unlink(temp).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    };
    return {
      get size() {
        return size;
      },
      get head() {
        return head;
      },
      write: async (chunk) => {
        if (head.length < HEAD_BYTES) head = Uint8Array.from([...head, ...chunk.subarray(0, HEAD_BYTES - head.length)]);
        hash.update(chunk);
        size += chunk.length;
        await writeAll(handle, chunk);
      },
      commit: async () => {
        if (hash.digest('hex') !== sha256) {
          await discard();
          return false;
        }
        try {
          // On disk before the rename, and the rename on disk before the answer says "stored".
          await handle.sync();
          await close();
          await rename(temp, final);
          gone = true;
          await syncDir(folder);
          return true;
        } catch (error) {
          await discard();
          throw error;
        }
      },
      discard,
    };
  }

  return {
    dir,
    pathOf,
    incoming,
    exists: async (sha256) => {
      try {
        return (await stat(pathOf(sha256))).isFile();
      } catch {
        return false;
      }
    },
    read: (sha256) => createReadStream(pathOf(sha256)),
    put: async (sha256, bytes) => {
      const file = await incoming(sha256);
      try {
        await file.write(bytes);
        return await file.commit();
      } finally {
        await file.discard();
      }
    },
    sweep: async (now = Date.now()) => {
      let removed = 0;
      let folders: string[];
      try {
        folders = await readdir(dir);
      } catch {
        return 0;
      }
      for (const folder of folders.filter((name) => /^[0-9a-f]{2}$/.test(name))) {
        for (const name of await readdir(join(dir, folder))) {
          if (!name.startsWith(TEMP_PREFIX)) continue;
          const path = join(dir, folder, name);
          const info = await stat(path).catch(() => undefined);
          if (info && now - info.mtimeMs > STALE_TEMP_MS) {
            await unlink(path).catch(() => undefined);
            removed++;
          }
        }
      }
      return removed;
    },
  };
}
