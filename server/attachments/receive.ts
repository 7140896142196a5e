// Reading an upload's body into an incoming file chunk by chunk, never holding more than a chunk:
// the request is paused while each chunk is written, and reading stops at the first byte past a
// limit or a first few bytes that disagree with the declared type.
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http';
import { HEAD_BYTES, type Incoming } from './files';

export interface ReceiveLimits {
  /** The most bytes this body may hold; past it, a 413 with this message. */
  maxBytes: number;
  tooLarge: string;
  /** Whether the file's first bytes (HEAD_BYTES, or all of a shorter file) are acceptable; else a 415 with `badHead`. */
  headFits: (head: Uint8Array) => boolean;
  badHead: string;
}

/** A refusal once part of the body was read: the rest is left unread, so the connection closes after the answer. */
function refuse(status: 413 | 415, message: string): HttpError {
  return new HttpError(status, status === 413 ? 'payload_too_large' : 'unsupported_media_type', message, { Connection: 'close' });
}

/**
 * Writes the whole body into `file`. Rejects with an HttpError (413, 415, or 400 when the client
 * went away mid-body) and leaves the temporary file for the caller to discard.
 */
export function receiveInto(req: IncomingMessage, file: Incoming, limits: ReceiveLimits): Promise<void> {
  return new Promise((resolve, reject) => {
    let headChecked = false;
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onGone);
      req.off('close', onClose);
      if (error) {
        req.pause();
        reject(error);
      } else resolve();
    };
    const checkHead = (final: boolean): boolean => {
      if (headChecked || (!final && file.head.length < HEAD_BYTES)) return true;
      headChecked = true;
      return limits.headFits(file.head);
    };
    const onData = (chunk: Buffer) => {
      if (file.size + chunk.length > limits.maxBytes) return settle(refuse(413, limits.tooLarge));
      req.pause();
      file.write(chunk).then(
        () => {
          if (settled) return;
          if (!checkHead(false)) return settle(refuse(415, limits.badHead));
          req.resume();
        },
        (error: Error) => settle(error),
      );
    };
    const onEnd = () => {
      if (!checkHead(true)) return settle(new HttpError(415, 'unsupported_media_type', limits.badHead));
      settle();
    };
    const onGone = () => settle(new HttpError(400, 'bad_request', 'The request ended before its body did.'));
    const onClose = () => {
      if (!req.complete) onGone();
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onGone);
    req.on('close', onClose);
  });
}
