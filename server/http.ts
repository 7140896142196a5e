// Small helpers over node:http: headers every answer carries, JSON and error answers,
// and reading a request body without ever holding more than the limit.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiErrorCode } from '../src/sync/api';

/** No inline script anywhere: the app's code comes from its own files only. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  // blob: for the thumbnail of a photo kept on the device (an object URL of its stored Blob).
  "img-src 'self' data: blob:",
  "manifest-src 'self'",
  // blob: for the unzipping workers fflate starts from the page's own script when an .xlsx is over
  // 512 KB (the coordinator's preview); a blob: URL can only be made by script already running here.
  "worker-src 'self' blob:",
  "connect-src 'self'",
].join('; ');

/** Sent with every answer: app, API, errors alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** An answer to give instead of going on; thrown by checks, caught by the router. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** A JSON answer; API answers are never cached. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** The one error shape: `{"error": {"code", "message"}}`. */
export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { error: { code: error.code, message: error.message } }, error.headers);
}

/** Throws 405 unless the method is one of `allowed`. */
export function allowMethods(req: IncomingMessage, allowed: readonly string[]): void {
  if (!allowed.includes(req.method ?? '')) {
    throw new HttpError(405, 'method_not_allowed', `Use ${allowed.join(' or ')} here.`, { Allow: allowed.join(', ') });
  }
}

/** Throws 415 unless the body is declared as JSON (UTF-8, the only charset JSON has). */
export function requireJsonContentType(req: IncomingMessage): void {
  const [type = '', ...params] = (req.headers['content-type'] ?? '').split(';');
  const charset = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('charset='));
  const utf8 = charset === undefined || ['charset=utf-8', 'charset="utf-8"'].includes(charset);
  if (type.trim().toLowerCase() !== 'application/json' || !utf8) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the body as application/json (UTF-8).');
  }
}

function tooLarge(maxBytes: number): HttpError {
  // Connection: close, since the rest of the body is left unread.
  return new HttpError(413, 'payload_too_large', `The body is over ${maxBytes} bytes; send smaller batches.`, { Connection: 'close' });
}

/**
 * The whole body, refusing (413) as soon as it passes `maxBytes`, whether declared by
 * Content-Length or found while reading; what is past the limit is never read.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.pause();
    return Promise.reject(tooLarge(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onFail);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        cleanup();
        req.pause();
        chunks.length = 0;
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onFail = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      if (req.complete) return;
      cleanup();
      reject(new HttpError(400, 'bad_request', 'The request ended before its body did.'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onFail);
    req.on('close', onClose);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A body parsed as JSON; 400 when it is not valid UTF-8 JSON. */
export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(utf8.decode(body));
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON.');
  }
}

/** Seconds a client is asked to wait while the database cannot be reached. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** 503 with Retry-After: the database is unreachable, nothing was stored, the request can be repeated. */
export function databaseUnavailable(): HttpError {
  return new HttpError(503, 'unavailable', 'The database cannot be reached right now; nothing was stored. Try again shortly.', {
    'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS),
  });
}

/** Resolves once `res` can take more (true), or false when the client went away: backpressure for streamed answers. */
export function drained(res: ServerResponse): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  if (!res.writableNeedDrain) return Promise.resolve(true);
  return new Promise((resolve) => {
    const settle = (ok: boolean) => () => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(ok);
    };
    const onDrain = settle(true);
    const onClose = settle(false);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}
