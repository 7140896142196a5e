// A ZIP bundle's body read as it arrives (src/export/bundle-zip.ts): each file written to the
// attachments folder through the same incoming files as an upload, hashed while written and kept
// under its sha256 only when its bytes hash to it. No more than a chunk of a file is in memory.
import type { IncomingMessage } from 'node:http';
import { readZipBundle, type ZipBundleRead } from '../../src/export/bundle-zip';
import { HttpError } from '../http';
import type { AttachmentFiles } from './files';

/** The request's bytes in order, refusing (413) past `maxBytes`, and (400) a client gone mid-body. */
async function* bodyChunks(req: IncomingMessage, maxBytes: number, tooLarge: string): AsyncGenerator<Uint8Array> {
  let size = 0;
  // A refusal stops reading but must not destroy the socket: the answer still has to go out.
  const chunks = req.iterator({ destroyOnReturn: false });
  try {
    for await (const chunk of chunks) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw new HttpError(413, 'payload_too_large', tooLarge, { Connection: 'close' });
      yield chunk as Buffer;
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'bad_request', 'The request ended before its body did.');
  }
  if (!req.complete) throw new HttpError(400, 'bad_request', 'The request ended before its body did.');
}

/** A read ZIP bundle, with the first bytes of each file kept (for the type checks of the submissions naming it). */
export type ReceivedZipBundle = { read: ZipBundleRead; heads: Map<string, Uint8Array> };

/**
 * Reads a ZIP bundle from the request, keeping each file in `files` as it comes. On a refusal the
 * file in progress is dropped; files already kept stay on disk, named by no submission (as after a
 * cut upload), and the database is untouched.
 */
export async function receiveZipBundle(req: IncomingMessage, files: AttachmentFiles, limits: { maxBytes: number; tooLarge: string }): Promise<ReceivedZipBundle> {
  const heads = new Map<string, Uint8Array>();
  const read = await readZipBundle(bodyChunks(req, limits.maxBytes, limits.tooLarge), async ({ sha256 }) => {
    const file = await files.incoming(sha256);
    return {
      write: (chunk) => file.write(chunk),
      end: async () => {
        heads.set(sha256, file.head);
        try {
          return await file.commit();
        } finally {
          await file.discard();
        }
      },
      abort: () => file.discard(),
    };
  });
  return { read, heads };
}
